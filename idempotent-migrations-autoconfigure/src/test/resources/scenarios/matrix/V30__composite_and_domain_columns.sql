ALTER TABLE orders ADD COLUMN shipping money_amount;
ALTER TABLE customers ADD COLUMN contact email_address;
ALTER TABLE orders ADD COLUMN invoice_no bigint DEFAULT nextval('invoice_number_seq');
