ALTER TABLE "groups" ADD COLUMN "list_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "page_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "posts_unpublished_author_idx" ON "posts" USING btree ("author_id") WHERE "posts"."status" <> 'published';