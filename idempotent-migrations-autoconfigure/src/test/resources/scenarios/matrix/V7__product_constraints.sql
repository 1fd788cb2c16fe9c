ALTER TABLE products ADD CONSTRAINT products_pkey PRIMARY KEY (sku);
ALTER TABLE products ADD UNIQUE (name);
ALTER TABLE products ADD CHECK (price > 0);
