-- 28e1ce4c3187_add_updated_at_to_player_wellness_state, as first written
ALTER TABLE player_wellness_state ADD COLUMN updated_at timestamp NOT NULL DEFAULT now();
