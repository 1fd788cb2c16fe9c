CREATE TABLE issues (LIKE tickets INCLUDING DEFAULTS);
ALTER SEQUENCE ticket_numbers OWNED BY issues.id;
INSERT INTO issues (title) VALUES ('three');
ALTER TABLE notes ADD COLUMN note text;
