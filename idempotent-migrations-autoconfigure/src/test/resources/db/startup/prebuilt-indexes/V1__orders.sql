CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, placed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE order_status_history (order_id bigint NOT NULL, status text NOT NULL);
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
