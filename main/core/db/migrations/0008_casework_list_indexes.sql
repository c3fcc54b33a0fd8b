-- Issue 6 lists and dashboard at 100k cases (numbers from `npm run bench`).
-- The screening list's counts read this narrow index instead of the assessments rows (answers and
-- outcome JSON make each row wide): measured in `npm run bench` at 100k cases, the encrypted count
-- went from 495 ms to about 50 ms with the index alone, and lower with the split counts in
-- main/core/screening/assessment-repository.ts.
CREATE INDEX assessments_list_cover ON assessments (assessed_on, screener_user_id, case_id, summary_risk_level);

-- Visibility probes for caseworkers ("is this case mine?") answered from an index, not from the
-- case rows (wide: their HTCDS JSON spans pages that SQLCipher must decrypt).
CREATE INDEX cases_assignee_probe ON cases (id, assigned_user_id);

-- Dashboard counts and reminder lists: the follow-up indexes also carry what visibility needs.
-- (It replaces 0007's referrals_follow_up_due, which had the same first column and nothing else.)
DROP INDEX referrals_follow_up_due;
CREATE INDEX referrals_follow_up_visibility ON referrals (follow_up_due, case_id, created_by)
  WHERE follow_up_due IS NOT NULL;
CREATE INDEX referrals_status_visibility ON referrals (status, direction, case_id, created_by);
CREATE INDEX support_plans_follow_up_case ON support_plans (follow_up_date, case_id)
  WHERE follow_up_date IS NOT NULL AND status = 'active';

-- A referral carries its case's assigned caseworker, kept by triggers, so "the referrals a
-- caseworker may see" is an index range instead of a probe into cases per referral (the overdue
-- list and the caseworker's dashboard read thousands of referrals at 100k cases otherwise).
-- Never set by the services: only these triggers write it.
ALTER TABLE referrals ADD COLUMN case_assignee INTEGER;
UPDATE referrals SET case_assignee = (SELECT assigned_user_id FROM cases WHERE cases.id = referrals.case_id);

CREATE TRIGGER referrals_case_assignee_on_insert AFTER INSERT ON referrals WHEN NEW.case_id IS NOT NULL
BEGIN
  UPDATE referrals SET case_assignee = (SELECT assigned_user_id FROM cases WHERE id = NEW.case_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER referrals_case_assignee_on_link AFTER UPDATE OF case_id ON referrals
BEGIN
  UPDATE referrals SET case_assignee = (SELECT assigned_user_id FROM cases WHERE id = NEW.case_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER cases_assignee_to_referrals AFTER UPDATE OF assigned_user_id ON cases
BEGIN
  UPDATE referrals SET case_assignee = NEW.assigned_user_id WHERE case_id = NEW.id;
END;

CREATE INDEX referrals_assignee_date ON referrals (case_assignee, referral_date);
CREATE INDEX referrals_assignee_follow_up ON referrals (case_assignee, follow_up_due)
  WHERE follow_up_due IS NOT NULL;
CREATE INDEX referrals_assignee_status ON referrals (case_assignee, status, direction, referral_date);
-- Screening-only referrals (no case yet) are seen by whoever made them.
CREATE INDEX referrals_without_case ON referrals (created_by, referral_date) WHERE case_id IS NULL;

-- The same for support plans: the dashboard counts a caseworker's plan follow-ups from an index.
ALTER TABLE support_plans ADD COLUMN case_assignee INTEGER;
UPDATE support_plans SET case_assignee = (SELECT assigned_user_id FROM cases WHERE cases.id = support_plans.case_id);
CREATE TRIGGER support_plans_case_assignee_on_insert AFTER INSERT ON support_plans
BEGIN
  UPDATE support_plans SET case_assignee = (SELECT assigned_user_id FROM cases WHERE id = NEW.case_id)
  WHERE id = NEW.id;
END;
CREATE TRIGGER cases_assignee_to_support_plans AFTER UPDATE OF assigned_user_id ON cases
BEGIN
  UPDATE support_plans SET case_assignee = NEW.assigned_user_id WHERE case_id = NEW.id;
END;
CREATE INDEX support_plans_assignee_follow_up ON support_plans (case_assignee, follow_up_date)
  WHERE follow_up_date IS NOT NULL AND status = 'active';
