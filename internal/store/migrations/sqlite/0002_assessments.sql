-- Assessments: one team's answers to one version of a questionnaire, and the scores
-- stored when it is submitted. Scores are stored, not recomputed, so a later edit of
-- a questionnaire file never changes a submitted result.

CREATE TABLE assessments (
	id TEXT PRIMARY KEY,
	team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	-- The team's organisation, copied so that comparisons and benchmarks by
	-- organisation need no join.
	organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
	questionnaire_id TEXT NOT NULL,
	questionnaire_version TEXT NOT NULL,
	-- The content hash of the questionnaire answered (the one scored, once submitted).
	questionnaire_hash TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
	created_at TIMESTAMP NOT NULL,
	-- User ids are kept as text, not foreign keys: removing a user must not remove
	-- or rewrite the team's history.
	created_by TEXT NOT NULL,
	submitted_at TIMESTAMP,
	submitted_by TEXT NOT NULL DEFAULT '',
	overall REAL,
	-- The whole scoring result (counts and full-precision scores included), set on
	-- submission; '' for drafts.
	scores_json TEXT NOT NULL DEFAULT '',
	CHECK ((status = 'draft') = (submitted_at IS NULL))
);
CREATE INDEX assessments_team_status ON assessments (team_id, status, submitted_at);
CREATE INDEX assessments_team_created ON assessments (team_id, created_at);

-- One row per answered item. Exactly one of status, level, option_id, options_json,
-- number and text carries the answer; options_json is a JSON array ('[]' is a
-- checklist with nothing ticked, NULL is no checklist answer).
CREATE TABLE answers (
	assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	item_id TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT '',
	level INTEGER,
	option_id TEXT NOT NULL DEFAULT '',
	options_json TEXT,
	number REAL,
	text TEXT,
	updated_by TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (assessment_id, item_id)
);

-- The consideration scores of submitted assessments, one row each, for benchmarks
-- and comparisons. score is rounded to one decimal (what users see); exact keeps full
-- precision for ranking. Both are NULL when the consideration is insufficient.
CREATE TABLE assessment_scores (
	assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	consideration TEXT NOT NULL,
	score REAL,
	exact REAL,
	level TEXT NOT NULL DEFAULT '',
	coverage REAL NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('scored', 'insufficient')),
	PRIMARY KEY (assessment_id, consideration)
);
CREATE INDEX assessment_scores_consideration ON assessment_scores (consideration, score);
