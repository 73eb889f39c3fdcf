-- Reference data become data (README, "Reference data"): regions, units, indicator categories and
-- source languages are tables that imports extend, and the data refer to them with foreign keys
-- instead of CHECK lists. Every importable table also records when and by which import each row
-- took its state, so "what changed" can be read for any of them.
--
-- SQLite cannot change a table's constraints in place, so the tables that name another are built
-- again (as *_new, referring to each other's new names), their rows copied with their ids; the
-- old ones are dropped children first, so no row is ever left pointing at a dropped parent, and
-- the new ones take the old names, which SQLite carries into the references between them.
-- Nothing is lost: every id, and with it every revision and import-log entry, still holds.

-- ---- The reference tables -------------------------------------------------------------------
-- Each has an integer id in the order rows were imported (the order pages list them in) and a
-- code the data refer to.

CREATE TABLE language (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name_en     TEXT NOT NULL CHECK (name_en <> ''),
  name_zh     TEXT NOT NULL CHECK (name_zh <> ''),
  recorded_at TEXT,
  import_id   INTEGER REFERENCES import_log (id)
);

CREATE TABLE category (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name_en     TEXT NOT NULL CHECK (name_en <> ''),
  name_zh     TEXT NOT NULL CHECK (name_zh <> ''),
  recorded_at TEXT,
  import_id   INTEGER REFERENCES import_log (id)
);

-- How a unit is written: format_en and format_zh put the number where {0} is and the
-- indicator's own unit words where {unit} is; Chinese first turns the value into zh_exponent
-- powers of ten of its base unit (yuan, units, people …) and writes it with the largest of the
-- magnitudes 万 (4), 亿 (8) and 万亿 (12) in zh_magnitudes that it reaches (0: none).
CREATE TABLE unit (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name_en       TEXT NOT NULL CHECK (name_en <> ''),
  name_zh       TEXT NOT NULL CHECK (name_zh <> ''),
  format_en     TEXT NOT NULL CHECK (format_en LIKE '%{0}%'),
  format_zh     TEXT NOT NULL CHECK (format_zh LIKE '%{0}%'),
  zh_exponent   INTEGER NOT NULL CHECK (zh_exponent BETWEEN -12 AND 18),
  zh_magnitudes TEXT NOT NULL,
  recorded_at   TEXT,
  import_id     INTEGER REFERENCES import_log (id)
);

-- Places: the world, countries (and Greater China, as Canalys counts it), provinces and
-- municipalities (ISO 3166-2:CN codes), and cities (the province's code and a suffix). A parent
-- is always at a higher level than its child, so the places form a tree without cycles.
CREATE TABLE region (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name_en     TEXT NOT NULL CHECK (name_en <> ''),
  name_zh     TEXT NOT NULL CHECK (name_zh <> ''),
  parent      TEXT REFERENCES region (code),
  level       TEXT NOT NULL CHECK (level IN ('world', 'country', 'province', 'city')),
  recorded_at TEXT,
  import_id   INTEGER REFERENCES import_log (id)
);
CREATE INDEX region_by_parent ON region (parent);

-- An existing database gets the reference rows its data use, with the words the interface
-- used for them so far; a new one gets them all from the seed import, which follows.
INSERT INTO language (code, name_en, name_zh)
SELECT v.column1, v.column2, v.column3 FROM (VALUES
  ('en', 'English', '英文'), ('zh', 'Chinese', '中文'), ('fr', 'French', '法文')) v
WHERE v.column1 IN (SELECT language FROM source);

INSERT INTO category (code, name_en, name_zh)
SELECT v.column1, v.column2, v.column3 FROM (VALUES
  ('scale', 'Industry scale', '产业规模'), ('enterprises', 'Enterprises', '企业'),
  ('segments', 'Industry segments', '产业链各层'), ('hardware', 'Smart hardware', '智能硬件'),
  ('adoption', 'Adoption', '应用普及'), ('compute', 'Computing power', '算力'),
  ('global', 'Global comparisons', '国际比较')) v
WHERE v.column1 IN (SELECT category FROM indicator);

INSERT INTO unit (code, name_en, name_zh, format_en, format_zh, zh_exponent, zh_magnitudes)
SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7 FROM (VALUES
  ('CNY_bn', 'billion yuan', '十亿元', '¥{0} billion', '{0}元', 9, '8 12'),
  ('USD_bn', 'billion US dollars', '十亿美元', 'US${0} billion', '{0}美元', 9, '8 12'),
  ('million_units', 'million units', '百万台（部、辆、副）', '{0} {unit}', '{0}{unit}', 6, '4 8'),
  ('million_users', 'million users', '百万人', '{0} {unit}', '{0}{unit}', 6, '8'),
  ('pct', 'percent', '百分比', '{0} %', '{0}%', 0, '0'),
  ('count', 'count', '数量', '{0} {unit}', '{0}{unit}', 0, '0 4 8'),
  ('EFLOPS', 'EFLOPS (10^18 floating-point operations per second)',
   'EFLOPS（每秒百亿亿次浮点运算）', '{0} {unit}', '{0} EFLOPS', 0, '0')) v
WHERE v.column1 IN (SELECT unit FROM indicator);

INSERT INTO region (code, name_en, name_zh, parent, level)
SELECT v.column1, v.column2, v.column3, v.column4, v.column5 FROM (VALUES
  ('CN', 'China (mainland)', '中国（大陆）', 'WORLD', 'country'),
  ('CN-GC', 'Greater China', '大中华区', 'WORLD', 'country'),
  ('WORLD', 'World', '全球', NULL, 'world'),
  ('US', 'United States', '美国', 'WORLD', 'country')) v
WHERE v.column1 IN (SELECT region FROM observation) OR (v.column1 = 'WORLD'
  AND EXISTS (SELECT 1 FROM observation WHERE region IN ('CN', 'CN-GC', 'US')));

-- ---- Sources: the language is a reference ---------------------------------------------------
CREATE TABLE source_new (
  id           TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  publisher    TEXT NOT NULL CHECK (publisher <> ''),
  title        TEXT NOT NULL CHECK (title <> ''),
  url          TEXT NOT NULL CHECK (url LIKE 'http%'),
  published_on TEXT,
  language     TEXT NOT NULL REFERENCES language (code),
  reliability  TEXT NOT NULL CHECK (reliability IN ('official', 'news', 'secondary', 'low')),
  note         TEXT NOT NULL DEFAULT '',
  recorded_at  TEXT,
  import_id    INTEGER REFERENCES import_log (id)
);
INSERT INTO source_new (rowid, id, publisher, title, url, published_on, language, reliability, note)
SELECT rowid, id, publisher, title, url, published_on, language, reliability, note FROM source;

-- ---- Indicators: the category and the unit are references -----------------------------------
CREATE TABLE indicator_new (
  code          TEXT PRIMARY KEY,
  category      TEXT NOT NULL REFERENCES category (code),
  name_en       TEXT NOT NULL,
  name_zh       TEXT NOT NULL,
  unit          TEXT NOT NULL REFERENCES unit (code),
  unit_en       TEXT NOT NULL,
  unit_zh       TEXT NOT NULL,
  decimals      INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
  definition_en TEXT NOT NULL,
  definition_zh TEXT NOT NULL,
  recorded_at   TEXT,
  import_id     INTEGER REFERENCES import_log (id)
);
INSERT INTO indicator_new (rowid, code, category, name_en, name_zh, unit, unit_en, unit_zh,
                           decimals, definition_en, definition_zh)
SELECT rowid, code, category, name_en, name_zh, unit, unit_en, unit_zh, decimals, definition_en,
       definition_zh FROM indicator;

-- ---- Observations: the region is a reference ------------------------------------------------
CREATE TABLE observation_new (
  id          INTEGER PRIMARY KEY,
  indicator   TEXT NOT NULL REFERENCES indicator_new (code),
  region      TEXT NOT NULL REFERENCES region (code),
  period      TEXT NOT NULL,
  -- The decimal exactly as published, so exports reproduce the seed files byte for byte.
  value       TEXT NOT NULL,
  qualifier   TEXT NOT NULL CHECK (qualifier IN
                ('reported', 'approx', 'lower_bound', 'derived', 'forecast', 'target')),
  source      TEXT NOT NULL REFERENCES source_new (id),
  headline    INTEGER NOT NULL CHECK (headline IN (0, 1)),
  note        TEXT NOT NULL DEFAULT '',
  recorded_at TEXT,
  import_id   INTEGER REFERENCES import_log (id),
  -- Periods sort by their end, then their start, as month numbers (see V3).
  period_start INTEGER GENERATED ALWAYS AS (
    CAST(substr(period, 1, 4) AS INTEGER) * 12 + CASE
      WHEN length(period) = 4 THEN 0
      WHEN substr(period, 6, 1) = 'H' THEN (CAST(substr(period, 7, 1) AS INTEGER) - 1) * 6
      WHEN substr(period, 6, 1) = 'Q' THEN (CAST(substr(period, 7, 1) AS INTEGER) - 1) * 3
      ELSE CAST(substr(period, 6, 2) AS INTEGER) - 1
    END) VIRTUAL,
  period_end INTEGER GENERATED ALWAYS AS (
    CASE
      WHEN length(period) = 4 THEN CAST(period AS INTEGER) * 12 + 11
      WHEN substr(period, 6, 1) = 'H'
        THEN CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 7, 1) AS INTEGER) * 6 - 1
      WHEN substr(period, 6, 1) = 'Q'
        THEN CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 7, 1) AS INTEGER) * 3 - 1
      WHEN length(period) = 7
        THEN CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 6, 2) AS INTEGER) - 1
      ELSE CAST(substr(period, 9, 4) AS INTEGER) * 12 + CAST(substr(period, 14, 2) AS INTEGER) - 1
    END) VIRTUAL,
  UNIQUE (indicator, region, period, source)
);
INSERT INTO observation_new (id, indicator, region, period, value, qualifier, source, headline,
                             note, recorded_at, import_id)
SELECT id, indicator, region, period, value, qualifier, source, headline, note, recorded_at,
       import_id FROM observation;

-- ---- Events record their import too ---------------------------------------------------------
CREATE TABLE event_new (
  id             INTEGER PRIMARY KEY,
  date           TEXT NOT NULL,
  category       TEXT NOT NULL CHECK (category IN ('policy', 'regulation', 'data_release', 'industry')),
  title_en       TEXT NOT NULL,
  title_zh       TEXT NOT NULL,
  description_en TEXT NOT NULL DEFAULT '',
  source         TEXT NOT NULL REFERENCES source_new (id),
  recorded_at    TEXT,
  import_id      INTEGER REFERENCES import_log (id),
  UNIQUE (date, title_en)
);
INSERT INTO event_new (id, date, category, title_en, title_zh, description_en, source)
SELECT id, date, category, title_en, title_zh, description_en, source FROM event;

-- ---- Revisions of any table ------------------------------------------------------------------
-- The revision table's CHECK lists the tables; it is built again to allow the new ones.
CREATE TABLE revision_new (
  id              INTEGER PRIMARY KEY,
  table_name      TEXT NOT NULL CHECK (table_name IN ('language', 'category', 'unit', 'region',
                    'source', 'indicator', 'observation', 'event')),
  row_key         TEXT NOT NULL,
  old_values      TEXT NOT NULL,
  old_recorded_at TEXT,
  old_import_id   INTEGER REFERENCES import_log (id),
  replaced_at     TEXT NOT NULL,
  import_id       INTEGER NOT NULL REFERENCES import_log (id),
  observation_id  INTEGER REFERENCES observation_new (id)
);
INSERT INTO revision_new SELECT id, table_name, row_key, old_values, old_recorded_at,
  old_import_id, replaced_at, import_id, observation_id FROM revision;

-- ---- The old tables go, children first; the new ones take their names ----------------------
DROP TABLE revision;
DROP TABLE event;
DROP TABLE observation;
DROP TABLE indicator;
DROP TABLE source;
ALTER TABLE source_new RENAME TO source;
ALTER TABLE indicator_new RENAME TO indicator;
ALTER TABLE observation_new RENAME TO observation;
ALTER TABLE event_new RENAME TO event;
ALTER TABLE revision_new RENAME TO revision;

CREATE INDEX source_by_publisher ON source (publisher COLLATE NOCASE, id);
CREATE INDEX source_by_reliability ON source (reliability);
CREATE INDEX source_by_import ON source (import_id);
-- Lists go category by category (in the categories' order), then by code.
CREATE INDEX indicator_by_category ON indicator (category, code);
CREATE INDEX indicator_by_import ON indicator (import_id);
CREATE UNIQUE INDEX observation_one_headline
  ON observation (indicator, region, period) WHERE headline = 1;
CREATE INDEX observation_by_series
  ON observation (indicator, region, period_end, period_start);
CREATE INDEX observation_headline_series
  ON observation (indicator, region, period_end, period_start) WHERE headline = 1;
CREATE INDEX observation_by_source ON observation (source, indicator);
CREATE INDEX observation_by_import ON observation (import_id);
-- Places side by side: one indicator's headline figures of a period, and a place's figures.
CREATE INDEX observation_by_period
  ON observation (indicator, period_end, period_start, region) WHERE headline = 1;
CREATE INDEX observation_by_region ON observation (region, indicator);
CREATE INDEX event_by_date ON event (date, id);
CREATE INDEX event_by_category ON event (category, date, id);
CREATE INDEX event_by_source ON event (source, date, id);
CREATE INDEX event_by_import ON event (import_id);
CREATE INDEX revision_by_row ON revision (table_name, row_key);
CREATE INDEX revision_by_observation ON revision (observation_id);
CREATE INDEX revision_by_import ON revision (import_id);
CREATE INDEX revision_by_old_import ON revision (old_import_id);

-- ---- Every change to the data moves the data version on (see V1) ----------------------------
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
CREATE TRIGGER language_insert_bumps_version AFTER INSERT ON language
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER language_update_bumps_version AFTER UPDATE ON language
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER category_insert_bumps_version AFTER INSERT ON category
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER category_update_bumps_version AFTER UPDATE ON category
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER unit_insert_bumps_version AFTER INSERT ON unit
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER unit_update_bumps_version AFTER UPDATE ON unit
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER region_insert_bumps_version AFTER INSERT ON region
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER region_update_bumps_version AFTER UPDATE ON region
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
