CREATE TABLE player_wellness_state (
    id serial PRIMARY KEY,
    player_id integer NOT NULL UNIQUE,
    mood_score integer NOT NULL DEFAULT 50,
    created_at timestamp NOT NULL DEFAULT now()
);
