CREATE TYPE order_status AS ENUM ('new', 'paid');
CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));
CREATE DOMAIN email_address AS text CHECK (VALUE ~ '@');
