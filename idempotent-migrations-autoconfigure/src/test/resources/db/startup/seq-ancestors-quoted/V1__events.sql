CREATE SCHEMA "App.Data";
CREATE TABLE "App.Data"."Events" (id bigserial, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE "App.Data"."Events A" PARTITION OF "App.Data"."Events" FOR VALUES IN ('a');
INSERT INTO "App.Data"."Events" (kind) VALUES ('a'), ('a');
CREATE TABLE notes (id int PRIMARY KEY);
