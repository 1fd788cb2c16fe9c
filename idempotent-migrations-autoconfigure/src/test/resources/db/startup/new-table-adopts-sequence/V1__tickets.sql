CREATE SEQUENCE ticket_numbers;
CREATE TABLE tickets (id bigint PRIMARY KEY DEFAULT nextval('ticket_numbers'), title text NOT NULL);
INSERT INTO tickets (title) VALUES ('one'), ('two');
CREATE TABLE notes (id int PRIMARY KEY);
