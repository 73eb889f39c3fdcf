-- Tables mirror the seed CSVs (see data/README.md); vocabularies are enforced here too, so no
-- import path can store a value the pages do not know how to label.

CREATE TABLE source (
  id           TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  publisher    TEXT NOT NULL CHECK (publisher <> ''),
  title        TEXT NOT NULL CHECK (title <> ''),
  url          TEXT NOT NULL CHECK (url LIKE 'http%'),
  published_on TEXT,
  language     TEXT NOT NULL CHECK (language IN ('en', 'zh', 'fr')),
  reliability  TEXT NOT NULL CHECK (reliability IN ('official', 'news', 'secondary', 'low')),
  note         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE indicator (
  code          TEXT PRIMARY KEY,
  category      TEXT NOT NULL CHECK (category IN
                  ('scale', 'enterprises', 'segments', 'hardware', 'adoption', 'compute', 'global')),
  name_en       TEXT NOT NULL,
  name_zh       TEXT NOT NULL,
  unit          TEXT NOT NULL CHECK (unit IN
                  ('CNY_bn', 'USD_bn', 'million_units', 'million_users', 'pct', 'count', 'EFLOPS')),
  unit_en       TEXT NOT NULL,
  unit_zh       TEXT NOT NULL,
  decimals      INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
  definition_en TEXT NOT NULL,
  definition_zh TEXT NOT NULL
);

CREATE TABLE observation (
  id        INTEGER PRIMARY KEY,
  indicator TEXT NOT NULL REFERENCES indicator (code),
  region    TEXT NOT NULL CHECK (region IN ('CN', 'CN-GC', 'WORLD', 'US')),
  period    TEXT NOT NULL,
  -- The decimal exactly as published, so exports reproduce the seed files byte for byte.
  value     TEXT NOT NULL,
  qualifier TEXT NOT NULL CHECK (qualifier IN
              ('reported', 'approx', 'lower_bound', 'derived', 'forecast', 'target')),
  source    TEXT NOT NULL REFERENCES source (id),
  headline  INTEGER NOT NULL CHECK (headline IN (0, 1)),
  note      TEXT NOT NULL DEFAULT '',
  UNIQUE (indicator, region, period, source)
);

-- Charts draw one value per (indicator, region, period): the database refuses a second.
CREATE UNIQUE INDEX observation_one_headline
  ON observation (indicator, region, period) WHERE headline = 1;

CREATE TABLE event (
  id             INTEGER PRIMARY KEY,
  date           TEXT NOT NULL,
  category       TEXT NOT NULL CHECK (category IN ('policy', 'regulation', 'data_release', 'industry')),
  title_en       TEXT NOT NULL,
  title_zh       TEXT NOT NULL,
  description_en TEXT NOT NULL DEFAULT '',
  source         TEXT NOT NULL REFERENCES source (id),
  UNIQUE (date, title_en)
);

-- A counter that any change to the data moves on; /healthz and page caches key on it.
CREATE TABLE data_version (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  version    INTEGER NOT NULL,
  changed_at TEXT NOT NULL
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- Statement-level bumps would be cheaper, but SQLite has only row triggers; imports are small.
CREATE TRIGGER source_insert_bumps_version AFTER INSERT ON source
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER source_update_bumps_version AFTER UPDATE ON source
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER source_delete_bumps_version AFTER DELETE ON source
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER indicator_insert_bumps_version AFTER INSERT ON indicator
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER indicator_update_bumps_version AFTER UPDATE ON indicator
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER indicator_delete_bumps_version AFTER DELETE ON indicator
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER observation_insert_bumps_version AFTER INSERT ON observation
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER observation_update_bumps_version AFTER UPDATE ON observation
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER observation_delete_bumps_version AFTER DELETE ON observation
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER event_insert_bumps_version AFTER INSERT ON event
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER event_update_bumps_version AFTER UPDATE ON event
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER event_delete_bumps_version AFTER DELETE ON event
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
