-- Issue 6: referrals (HTCDS cas_ referral details), the survivor's consent to share, the status
-- history, and support plans (HTCDS spl_). Statuses and codes are CHECKed here so a bug in a
-- service cannot store a state the workflow does not know.

CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
  -- From a case or from a screening (an assessment not yet a case): at least one of the two.
  case_id INTEGER REFERENCES cases (id) ON DELETE CASCADE,
  assessment_id INTEGER REFERENCES assessments (id) ON DELETE CASCADE,
  -- The other organisation (referred to when outgoing, referring when incoming): a directory
  -- entry, or a name typed in for an organisation that is not in the directory.
  organisation_id INTEGER REFERENCES directory_organisations (id),
  organisation_name TEXT CHECK (organisation_name IS NULL OR length(organisation_name) BETWEEN 1 AND 200),
  service_id INTEGER REFERENCES directory_services (id),
  counterpart_caseworker TEXT CHECK (counterpart_caseworker IS NULL OR length(counterpart_caseworker) <= 200),
  primary_user_id INTEGER REFERENCES users (id),
  reason TEXT CHECK (reason IN ('AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other')),
  details TEXT CHECK (details IS NULL OR length(details) <= 20000),
  services_requested TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(services_requested) AND json_type(services_requested) = 'array'),
  urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'priority', 'emergency')),
  referral_date TEXT NOT NULL CHECK (referral_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (
    status IN ('draft', 'sent', 'received', 'accepted', 'declined', 'in_progress', 'completed', 'closed_unsuccessful')
  ),
  follow_up_date TEXT CHECK (follow_up_date IS NULL OR follow_up_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  outcome TEXT CHECK (outcome IS NULL OR length(outcome) <= 20000),
  -- The information categories actually shared when the referral was sent (a subset of the consent).
  shared_categories TEXT CHECK (
    shared_categories IS NULL OR (json_valid(shared_categories) AND json_type(shared_categories) = 'array')
  ),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- The follow-up date while the referral is open, NULL once finished: reminders query this column
  -- alone, so only its index can answer them (a status term would tempt the planner elsewhere).
  follow_up_due TEXT GENERATED ALWAYS AS (
    CASE WHEN status IN ('draft', 'sent', 'received', 'accepted', 'in_progress') THEN follow_up_date END
  ) VIRTUAL,
  CHECK (case_id IS NOT NULL OR assessment_id IS NOT NULL),
  CHECK (organisation_id IS NOT NULL OR organisation_name IS NOT NULL),
  -- Outgoing referrals start as drafts; incoming ones arrive as 'received'. Neither uses the other's.
  CHECK (NOT (direction = 'incoming' AND status IN ('draft', 'sent'))),
  CHECK (NOT (direction = 'outgoing' AND status = 'received'))
) STRICT;

CREATE INDEX referrals_by_date ON referrals (referral_date, id);
CREATE INDEX referrals_by_case ON referrals (case_id, referral_date);
CREATE INDEX referrals_by_assessment ON referrals (assessment_id) WHERE assessment_id IS NOT NULL;
-- Also serves "awaiting an answer" (status = 'sent', oldest first) without a sort.
CREATE INDEX referrals_by_status ON referrals (status, referral_date);
CREATE INDEX referrals_by_creator ON referrals (created_by, referral_date);
-- Dashboard reminders: only open referrals with a follow-up date are indexed, so "overdue" and
-- "due this week" read a handful of entries however many finished referrals there are.
CREATE INDEX referrals_follow_up_due ON referrals (follow_up_due) WHERE follow_up_due IS NOT NULL;

-- Who agreed to what. At most one consent in force per referral; a withdrawn one stays as history.
CREATE TABLE referral_consents (
  id INTEGER PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  given_by TEXT NOT NULL CHECK (given_by IN ('survivor', 'guardian', 'other')),
  given_by_name TEXT CHECK (given_by_name IS NULL OR length(given_by_name) <= 200),
  given_on TEXT NOT NULL CHECK (given_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
  categories TEXT NOT NULL
    CHECK (json_valid(categories) AND json_type(categories) = 'array' AND json_array_length(categories) > 0),
  recorded_by INTEGER REFERENCES users (id),
  recorded_at TEXT NOT NULL,
  withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  withdrawn_by INTEGER REFERENCES users (id)
) STRICT;
CREATE UNIQUE INDEX referral_consents_one_in_force ON referral_consents (referral_id) WHERE withdrawn_on IS NULL;
CREATE INDEX referral_consents_by_referral ON referral_consents (referral_id, id);

CREATE TABLE referral_status_history (
  id INTEGER PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  from_status TEXT,
  to_status TEXT NOT NULL,
  changed_on TEXT NOT NULL CHECK (changed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  changed_by INTEGER REFERENCES users (id),
  note TEXT CHECK (note IS NULL OR length(note) <= 2000),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX referral_status_history_by_referral ON referral_status_history (referral_id, id);

CREATE TABLE support_plans (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  referral_id INTEGER REFERENCES referrals (id) ON DELETE SET NULL,
  type TEXT NOT NULL CHECK (
    type IN ('Education', 'Financial', 'Health', 'LabourExploitationRehabilitation', 'Legal', 'Livelihood',
             'RightsBasedTraining', 'SexualExploitationRehabilitation', 'SocialCare')
  ),
  objectives TEXT NOT NULL CHECK (length(objectives) BETWEEN 1 AND 20000),
  action_plan TEXT CHECK (action_plan IS NULL OR length(action_plan) <= 20000),
  start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  planned_end_date TEXT CHECK (planned_end_date IS NULL OR planned_end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  actual_end_date TEXT CHECK (actual_end_date IS NULL OR actual_end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  follow_up_date TEXT CHECK (follow_up_date IS NULL OR follow_up_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'discontinued')),
  outcome TEXT CHECK (outcome IS NULL OR length(outcome) <= 20000),
  version INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- A finished plan has an end date; an active one has none yet.
  CHECK ((status = 'active') = (actual_end_date IS NULL))
) STRICT;
CREATE INDEX support_plans_by_case ON support_plans (case_id, start_date);
CREATE INDEX support_plans_by_referral ON support_plans (referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX support_plans_open_follow_up ON support_plans (follow_up_date)
  WHERE follow_up_date IS NOT NULL AND status = 'active';
