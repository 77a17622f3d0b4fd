ALTER TABLE "chat_members" ADD COLUMN "alias" text;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_members_alias_idx" ON "chat_members" USING btree ("room_id","alias");