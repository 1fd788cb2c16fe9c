ALTER TABLE accounts ADD COLUMN tier text NOT NULL;
CREATE INDEX accounts_tier_idx ON accounts (tier);
