-- Chinese texts of the data (issue 22): a figure's note and an event's description in Chinese,
-- imported like every other column (data/README.md). Empty means none yet: Chinese pages then
-- show the English text, marked as English. Existing rows start empty and get their Chinese
-- texts with the next import of observations.csv and events.csv.
ALTER TABLE observation ADD COLUMN note_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN description_zh TEXT NOT NULL DEFAULT '';
