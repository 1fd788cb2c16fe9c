INSERT INTO log (msg) VALUES ('before');
CREATE TABLE customer_addresses_with_a_very_long_descriptive_name_for_billing_purposes (id integer);
INSERT INTO customer_addresses_with_a_very_long_descriptive_name_for_billing_purposes VALUES (1);
