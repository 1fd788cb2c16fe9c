-- 0000_nice_forgotten_one.sql, as first written: the full schema, no IF NOT EXISTS
CREATE TABLE "users" (
    "id" varchar PRIMARY KEY NOT NULL,
    "email" varchar NOT NULL,
    "password" text NOT NULL,
    "created_at" timestamp DEFAULT now(),
    CONSTRAINT "users_email_unique" UNIQUE ("email")
);
CREATE TABLE "projects" (
    "id" serial PRIMARY KEY NOT NULL,
    "user_id" varchar NOT NULL,
    "name" varchar NOT NULL,
    "created_at" timestamp DEFAULT now()
);
CREATE TABLE "content" (
    "id" serial PRIMARY KEY NOT NULL,
    "user_id" varchar NOT NULL,
    "project_id" integer,
    "title" varchar NOT NULL,
    "body" text,
    "created_at" timestamp DEFAULT now()
);
ALTER TABLE "projects" ADD CONSTRAINT "projects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade;
ALTER TABLE "content" ADD CONSTRAINT "content_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade;
ALTER TABLE "content" ADD CONSTRAINT "content_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE set null;
