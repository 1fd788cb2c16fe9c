CREATE TABLE counter (n int);
INSERT INTO counter VALUES (1);
