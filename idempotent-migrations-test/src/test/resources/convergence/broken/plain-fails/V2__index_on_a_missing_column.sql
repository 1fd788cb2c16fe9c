-- Deliberately broken: accounts has no column "name".
CREATE INDEX accounts_name_idx ON accounts (name);
