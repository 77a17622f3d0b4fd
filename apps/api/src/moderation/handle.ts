import { createHmac } from 'node:crypto';

/**
 * A moderator sees an author only as this handle: stable per account (so prior flags and sanctions
 * line up), opaque (a keyed HMAC of the account id under the server secret, with its own purpose
 * prefix so it never equals a forum pseudonym or chat alias), and never the username.
 */
export function moderationHandle(secret: string, userId: string): string {
  const digest = createHmac('sha256', secret).update(`moderation-handle:${userId}`).digest('base64url');
  return `M-${digest.slice(0, 10).replaceAll('_', 'x').replaceAll('-', 'z')}`;
}
