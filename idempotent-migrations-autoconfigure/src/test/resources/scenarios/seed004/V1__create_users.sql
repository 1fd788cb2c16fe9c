CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    role varchar(20) NOT NULL DEFAULT 'user'
);
