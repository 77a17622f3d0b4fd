import { pseudonymFor } from '../forum/pseudonym.ts';

/** The forum's keyed-HMAC pseudonym, scoped to one room: stable there, unlinkable across rooms. */
export function roomAlias(secret: string, roomId: string, userId: string, attempt = 0): string {
  return pseudonymFor(secret, 'room', roomId, userId, attempt);
}
