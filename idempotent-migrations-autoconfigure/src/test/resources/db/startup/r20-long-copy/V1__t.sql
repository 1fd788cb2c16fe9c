CREATE TABLE customer_accounts (id integer PRIMARY KEY, first_name text, last_name text, email_address text, phone_number text, status text, billing_country text);
