DROP INDEX legacy_flags_flag_idx;
DROP TABLE legacy_flags;
ALTER TABLE customers DROP COLUMN fax;
