-- Why an import was made, in the words of the staff who made it ("December 2026 data release:
-- ..."): readers of /updates and the feeds see it beside what the import added and revised.
-- NULL when no reason was given (imports logged before this column, the seed, quick fixes).
ALTER TABLE import_log ADD COLUMN reason TEXT;
