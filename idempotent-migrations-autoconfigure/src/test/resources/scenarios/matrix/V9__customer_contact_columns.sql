ALTER TABLE customers ADD COLUMN phone varchar(30);
ALTER TABLE customers ADD COLUMN loyalty_points integer NOT NULL DEFAULT 0;
