CREATE TABLE tmp_notes (
    id serial PRIMARY KEY,
    body text,
    CONSTRAINT tmp_notes_body_check CHECK (length(body) < 1000)
);
CREATE INDEX tmp_notes_body_idx ON tmp_notes (body);
