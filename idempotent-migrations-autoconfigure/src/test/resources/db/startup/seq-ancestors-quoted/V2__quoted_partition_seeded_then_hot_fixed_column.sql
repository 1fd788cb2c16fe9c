INSERT INTO "App.Data"."Events A" (kind) VALUES ('a');
ALTER TABLE notes ADD COLUMN note text;
