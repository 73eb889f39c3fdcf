-- Search (docs/pages.md, "Search"): an index that is data, kept by every import in its own
-- transaction (store/SearchIndex) and built here for the data an existing database holds.
--
-- What a search finds is defined once, by the views search_names and search_docs below; this
-- migration and the importer both fill the index from them.

-- ---- Short forms of places: reference data staff import (aliases.csv) ------------------------
-- A name readers type for a place that is not its name in regions.csv: 粤 and 广东 for 广东省,
-- 京 for 北京市. note says where the short form comes from.
CREATE TABLE alias (
  id          INTEGER PRIMARY KEY,
  alias       TEXT NOT NULL CHECK (alias <> ''),
  region      TEXT NOT NULL REFERENCES region (code),
  note        TEXT NOT NULL DEFAULT '',
  recorded_at TEXT,
  import_id   INTEGER REFERENCES import_log (id),
  UNIQUE (alias, region)
);
CREATE INDEX alias_by_region ON alias (region);
CREATE INDEX alias_by_import ON alias (import_id);
CREATE TRIGGER alias_insert_bumps_version AFTER INSERT ON alias
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER alias_update_bumps_version AFTER UPDATE ON alias
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;
CREATE TRIGGER alias_delete_bumps_version AFTER DELETE ON alias
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;

-- ---- What is searched ------------------------------------------------------------------------
-- Every name a thing is known by (folded: lower() folds ASCII; FTS5 folds the rest of the case),
-- one row each: the exact and prefix matches, and the one- and two-character words, come from
-- these. kind is indicator, place, source or event; ref the thing's key as text (an event's id).
CREATE VIEW search_names (kind, ref, name) AS
  SELECT 'indicator', code, lower(name_en) FROM indicator
  UNION ALL SELECT 'indicator', code, lower(name_zh) FROM indicator
  UNION ALL SELECT 'indicator', code, lower(code) FROM indicator
  UNION ALL SELECT 'place', code, lower(name_en) FROM region
  UNION ALL SELECT 'place', code, lower(name_zh) FROM region
  UNION ALL SELECT 'place', code, lower(code) FROM region
  UNION ALL SELECT 'place', region, lower(alias) FROM alias
  UNION ALL SELECT 'source', id, lower(publisher) FROM source
  UNION ALL SELECT 'source', id, lower(title) FROM source
  UNION ALL SELECT 'source', id, id FROM source
  UNION ALL SELECT 'event', CAST(id AS TEXT), lower(title_en) FROM event
  UNION ALL SELECT 'event', CAST(id AS TEXT), lower(title_zh) FROM event;

-- Each thing's text for substring matches: its names, and the words that describe it.
CREATE VIEW search_docs (kind, ref, names, body) AS
  SELECT 'indicator', i.code, i.name_en || ' | ' || i.name_zh || ' | ' || i.code,
         i.unit_en || ' | ' || i.unit_zh || ' | ' || coalesce(c.name_en || ' | ' || c.name_zh, '')
         || ' | ' || i.definition_en || ' | ' || i.definition_zh
  FROM indicator i LEFT JOIN category c ON c.code = i.category
  UNION ALL
  SELECT 'place', r.code, r.name_en || ' | ' || r.name_zh || ' | ' || r.code
         || coalesce((SELECT ' | ' || group_concat(a.alias, ' | ') FROM alias a WHERE a.region = r.code), ''),
         ''
  FROM region r
  UNION ALL
  SELECT 'source', s.id, s.publisher || ' | ' || s.title || ' | ' || s.id, s.note FROM source s
  UNION ALL
  SELECT 'event', CAST(e.id AS TEXT), e.title_en || ' | ' || e.title_zh, e.date || ' | ' || e.description_en
  FROM event e;

-- ---- The index -------------------------------------------------------------------------------
-- Each kind numbers its entries from its own base, so a search of one kind reads one range of
-- every index below (FTS5 and the b-trees alike) instead of filtering all kinds' matches.
CREATE TABLE search_kind (
  kind TEXT PRIMARY KEY,
  base INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;
INSERT INTO search_kind (kind, base) VALUES
  ('indicator', 1099511627776), ('place', 2199023255552), ('source', 3298534883328),
  ('event', 4398046511104);

CREATE TABLE search_entry (
  id   INTEGER PRIMARY KEY,
  kind TEXT NOT NULL REFERENCES search_kind (kind),
  ref  TEXT NOT NULL,
  UNIQUE (kind, ref)
);

-- Names, for exact and prefix matches (name = q, name BETWEEN q AND q || max).
CREATE TABLE search_name (
  entry INTEGER NOT NULL REFERENCES search_entry (id),
  name  TEXT NOT NULL,
  PRIMARY KEY (entry, name)
) WITHOUT ROWID;
CREATE INDEX search_name_by_name ON search_name (name, entry);

-- Substrings of three characters or more, in names and descriptions: FTS5's trigram tokenizer
-- (case folded), rowid = search_entry.id.
CREATE VIRTUAL TABLE search_text USING fts5 (names, body, tokenize = 'trigram case_sensitive 0');

-- Words of one or two characters, which trigrams cannot find: every one- and two-character run
-- of Chinese characters in a name, and the first one or two letters or digits of each word.
CREATE TABLE search_gram (
  gram  TEXT NOT NULL,
  entry INTEGER NOT NULL REFERENCES search_entry (id),
  PRIMARY KEY (gram, entry)
) WITHOUT ROWID;
CREATE INDEX search_gram_by_entry ON search_gram (entry);

-- Character positions 1 to 600: grams are read from the first 600 characters of a name.
CREATE TABLE search_position (i INTEGER PRIMARY KEY);
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600)
INSERT INTO search_position (i) SELECT i FROM n;

-- The grams of the names in search_name (CJK: U+2E80-U+9FFF and U+F900-U+FAFF).
CREATE VIEW search_grams (gram, entry) AS
  SELECT substr(n.name, p.i, g.len), n.entry
  FROM search_name n
  JOIN search_position p ON p.i <= length(n.name)
  JOIN (SELECT 1 AS len UNION ALL SELECT 2) g
  WHERE ((unicode(substr(n.name, p.i, 1)) BETWEEN 11904 AND 40959
          OR unicode(substr(n.name, p.i, 1)) BETWEEN 63744 AND 64255)
         AND (g.len = 1 OR unicode(substr(n.name, p.i + 1, 1)) BETWEEN 11904 AND 40959
              OR unicode(substr(n.name, p.i + 1, 1)) BETWEEN 63744 AND 64255))
     OR (substr(n.name, p.i, 1) GLOB '[a-z0-9]'
         AND (p.i = 1 OR substr(n.name, p.i - 1, 1) NOT GLOB '[a-z0-9]')
         AND (g.len = 1 OR substr(n.name, p.i + 1, 1) GLOB '[a-z0-9]'));

-- ---- Built for the data already here ---------------------------------------------------------
INSERT INTO search_entry (id, kind, ref)
SELECT k.base + row_number() OVER (PARTITION BY d.kind ORDER BY d.ref), d.kind, d.ref
FROM search_docs d JOIN search_kind k ON k.kind = d.kind;
INSERT OR IGNORE INTO search_name (entry, name)
SELECT e.id, n.name FROM search_names n JOIN search_entry e ON e.kind = n.kind AND e.ref = n.ref
WHERE n.name <> '';
INSERT INTO search_text (rowid, names, body)
SELECT e.id, d.names, d.body FROM search_docs d JOIN search_entry e ON e.kind = d.kind AND e.ref = d.ref;
INSERT OR IGNORE INTO search_gram (gram, entry) SELECT gram, entry FROM search_grams;
