-- Versions that move whenever what a thread page or a group's thread list shows changes, so a cache of
-- either (apps/api/src/forum/page-cache.ts) can be checked against the database in the same statement
-- that reads the page. Triggers rather than application code: every write path moves them, including
-- ones written later, account deletion and moderation.

-- A post written, edited, deleted, moderated or moved by account deletion: its thread's pages change;
-- an opening post is also its thread's line in the group's list.
CREATE FUNCTION bump_versions_for_post() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_thread text := coalesce(NEW.thread_id, OLD.thread_id);
BEGIN
  UPDATE threads SET page_version = page_version + 1 WHERE id = row_thread;
  IF coalesce(NEW.is_opening, false) OR coalesce(OLD.is_opening, false) THEN
    UPDATE groups SET list_version = list_version + 1 WHERE id = coalesce(NEW.group_id, OLD.group_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER posts_bump_versions AFTER INSERT OR UPDATE OR DELETE ON posts
  FOR EACH ROW EXECUTE FUNCTION bump_versions_for_post();--> statement-breakpoint

-- A reaction added or taken back: the counts on its thread's pages change.
CREATE FUNCTION bump_versions_for_reaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads SET page_version = page_version + 1
    WHERE id = (SELECT thread_id FROM posts WHERE id = coalesce(NEW.post_id, OLD.post_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER post_reactions_bump_versions AFTER INSERT OR UPDATE OR DELETE ON post_reactions
  FOR EACH ROW EXECUTE FUNCTION bump_versions_for_reaction();--> statement-breakpoint

-- A thread created, removed, renamed, or with new activity: its group's list changes. Not when only its
-- page_version moved (that is the trigger above at work).
CREATE FUNCTION bump_versions_for_thread() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.title IS NOT DISTINCT FROM OLD.title
    AND NEW.reply_count IS NOT DISTINCT FROM OLD.reply_count
    AND NEW.last_activity_at IS NOT DISTINCT FROM OLD.last_activity_at
    AND NEW.is_demo IS NOT DISTINCT FROM OLD.is_demo
    AND NEW.group_id IS NOT DISTINCT FROM OLD.group_id
    AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at THEN
    RETURN NULL;
  END IF;
  UPDATE groups SET list_version = list_version + 1
    WHERE id IN (NEW.group_id, OLD.group_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER threads_bump_versions AFTER INSERT OR UPDATE OR DELETE ON threads
  FOR EACH ROW EXECUTE FUNCTION bump_versions_for_thread();--> statement-breakpoint

-- A new username shows on every named post of its author, in pages and lists.
CREATE FUNCTION bump_versions_for_username() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads SET page_version = page_version + 1
    WHERE id IN (SELECT thread_id FROM posts WHERE author_id = NEW.id);
  UPDATE groups SET list_version = list_version + 1
    WHERE id IN (SELECT group_id FROM posts WHERE author_id = NEW.id AND is_opening);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_bump_versions AFTER UPDATE OF username ON users
  FOR EACH ROW WHEN (NEW.username IS DISTINCT FROM OLD.username) EXECUTE FUNCTION bump_versions_for_username();
