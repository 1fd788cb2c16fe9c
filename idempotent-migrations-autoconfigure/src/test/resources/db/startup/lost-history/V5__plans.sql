CREATE TABLE plans (code text PRIMARY KEY, label text NOT NULL);
