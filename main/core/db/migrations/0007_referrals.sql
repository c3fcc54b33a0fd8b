-- Issue 6: referrals, consent and support plans. Filled in by its slice.
SELECT 1;
