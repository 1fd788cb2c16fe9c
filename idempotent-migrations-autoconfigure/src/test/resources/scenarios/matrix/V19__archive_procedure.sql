CREATE PROCEDURE archive_orders(cutoff timestamptz) LANGUAGE sql AS $$
    DELETE FROM orders WHERE updated_at < cutoff
$$;
