-- Sign-in and token rate limits (auth.Limits), shared by every app instance and kept
-- across restarts. One fixed-window counter per key: "account:" or "address:" and the
-- SHA-256 of the email address or client address, so no address is stored in clear.
-- A window starts at its key's first failure; rows whose window has ended are deleted
-- on write, so the table holds only the keys tried in the last window.
CREATE TABLE rate_limits (
	key TEXT PRIMARY KEY,
	window_start TIMESTAMPTZ NOT NULL,
	count INTEGER NOT NULL CHECK (count >= 0)
);
CREATE INDEX rate_limits_window_start ON rate_limits (window_start);
