CREATE TABLE legacy_flags (
    id integer PRIMARY KEY,
    flag text
);
CREATE INDEX legacy_flags_flag_idx ON legacy_flags (flag);
