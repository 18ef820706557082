-- A counter of changes to what benchmarks are built from: a submission, an
-- organisation's sharing setting, a team's setting, specialty or nation. Each app
-- instance keeps its benchmark index in memory and reads this one row per benchmark
-- request; when it has moved, the instance applies the changes logged since the
-- version it has. The counter is bumped inside the transaction that makes the change,
-- and its row lock orders those transactions, so every version up to the one read
-- is committed, with its log row.
CREATE TABLE benchmark_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version BIGINT NOT NULL
);
INSERT INTO benchmark_version (id, version) VALUES (1, 0);

-- One row per version: the team whose latest scores or attributes changed, or the
-- organisation whose sharing setting changed (the other column is '').
CREATE TABLE benchmark_changes (
	version BIGINT PRIMARY KEY,
	team_id TEXT NOT NULL DEFAULT '',
	organisation_id TEXT NOT NULL DEFAULT ''
);
