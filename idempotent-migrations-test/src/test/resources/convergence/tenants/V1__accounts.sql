CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    email varchar(200) NOT NULL UNIQUE,
    tenant text NOT NULL DEFAULT '${tenant}'
);

INSERT INTO accounts (email) VALUES ('owner@${tenant}.example');
