ALTER TABLE orders ADD COLUMN total numeric(10, 2);
