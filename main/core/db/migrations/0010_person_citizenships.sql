-- Every citizenship of a person, for the case list's filter: persons.citizenship holds the first
-- only, so a dual national (UA and MD) was not found by "Moldova" (found by a reviewing helper).
-- Kept by triggers from the person's record, so every writer (forms, import, training) agrees.
CREATE TABLE person_citizenships (
  code TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  PRIMARY KEY (code, person_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX person_citizenships_by_person ON person_citizenships (person_id);

INSERT OR IGNORE INTO person_citizenships (code, person_id)
  SELECT j.value, p.id FROM persons p, json_each(p.record, '$.prs_Citizenship') j WHERE j.type = 'text';

CREATE TRIGGER persons_citizenships_on_insert AFTER INSERT ON persons
BEGIN
  INSERT OR IGNORE INTO person_citizenships (code, person_id)
    SELECT value, NEW.id FROM json_each(NEW.record, '$.prs_Citizenship') WHERE type = 'text';
END;

CREATE TRIGGER persons_citizenships_on_update AFTER UPDATE OF record ON persons
BEGIN
  DELETE FROM person_citizenships WHERE person_id = NEW.id;
  INSERT OR IGNORE INTO person_citizenships (code, person_id)
    SELECT value, NEW.id FROM json_each(NEW.record, '$.prs_Citizenship') WHERE type = 'text';
END;
