-- HTCDS case records. Queried, sorted and reported fields are real columns; the full HTCDS
-- section records are validated JSON beside them (DESIGN.md §4).

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('survivor', 'perpetrator', 'other')),
  display_name TEXT NOT NULL,
  birthdate TEXT,
  gender TEXT,
  citizenship TEXT,
  aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
  record TEXT NOT NULL CHECK (json_valid(record)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  case_number TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('Active', 'FollowUp', 'Closed', 'ClosedReferred')),
  intake_date TEXT NOT NULL,
  organisation TEXT NOT NULL,
  assigned_user_id INTEGER REFERENCES users (id),
  survivor_id INTEGER NOT NULL REFERENCES persons (id),
  age_at_intake INTEGER,
  trafficking_status TEXT,
  closure_reason TEXT,
  details TEXT NOT NULL CHECK (json_valid(details)),
  victim TEXT NOT NULL CHECK (json_valid(victim)),
  version INTEGER NOT NULL DEFAULT 1,
  is_training INTEGER NOT NULL DEFAULT 0 CHECK (is_training IN (0, 1)),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX cases_by_intake ON cases (intake_date);
CREATE INDEX cases_by_status ON cases (status, intake_date);
CREATE INDEX cases_by_assignee ON cases (assigned_user_id, intake_date);
CREATE INDEX cases_by_updated ON cases (updated_at);
CREATE INDEX cases_by_survivor ON cases (survivor_id);

-- One row per exploitation type, so "type = X" filters use an index instead of scanning JSON.
CREATE TABLE case_exploitation_types (
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  PRIMARY KEY (case_id, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_exploitation_types_by_code ON case_exploitation_types (code, case_id);

CREATE TABLE trafficking_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  type TEXT,
  event_date TEXT,
  country TEXT,
  record TEXT NOT NULL CHECK (json_valid(record))
) STRICT;
CREATE INDEX trafficking_events_by_case ON trafficking_events (case_id, event_date);

CREATE TABLE case_perpetrators (
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  context TEXT NOT NULL CHECK (json_valid(context)),
  PRIMARY KEY (case_id, person_id)
) STRICT;
CREATE INDEX case_perpetrators_by_person ON case_perpetrators (person_id);

CREATE TABLE case_comments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  author_user_id INTEGER REFERENCES users (id),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_comments_by_case ON case_comments (case_id, created_at);

-- Attachments live inside the encrypted database, never as loose files on disk.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_by_case ON attachments (case_id);

CREATE TABLE case_number_sequences (
  year INTEGER PRIMARY KEY,
  last_number INTEGER NOT NULL
) STRICT;

-- Full-text search over case number, names, aliases and comments, inside the encrypted DB.
-- rowid = cases.id. FTS5's own secure-delete: plain secure_delete does not reach its shadow
-- tables, and a deleted survivor's name must not survive in the index.
CREATE VIRTUAL TABLE case_search USING fts5 (
  case_number,
  names,
  notes,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);
