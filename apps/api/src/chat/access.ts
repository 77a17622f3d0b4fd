import { type Db, groups } from '@bedrock/db';
import { eq } from 'drizzle-orm';
import type { AuthUser } from '../auth/guards.ts';
import { capabilities, viewerFlagColumns } from '../forum/access.ts';

/**
 * Who may read and write a group's live rooms: exactly the forum's rule for the group. A room the user
 * may not read must look exactly like a missing one, so callers answer both with ERR_NOT_FOUND.
 */
export interface ChatAccess {
  canRead(db: Db, user: AuthUser, groupId: string): Promise<boolean>;
  canPost(db: Db, user: AuthUser, groupId: string): Promise<boolean>;
}

/** The forum's capabilities for a group by id (null when there is no such group), in one query. */
async function groupCapabilities(db: Db, user: AuthUser, groupId: string) {
  const [row] = await db
    .select({ kind: groups.kind, ...viewerFlagColumns(user, groups.id) })
    .from(groups)
    .where(eq(groups.id, groupId))
    .limit(1);
  if (!row) return null;
  return capabilities(user, row.kind, { member: row.member, banned: row.banned, verified: row.verified });
}

export const forumAccess: ChatAccess = {
  canRead: async (db, user, groupId) => (await groupCapabilities(db, user, groupId))?.canRead ?? false,
  canPost: async (db, user, groupId) => (await groupCapabilities(db, user, groupId))?.canPost ?? false,
};
