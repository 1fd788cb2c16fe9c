CREATE UNIQUE INDEX uq_customers_email_lower ON customers (lower(email::text));
ALTER TABLE customers ADD CONSTRAINT customers_age_adult CHECK (age IS NULL OR age >= 16) NOT VALID;
