COPY seed (code, label) FROM STDIN;
EUR	Euro
USD	Dollar
\.

CREATE UNIQUE INDEX CONCURRENTLY accounts_u ON accounts (u);
