CREATE TABLE notes (id int);
SELECT pg_sleep(2);
