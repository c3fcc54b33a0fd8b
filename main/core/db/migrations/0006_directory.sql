-- Issue 6: the service directory — organisations and the services they offer, for referrals.
-- Organisation data, not survivor data; it lives in the vault all the same. Rows are never
-- deleted (referrals point at them): `active = 0` takes them out of pickers and searches.
-- `hsds_id` is the Open Referral HSDS 3.0 id (a UUID made at creation): exports carry it, and
-- re-importing the same file updates these rows instead of duplicating them.

CREATE TABLE directory_organisations (
  id INTEGER PRIMARY KEY,
  hsds_id TEXT NOT NULL UNIQUE CHECK (length(hsds_id) = 36),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  -- HTCDS org_Type code (checked against the code list by the API), NULL when not known.
  org_type TEXT CHECK (org_type IS NULL OR length(org_type) BETWEEN 1 AND 80),
  description TEXT CHECK (description IS NULL OR length(description) <= 5000),
  phone TEXT CHECK (phone IS NULL OR length(phone) <= 60),
  email TEXT CHECK (email IS NULL OR length(email) <= 254),
  website TEXT CHECK (website IS NULL OR length(website) <= 500),
  address TEXT CHECK (address IS NULL OR length(address) <= 500),
  city TEXT CHECK (city IS NULL OR length(city) <= 200),
  region TEXT CHECK (region IS NULL OR length(region) <= 200),
  postal_code TEXT CHECK (postal_code IS NULL OR length(postal_code) <= 40),
  country TEXT CHECK (country IS NULL OR length(country) = 2),
  latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX directory_organisations_by_name ON directory_organisations (name COLLATE NOCASE);

CREATE TABLE directory_services (
  id INTEGER PRIMARY KEY,
  hsds_id TEXT NOT NULL UNIQUE CHECK (length(hsds_id) = 36),
  organisation_id INTEGER NOT NULL REFERENCES directory_organisations (id),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  description TEXT CHECK (description IS NULL OR length(description) <= 5000),
  phone TEXT CHECK (phone IS NULL OR length(phone) <= 60),
  email TEXT CHECK (email IS NULL OR length(email) <= 254),
  website TEXT CHECK (website IS NULL OR length(website) <= 500),
  address TEXT CHECK (address IS NULL OR length(address) <= 500),
  city TEXT CHECK (city IS NULL OR length(city) <= 200),
  region TEXT CHECK (region IS NULL OR length(region) <= 200),
  postal_code TEXT CHECK (postal_code IS NULL OR length(postal_code) <= 40),
  country TEXT CHECK (country IS NULL OR length(country) = 2),
  latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  -- ISO 639-1 codes as a JSON array: shown, never filtered on in SQL.
  languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages) AND json_type(languages) = 'array'),
  eligibility_notes TEXT CHECK (eligibility_notes IS NULL OR length(eligibility_notes) <= 5000),
  opening_hours TEXT CHECK (opening_hours IS NULL OR length(opening_hours) <= 1000),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX directory_services_by_organisation ON directory_services (organisation_id);
CREATE INDEX directory_services_by_name ON directory_services (name COLLATE NOCASE);

-- What a service offers, as HTCDS spl_Type codes (the support-plan types): a child table so
-- "services of type Legal" is an index lookup, for the directory filter and for referrals.
CREATE TABLE directory_service_types (
  service_id INTEGER NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (length(type) BETWEEN 1 AND 80),
  PRIMARY KEY (service_id, type)
) STRICT, WITHOUT ROWID;

CREATE INDEX directory_service_types_by_type ON directory_service_types (type, service_id);
