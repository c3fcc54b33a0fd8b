-- The case list at 100k cases (`npm run bench`): counting the matches and choosing a page's ids
-- must read narrow indexes only, never the wide rows (whole HTCDS records as JSON) of cases and
-- persons. Under SQLCipher every page read is decrypted, and those rows do not fit the page cache:
-- before this, the unfiltered list took ~250 ms and a two-filter list ~700 ms.
--
-- Each index below starts with what the list sorts or narrows by and carries every other column it
-- filters on (status, intake date, assignee, survivor, age), so those queries are covering.
DROP INDEX cases_by_intake;
DROP INDEX cases_by_status;
DROP INDEX cases_by_assignee;
CREATE INDEX cases_list_by_intake ON cases (intake_date, status, assigned_user_id, survivor_id, age_at_intake);
CREATE INDEX cases_list_by_status ON cases (status, intake_date, assigned_user_id, survivor_id, age_at_intake);
CREATE INDEX cases_list_by_assignee ON cases (assigned_user_id, intake_date, status, survivor_id, age_at_intake);

-- The survivor facets the list filters on, keyed by person id: a gender or citizenship filter
-- walks this index instead of the person rows.
CREATE INDEX persons_list_facets ON persons (id, gender, citizenship);
