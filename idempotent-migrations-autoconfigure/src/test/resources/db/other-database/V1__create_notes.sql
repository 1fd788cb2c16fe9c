CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(200) NOT NULL);
INSERT INTO notes (id, body) VALUES (1, 'first');
