-- Imports are logged, and a figure that an import changes keeps its previous state as a revision:
-- no update can silently lose a published number.

CREATE TABLE import_log (
  id          INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  who         TEXT NOT NULL,
  -- JSON array of {name, sha256, table, rows}
  files       TEXT NOT NULL,
  added       INTEGER NOT NULL,
  changed     INTEGER NOT NULL,
  unchanged   INTEGER NOT NULL
);

-- When and by which import each observation took its current state (NULL: before imports were logged).
ALTER TABLE observation ADD COLUMN recorded_at TEXT;
ALTER TABLE observation ADD COLUMN import_id INTEGER REFERENCES import_log (id);

-- The state a row had before an import replaced it. row_key and old_values are JSON objects of
-- the CSV columns, so every table shares one history; observations also keep when their old
-- state had been recorded.
CREATE TABLE revision (
  id              INTEGER PRIMARY KEY,
  table_name      TEXT NOT NULL CHECK (table_name IN ('source', 'indicator', 'observation', 'event')),
  row_key         TEXT NOT NULL,
  old_values      TEXT NOT NULL,
  old_recorded_at TEXT,
  old_import_id   INTEGER REFERENCES import_log (id),
  replaced_at     TEXT NOT NULL,
  import_id       INTEGER NOT NULL REFERENCES import_log (id)
);
CREATE INDEX revision_by_row ON revision (table_name, row_key);
