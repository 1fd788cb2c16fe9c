-- 58546d11f1b5_add_api_key_and_amember_user_id, "old way"
ALTER TABLE users ADD COLUMN api_key varchar(255) UNIQUE;
ALTER TABLE users ADD COLUMN amember_user_id integer;
