-- Facts about the data that charts need become columns staff import (data/README.md):
--   indicator.measure         'flow' (over its period) or 'stock' (at the end of its period);
--   observation.break_before  1 when a figure is not comparable with the one before it in its
--                             indicator's series for its place (a series break, a change of
--                             definition): a chart never joins the two;
--   observation.doubtful      1 when the figure's own note calls it doubtful.
-- Until now the code decided "stock" (a unit switch plus six indicator codes); the existing rows
-- take the same answer here, so a database brought up to date draws as it did. Breaks and
-- doubtful figures start at 0 and come with the next import of observations.csv.

ALTER TABLE indicator ADD COLUMN measure TEXT NOT NULL DEFAULT 'flow'
  CHECK (measure IN ('flow', 'stock'));
-- Not a change of the data (it says what the code said), so the data version stays: the trigger
-- that moves it is set aside while the rows take their measure.
DROP TRIGGER indicator_update_bumps_version;
UPDATE indicator SET measure = 'stock'
  WHERE unit IN ('count', 'million_users', 'EFLOPS')
     OR code IN ('ai_enterprises_global_share', 'ai_unicorns_global_share', 'genai_user_penetration',
                 'ai_patent_share', 'manufacturing_ai_adoption', 'ai_terminal_penetration');
CREATE TRIGGER indicator_update_bumps_version AFTER UPDATE ON indicator
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
END;

ALTER TABLE observation ADD COLUMN break_before INTEGER NOT NULL DEFAULT 0
  CHECK (break_before IN (0, 1));
ALTER TABLE observation ADD COLUMN doubtful INTEGER NOT NULL DEFAULT 0
  CHECK (doubtful IN (0, 1));
