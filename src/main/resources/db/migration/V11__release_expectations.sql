-- The release calendar (issue 29): what each indicator's next release was expected to be, kept
-- from the moment it was worked out, so that /calendar can set expected against actual. The
-- freshness table holds only the current expectation and is rewritten by every import; before
-- this table nothing recorded past ones, so a series' punctuality starts with this release.
--
-- One row per expectation, written by FreshnessWriter as an import commits: opened when an
-- indicator's expected month (its series, month and overdue day) first appears, ended by the
-- first import after which it is no longer the expectation: "released" when a newer figure came
-- (the newest figure's source or latest period moved on; released_on is that figure's
-- publication date as its source gives it), else "re-estimated" (a schedule or figure edit moved
-- the date with no new release). An expected date is never rolled forward by the day alone.
--
-- cycle and sequence make the calendar's events: an event (UID) per release awaited, its
-- SEQUENCE the number of times that release was re-estimated (RFC 5545 §3.8.7.4).
CREATE TABLE release_expectation (
  id              INTEGER PRIMARY KEY,
  indicator       TEXT NOT NULL,
  series          TEXT NOT NULL,
  expected        TEXT NOT NULL,
  overdue_after   TEXT NOT NULL,
  basis           TEXT NOT NULL CHECK (basis IN ('cited', 'inferred')),
  -- The newest figure when the expectation was set: a later one answers it.
  after_published TEXT,
  after_source    TEXT,
  after_period    TEXT,
  cycle           INTEGER,
  sequence        INTEGER NOT NULL DEFAULT 0,
  since_import    INTEGER REFERENCES import_log (id),
  since_at        TEXT NOT NULL,
  ended_import    INTEGER REFERENCES import_log (id),
  ended_at        TEXT,
  outcome         TEXT CHECK (outcome IN ('released', 're-estimated')),
  released_on     TEXT,
  released_source TEXT
);
-- The open expectation of an indicator (one at most), and an indicator's or a series' record.
CREATE UNIQUE INDEX release_expectation_open ON release_expectation (indicator) WHERE ended_at IS NULL;
CREATE INDEX release_expectation_by_indicator ON release_expectation (indicator, id);
CREATE INDEX release_expectation_by_series ON release_expectation (series, id);
CREATE INDEX release_expectation_by_cycle ON release_expectation (cycle);
-- The longest grace any schedule gives: how far back /calendar's "due now" list must look for a
-- release still within its grace (a range of freshness_by_expected, not every overdue one).
CREATE INDEX schedule_by_grace ON schedule (grace_months);

-- A database migrated from an older release starts its record with the expectations it has now.
INSERT INTO release_expectation (indicator, series, expected, overdue_after, basis,
  after_published, after_source, after_period, since_import, since_at)
SELECT f.indicator, f.series, f.expected, f.overdue_after, s.basis, f.last_published,
  f.last_source, f.latest_period, (SELECT max(id) FROM import_log),
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM freshness f JOIN schedule s ON s.series = f.series
WHERE f.expected IS NOT NULL;
UPDATE release_expectation SET cycle = id WHERE cycle IS NULL;
