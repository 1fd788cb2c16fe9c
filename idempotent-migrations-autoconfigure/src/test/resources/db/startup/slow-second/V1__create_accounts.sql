CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
INSERT INTO accounts VALUES (1, 'ann@example.com'), (2, 'bob@example.com');
