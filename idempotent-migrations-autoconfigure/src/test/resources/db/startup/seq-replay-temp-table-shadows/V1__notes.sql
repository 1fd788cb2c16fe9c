CREATE TABLE notes (id int PRIMARY KEY);
CREATE TABLE archive (id int PRIMARY KEY, name text NOT NULL);
