-- Issue 6: screening — risk and vulnerability assessments (HTCDS 2.0 Assessment and Planning).

-- Template versions. A version is never changed: editing a template inserts version + 1 under the
-- same key, so an assessment always displays with the questions its screener actually saw.
CREATE TABLE assessment_templates (
  id INTEGER PRIMARY KEY,
  template_key TEXT NOT NULL CHECK (length(template_key) BETWEEN 2 AND 60),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  UNIQUE (template_key, version)
) STRICT;

CREATE TRIGGER assessment_templates_immutable BEFORE UPDATE ON assessment_templates
BEGIN
  SELECT RAISE(ABORT, 'assessment template versions are immutable');
END;
CREATE TRIGGER assessment_templates_kept BEFORE DELETE ON assessment_templates
BEGIN
  SELECT RAISE(ABORT, 'assessment template versions are kept');
END;

-- One screening. case_id is NULL for a walk-in or hotline screening not (yet) linked to a case;
-- subject then holds the minimal person details (JSON, encrypted at rest with the whole vault).
--
-- ON DELETE CASCADE, deliberately: deleting a case is the admin's erasure of a survivor's record
-- (secure_delete overwrites it), and a screening's answers describe that same person and their
-- household. SET NULL would leave those answers behind as an orphan the admin meant to erase. The
-- comments, attachments and events of a case cascade the same way.
--
-- The computed result is stored in columns (per-level weights, levels, next step) so lists,
-- filters and the dashboard never parse JSON; `outcome` keeps the full breakdown for display.
-- summary_risk_level is the level that counts: the screener's judgement when given, else computed.
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NULL REFERENCES cases (id) ON DELETE CASCADE,
  assessed_on TEXT NOT NULL CHECK (assessed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  screener_user_id INTEGER REFERENCES users (id),
  summary_risk_level TEXT NOT NULL CHECK (summary_risk_level IN ('low', 'medium', 'high')),
  template_id INTEGER NOT NULL REFERENCES assessment_templates (id),
  channel TEXT NOT NULL CHECK (channel IN ('walkIn', 'hotline', 'outreach', 'referral', 'caseReview')),
  subject TEXT CHECK (subject IS NULL OR json_valid(subject)),
  subject_name TEXT,
  answers TEXT NOT NULL CHECK (json_valid(answers)),
  outcome TEXT NOT NULL CHECK (json_valid(outcome)),
  computed_risk_level TEXT NOT NULL CHECK (computed_risk_level IN ('low', 'medium', 'high')),
  judgement_level TEXT CHECK (judgement_level IS NULL OR judgement_level IN ('low', 'medium', 'high')),
  judgement_reason TEXT,
  next_step TEXT NOT NULL CHECK (
    next_step IN ('noFurtherAction', 'monitor', 'referToServices', 'openCase', 'urgentProtection')
  ),
  next_step_note TEXT,
  individual_risk INTEGER NOT NULL CHECK (individual_risk >= 0),
  individual_protective INTEGER NOT NULL CHECK (individual_protective >= 0),
  household_risk INTEGER NOT NULL CHECK (household_risk >= 0),
  household_protective INTEGER NOT NULL CHECK (household_protective >= 0),
  community_risk INTEGER NOT NULL CHECK (community_risk >= 0),
  community_protective INTEGER NOT NULL CHECK (community_protective >= 0),
  linked_at TEXT,
  created_at TEXT NOT NULL,
  -- A judgement that differs from the rules always carries its reason.
  CHECK (
    judgement_level IS NULL OR judgement_level = computed_risk_level
    OR (judgement_reason IS NOT NULL AND length(trim(judgement_reason)) > 0)
  ),
  -- Every screening is about someone: a case's survivor or a named walk-in.
  CHECK (case_id IS NOT NULL OR subject IS NOT NULL)
) STRICT;

-- A screening is a record of one moment: only its link to a case may change afterwards.
CREATE TRIGGER assessments_immutable BEFORE UPDATE ON assessments
WHEN NEW.answers IS NOT OLD.answers OR NEW.template_id IS NOT OLD.template_id
  OR NEW.outcome IS NOT OLD.outcome OR NEW.assessed_on IS NOT OLD.assessed_on
  OR NEW.summary_risk_level IS NOT OLD.summary_risk_level
  OR NEW.judgement_level IS NOT OLD.judgement_level OR NEW.screener_user_id IS NOT OLD.screener_user_id
BEGIN
  SELECT RAISE(ABORT, 'a screening is not edited after it is saved');
END;

CREATE INDEX assessments_by_date ON assessments (assessed_on);
CREATE INDEX assessments_by_case ON assessments (case_id, assessed_on);
CREATE INDEX assessments_by_screener ON assessments (screener_user_id, assessed_on);
