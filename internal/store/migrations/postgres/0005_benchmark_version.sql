-- A counter of changes to what benchmarks are built from: a submission, an
-- organisation's sharing setting, a team's setting, specialty or nation. Each app
-- instance keeps its benchmark index in memory and reads this one row per benchmark
-- request; when it has moved, the instance reloads. The counter is bumped inside the
-- transaction that makes the change, so it never runs ahead of what it counts.
CREATE TABLE benchmark_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version BIGINT NOT NULL
);
INSERT INTO benchmark_version (id, version) VALUES (1, 0);
