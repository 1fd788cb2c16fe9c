CREATE TABLE greetings (
    id BIGINT PRIMARY KEY,
    text TEXT NOT NULL
);

ALTER TABLE greetings ADD COLUMN language VARCHAR(10);
