COPY public.customer_accounts (id, first_name, last_name, email_address, phone_number, status, billing_country) FROM stdin;
1	Ada	Lovelace	ada@example.com	555	active	UK
\.
