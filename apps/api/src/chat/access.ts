import type { Db } from '@bedrock/db';
import type { AuthUser } from '../auth/guards.ts';

/**
 * Who may read and write a group's live rooms: exactly the forum's rule for the group. A room the user
 * may not read must look exactly like a missing one, so callers answer both with ERR_NOT_FOUND.
 */
export interface ChatAccess {
  canRead(db: Db, user: AuthUser, groupId: string): Promise<boolean>;
  canPost(db: Db, user: AuthUser, groupId: string): Promise<boolean>;
}

/** Until a real access function is wired in, nobody may enter any room (deny by default). */
export const denyAllAccess: ChatAccess = {
  canRead: async () => false,
  canPost: async () => false,
};
