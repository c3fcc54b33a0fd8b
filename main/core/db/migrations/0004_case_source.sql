-- Where a case came from. 'casevault': entered here. 'htcds-import': read from an HTCDS file
-- (CSV, JSON or the standard's Excel sheet). 'ctdc-deidentified': a row of CTDC's public dataset —
-- a de-identified record: it has no names or birthdates, and none may ever be invented for it.
ALTER TABLE cases ADD COLUMN source TEXT NOT NULL DEFAULT 'casevault'
  CHECK (source IN ('casevault', 'htcds-import', 'ctdc-deidentified'));

-- What the source said that HTCDS has no field for (CTDC's ageBroad, yearOfRegistration, majority
-- status…; an intake date that is only a year), as JSON. NULL for cases entered here.
ALTER TABLE cases ADD COLUMN source_record TEXT CHECK (source_record IS NULL OR json_valid(source_record));

-- No index on source: nothing lists cases by it yet, and every import row would pay for one.
