CREATE TABLE room_bookings (
    id serial PRIMARY KEY,
    room_id integer NOT NULL,
    during tstzrange NOT NULL
);
ALTER TABLE room_bookings ADD CONSTRAINT room_bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
