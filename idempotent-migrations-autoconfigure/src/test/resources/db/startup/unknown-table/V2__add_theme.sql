ALTER TABLE account_settings ADD COLUMN theme text;
