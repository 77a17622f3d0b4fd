import type { PostStatus } from '@bedrock/shared';

/**
 * The calm sentence an author sees on their own held or removed post. The API may send its own note
 * (for example the reason a post was held); without one, these defaults say what is happening.
 */
export function statusNote(status: PostStatus, note: string | null): string | null {
  if (status === 'published') return null;
  const base =
    status === 'held'
      ? 'Your post is waiting for a moderator. Only you and the moderators can see it until then.'
      : 'A moderator has taken this post down. Only you can still see it.';
  return note ? `${base} Here is why: ${note}` : base;
}
