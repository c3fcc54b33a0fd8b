-- A referral made from a screening that was already linked to a case had been stored with no case
-- (the screening screen sent none: opened before the link, or in another window). It stayed in
-- its creator's lists and reminders after the case went to another caseworker, and that
-- caseworker, whose survivor it was about, found it nowhere (found by a reviewing helper). New
-- referrals take the screening's case (referral-access.ts); this moves the ones made before.
UPDATE referrals
SET case_id = (SELECT a.case_id FROM assessments a WHERE a.id = referrals.assessment_id)
WHERE case_id IS NULL
  AND assessment_id IS NOT NULL
  AND (SELECT a.case_id FROM assessments a WHERE a.id = referrals.assessment_id) IS NOT NULL;
