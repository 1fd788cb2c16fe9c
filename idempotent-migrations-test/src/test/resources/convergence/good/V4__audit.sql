CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    invoice_id bigint REFERENCES invoices (id),
    note text NOT NULL
);

CREATE FUNCTION audit_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (invoice_id, note) VALUES (NEW.id, 'created');
    RETURN NEW;
END
$$;

CREATE TRIGGER invoices_audit AFTER INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION audit_invoice();

UPDATE accounts SET status = 'closed' WHERE email = 'linus@example.com';
