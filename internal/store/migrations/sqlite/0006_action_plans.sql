-- Action plans (SCORING.md "Action priority", "Carry forward"). A plan is derived once
-- when its assessment is submitted and never re-derived: the assessment is read-only,
-- its plan is the team's to edit (owner, due date, status, notes), with a history of
-- every change. Projected scores are computed on read and never stored.
CREATE TABLE action_plans (
	assessment_id TEXT PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE actions (
	id TEXT PRIMARY KEY,
	assessment_id TEXT NOT NULL REFERENCES action_plans (assessment_id) ON DELETE CASCADE,
	item_id TEXT NOT NULL,
	consideration TEXT NOT NULL,
	text TEXT NOT NULL,
	-- The answered value (0 for dont_know) and the item's maximum.
	answered_value DOUBLE PRECISION NOT NULL,
	max_value DOUBLE PRECISION NOT NULL,
	priority DOUBLE PRECISION NOT NULL,
	rank INTEGER NOT NULL,
	do_first BOOLEAN NOT NULL,
	owner TEXT NOT NULL DEFAULT '',
	due_date DATE,
	status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
	notes TEXT NOT NULL DEFAULT '',
	-- The previous plan's action this one carries forward. Not a foreign key: a
	-- plan's history must not depend on an older assessment being kept.
	carried_from TEXT,
	updated_at TIMESTAMP NOT NULL,
	UNIQUE (assessment_id, rank)
);

-- One row per changed field. changed_by is a user id, kept as text like created_by:
-- removing a user must not rewrite a plan's history.
CREATE TABLE action_history (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
	changed_at TIMESTAMP NOT NULL,
	changed_by TEXT NOT NULL,
	field TEXT NOT NULL CHECK (field IN ('owner', 'due_date', 'status', 'notes')),
	from_value TEXT NOT NULL,
	to_value TEXT NOT NULL
);
CREATE INDEX action_history_action ON action_history (action_id, id);

-- The previous plan's open actions whose item the new assessment answers at its
-- maximum, fixed when the new plan is derived.
CREATE TABLE plan_resolved (
	assessment_id TEXT NOT NULL REFERENCES action_plans (assessment_id) ON DELETE CASCADE,
	previous_action_id TEXT NOT NULL,
	item_id TEXT NOT NULL,
	text TEXT NOT NULL,
	from_value DOUBLE PRECISION NOT NULL,
	to_value DOUBLE PRECISION NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (assessment_id, previous_action_id)
);
