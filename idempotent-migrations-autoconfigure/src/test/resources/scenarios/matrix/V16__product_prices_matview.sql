CREATE MATERIALIZED VIEW product_prices AS SELECT sku, price FROM products;
