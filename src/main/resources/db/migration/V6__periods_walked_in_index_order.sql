-- A ranking walks an indicator's periods newest first and stops after the few it shows
-- (Ranking.periods, Ranking.latestWith). With the period code in the index, GROUP BY and
-- ORDER BY follow the index, so SQLite stops at the LIMIT instead of grouping every figure of
-- the indicator in a temporary b-tree (at 1,000x the seed: 21,000 figures per indicator page).
-- One indicator's figures of one period (a ranking's places) still read through the same index.
DROP INDEX observation_by_period;
CREATE INDEX observation_by_period
  ON observation (indicator, period_end, period_start, period, region) WHERE headline = 1;
