CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts, total numeric(10, 2) NOT NULL);
INSERT INTO orders VALUES (1, 1, 9.99);
