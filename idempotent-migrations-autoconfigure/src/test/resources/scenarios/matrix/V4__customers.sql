CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email email_address NOT NULL UNIQUE,
    name varchar(100) NOT NULL,
    age integer CHECK (age >= 0),
    fax varchar(30),
    created_at timestamptz NOT NULL DEFAULT now()
);
