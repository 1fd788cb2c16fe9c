UPDATE customers SET name = name WHERE false;
ALTER TABLE accounts ADD COLUMN nickname text;
