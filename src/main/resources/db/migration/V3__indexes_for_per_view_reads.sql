-- Every page asks SQLite for what it shows (README, "Reads at scale"): these columns and indexes
-- serve those queries, each chosen from EXPLAIN QUERY PLAN (QueryPlanTest keeps them in use).

-- Periods sort by their end, then their start (Period.compareTo), as month numbers
-- (year * 12 + month - 1). Generated from the period code, so they can never disagree with it.
ALTER TABLE observation ADD COLUMN period_start INTEGER GENERATED ALWAYS AS (
  CAST(substr(period, 1, 4) AS INTEGER) * 12 + CASE
    WHEN length(period) = 4 THEN 0
    WHEN substr(period, 6, 1) = 'H' THEN (CAST(substr(period, 7, 1) AS INTEGER) - 1) * 6
    WHEN substr(period, 6, 1) = 'Q' THEN (CAST(substr(period, 7, 1) AS INTEGER) - 1) * 3
    ELSE CAST(substr(period, 6, 2) AS INTEGER) - 1
  END) VIRTUAL;
ALTER TABLE observation ADD COLUMN period_end INTEGER GENERATED ALWAYS AS (
  CASE
    WHEN length(period) = 4 THEN CAST(period AS INTEGER) * 12 + 11
    WHEN substr(period, 6, 1) = 'H'
      THEN CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 7, 1) AS INTEGER) * 6 - 1
    WHEN substr(period, 6, 1) = 'Q'
      THEN CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 7, 1) AS INTEGER) * 3 - 1
    WHEN length(period) = 7
      THEN CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 6, 2) AS INTEGER) - 1
    ELSE CAST(substr(period, 9, 4) AS INTEGER) * 12 + CAST(substr(period, 14, 2) AS INTEGER) - 1
  END) VIRTUAL;

-- An indicator's figures in page order (region, then period), and its headline series.
CREATE INDEX observation_by_series
  ON observation (indicator, region, period_end, period_start);
CREATE INDEX observation_headline_series
  ON observation (indicator, region, period_end, period_start) WHERE headline = 1;
-- What a source backs (the sources pages), and what an import recorded.
CREATE INDEX observation_by_source ON observation (source, indicator);
CREATE INDEX observation_by_import ON observation (import_id);

-- The timeline in date order (partial dates as text sort like PartialDate), the summary's
-- milestones (one category in date order), and the events of a source in date order.
CREATE INDEX event_by_date ON event (date, id);
CREATE INDEX event_by_category ON event (category, date, id);
CREATE INDEX event_by_source ON event (source, date, id);

-- The source register in publisher order, and its counts per reliability.
CREATE INDEX source_by_publisher ON source (publisher COLLATE NOCASE, id);
CREATE INDEX source_by_reliability ON source (reliability);

-- A revision of an observation names the row it belongs to, so a page reads the histories of
-- the figures it shows through an index instead of parsing every revision's JSON key.
ALTER TABLE revision ADD COLUMN observation_id INTEGER REFERENCES observation (id);
UPDATE revision SET observation_id = (
  SELECT o.id FROM observation o
  WHERE o.indicator = json_extract(revision.row_key, '$.indicator')
    AND o.region = json_extract(revision.row_key, '$.region')
    AND o.period = json_extract(revision.row_key, '$.period')
    AND o.source = json_extract(revision.row_key, '$.source'))
WHERE table_name = 'observation';
CREATE INDEX revision_by_observation ON revision (observation_id) WHERE observation_id IS NOT NULL;
CREATE INDEX revision_by_import ON revision (import_id);

-- Rows and bytes of each CSV download, measured when an import commits (the importer writes
-- them), so /data can say how big a file is without exporting it; data_version says which data
-- they measured, so a change made another way is noticed.
CREATE TABLE download_size (
  file         TEXT PRIMARY KEY,
  rows         INTEGER NOT NULL,
  bytes        INTEGER NOT NULL,
  data_version INTEGER NOT NULL
);

-- Indicators are listed by category in the vocabulary's order (data/README.md), then by code:
-- the list pages through this index instead of sorting every indicator.
ALTER TABLE indicator ADD COLUMN category_rank INTEGER GENERATED ALWAYS AS (
  CASE category WHEN 'scale' THEN 0 WHEN 'enterprises' THEN 1 WHEN 'segments' THEN 2
    WHEN 'hardware' THEN 3 WHEN 'adoption' THEN 4 WHEN 'compute' THEN 5 WHEN 'global' THEN 6
    ELSE 7 END) VIRTUAL;
CREATE INDEX indicator_in_list_order ON indicator (category_rank, code);
