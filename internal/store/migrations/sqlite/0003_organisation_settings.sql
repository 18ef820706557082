-- Organisation settings (SCORING.md "Cohort privacy" and "Open data").
-- share_with_other_organisations: when false, the organisation's teams are left out of
-- other organisations' cohorts, and its own teams are compared only with each other.
-- publish_open_data: opting in to the public, anonymous aggregate (off by default).
ALTER TABLE organisations ADD COLUMN share_with_other_organisations BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE organisations ADD COLUMN publish_open_data BOOLEAN NOT NULL DEFAULT FALSE;
