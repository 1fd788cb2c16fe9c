ALTER TABLE "content" ADD COLUMN "day_number" integer;
ALTER TABLE "content" ADD COLUMN "is_paused" boolean DEFAULT false;
ALTER TABLE "content" ADD COLUMN "publish_order" integer DEFAULT 0;
CREATE INDEX "content_project_id_idx" ON "content" ("project_id");
