-- What is due (README, "Freshness"): the release schedules of the publication series the figures
-- come from are data (schedules.csv), and each indicator's freshness is worked out from them and
-- from the publication dates of its figures whenever an import commits.

-- A publication series (a publisher's report, tracker or recurring statement) and the indicators
-- it feeds (space-separated codes), how often it comes out, and when: in the usual release months,
-- or lag_months after the end of the period a figure covers. basis says where the schedule comes
-- from: a cited page (basis_url) or inferred from past releases (evidence: the sources whose
-- publication dates show them).
CREATE TABLE schedule (
  id             INTEGER PRIMARY KEY,
  series         TEXT NOT NULL UNIQUE,
  publisher      TEXT NOT NULL CHECK (publisher <> ''),
  name_en        TEXT NOT NULL CHECK (name_en <> ''),
  name_zh        TEXT NOT NULL CHECK (name_zh <> ''),
  indicators     TEXT NOT NULL,
  cadence        TEXT NOT NULL CHECK (cadence IN ('annual', 'semi-annual', 'quarterly', 'monthly', 'irregular')),
  release_months TEXT NOT NULL DEFAULT '',
  lag_months     INTEGER,
  grace_months   INTEGER,
  basis          TEXT NOT NULL CHECK (basis IN ('cited', 'inferred')),
  basis_url      TEXT NOT NULL DEFAULT '',
  evidence       TEXT NOT NULL DEFAULT '',
  note           TEXT NOT NULL DEFAULT '',
  recorded_at    TEXT,
  import_id      INTEGER REFERENCES import_log (id)
);
CREATE TRIGGER schedule_insert_bumps_version AFTER INSERT ON schedule
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER schedule_update_bumps_version AFTER UPDATE ON schedule
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;

-- What an import recorded (/updates/{id}); the reference tables that grow with the places too.
CREATE INDEX schedule_by_import ON schedule (import_id);
CREATE INDEX region_by_import ON region (import_id);
-- Indicator pages list the world and country regions with figures: a few rows of an index, not
-- every province and city.
CREATE INDEX region_by_level ON region (level, id);

-- Which series feed an indicator: the schedules' indicator lists, one row per pair, kept by the
-- importer so a page finds an indicator's series through an index.
CREATE TABLE schedule_indicator (
  indicator TEXT NOT NULL REFERENCES indicator (code),
  series    TEXT NOT NULL REFERENCES schedule (series),
  PRIMARY KEY (indicator, series)
) WITHOUT ROWID;

-- Each indicator's freshness as of its data: when its newest figure was published, the latest
-- period it covers, and when the next release of the series that feeds it is expected (a month,
-- an estimate) and after which day it counts as overdue. Worked out by the importer; whether a
-- release is overdue depends on the day a page is read, so pages compare overdue_after with it.
CREATE TABLE freshness (
  indicator      TEXT PRIMARY KEY REFERENCES indicator (code),
  last_published TEXT,
  last_source    TEXT REFERENCES source (id),
  latest_period  TEXT,
  series         TEXT REFERENCES schedule (series),
  expected       TEXT,
  overdue_after  TEXT
) WITHOUT ROWID;
-- The indicators list sorted by when their next release is due (those with none last: the
-- expression is the list's sort key), and the count of overdue ones.
CREATE INDEX freshness_by_expected ON freshness (coalesce(expected, '9999-12'), indicator);
CREATE INDEX freshness_by_overdue ON freshness (overdue_after);

-- Revisions of any importable table: the list of tables is the importer's to know, no longer a
-- CHECK that every new kind of file would have to rebuild.
CREATE TABLE revision_new (
  id              INTEGER PRIMARY KEY,
  table_name      TEXT NOT NULL,
  row_key         TEXT NOT NULL,
  old_values      TEXT NOT NULL,
  old_recorded_at TEXT,
  old_import_id   INTEGER REFERENCES import_log (id),
  replaced_at     TEXT NOT NULL,
  import_id       INTEGER NOT NULL REFERENCES import_log (id),
  observation_id  INTEGER REFERENCES observation (id)
);
INSERT INTO revision_new SELECT id, table_name, row_key, old_values, old_recorded_at,
  old_import_id, replaced_at, import_id, observation_id FROM revision;
DROP TABLE revision;
ALTER TABLE revision_new RENAME TO revision;
CREATE INDEX revision_by_row ON revision (table_name, row_key);
CREATE INDEX revision_by_observation ON revision (observation_id);
CREATE INDEX revision_by_import ON revision (import_id);
CREATE INDEX revision_by_old_import ON revision (old_import_id);

-- The data version the freshness rows were worked out at: a database changed around the importer
-- (or migrated from an older release) is brought up to date when the server starts.
CREATE TABLE freshness_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  data_version INTEGER NOT NULL
);
