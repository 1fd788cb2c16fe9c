UPDATE accounts SET cents = cents * 100;
CREATE UNIQUE INDEX CONCURRENTLY accounts_u ON accounts (u);
