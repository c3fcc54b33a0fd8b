-- A person's citizenships after the first, for the case list's filter: persons.citizenship holds
-- the first only (indexed in persons_list_facets), so a dual national (UA and MD) was not found by
-- "Moldova" (found by a reviewing helper). Only the rare second and later ones are kept here,
-- written with the person's row (main/core/cases/person-citizenships.ts). Triggers did it first:
-- parsing every person's record JSON cost the import a fifth of its speed (npm run bench:
-- 23k → 18k rows/s).
CREATE TABLE person_citizenships (
  code TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  PRIMARY KEY (code, person_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX person_citizenships_by_person ON person_citizenships (person_id);

INSERT OR IGNORE INTO person_citizenships (code, person_id)
  SELECT j.value, p.id FROM persons p, json_each(p.record, '$.prs_Citizenship') j
  WHERE j.type = 'text' AND j.key > 0;
