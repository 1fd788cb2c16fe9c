INSERT INTO products (sku, name, price) VALUES ('A-1', 'Anvil', 10.00), ('B-2', 'Bucket', 2.50);
INSERT INTO settings (key, value) VALUES ('currency', 'EUR');
