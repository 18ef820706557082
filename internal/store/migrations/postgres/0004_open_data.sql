-- Open data (SCORING.md "Open data"): the public, anonymous aggregate, one snapshot per
-- UTC day. It is built by the first request of the day and never rebuilt, so that a
-- single new submission cannot be worked out by comparing two reads. The date is the
-- key: of two builders racing (on one instance or several) exactly one insert wins.
-- body is the computed aggregate as JSON in the store's own format (opendata.go).
CREATE TABLE open_data_snapshots (
	snapshot_date DATE PRIMARY KEY,
	built_at TIMESTAMPTZ NOT NULL,
	body TEXT NOT NULL
);
