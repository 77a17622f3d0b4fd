import { randomBytes } from 'node:crypto';
import {
  chatFacilitators,
  chatMembers,
  chatMessages,
  type Db,
  groupMembers,
  moderationFlags,
  partnerVerifications,
  postReactions,
  postRevisions,
  posts,
  recoveryCodes,
  sessions,
  threadReads,
  users,
} from '@bedrock/db';
import { DELETED_CHAT_ALIAS, DELETED_CHAT_BODY } from '@bedrock/shared';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';

/**
 * Not an argon2 hash, so no password ever verifies against it (verifyPassword answers false for a
 * malformed hash) and no work is spent making one.
 */
export const DELETED_PASSWORD_HASH = '!deleted-account';

/**
 * A name no one can sign up with (':' is outside the username alphabet), unique, and meaningless:
 * moderators who meet the row (an old claim, an audit line) see that the account is gone, not whose.
 */
export function deletedUsername(): string {
  return `deleted:${randomBytes(12).toString('base64url')}`;
}

/** Her delivered chat messages by room: sequences members may have on screen. */
export type ShownMessages = Map<string, number[]>;

/** How many of her latest messages per room an open chat view is told to rewrite. */
const RECENT_PER_ROOM = 500;

/** A decision on the review queue that no moderator made (like 'edited'), so stats leave it out. */
export const AUTHOR_DELETED_DECISION = 'author_deleted';

/**
 * Deletes an account by anonymizing it in place, in one transaction: the row stays (moderation
 * records, group bans and other members' threads point at it) but nothing in it is hers any more.
 *
 * - Removed: sessions, recovery codes, group memberships, her verification application, her chat
 *   room aliases and facilitator seats, her reactions and read markers, earlier versions of her posts.
 * - Scrubbed in place: every post of hers (named and anonymous) exactly as the forum's own delete
 *   does (body, warning, revisions gone; the row stays as the "deleted" placeholder so replies keep
 *   their thread), and every chat message of hers (text and shown name replaced by the placeholder).
 * - Kept: flags, audit log, notices, sanctions and reports. They hold no post text (the queue reads
 *   the text live from the scrubbed rows); her open flags are settled as `author_deleted` and her
 *   open claims (a moderator's) released, so the queue is not left with work nobody can do.
 * - The account: a meaningless unregistrable username (hers is free again), a password hash nothing
 *   matches, role member (a deleted admin is no admin).
 *
 * The caller ends her live chat sockets after this commits (`app.chat.accessChanged`) and tells the rooms
 * what now reads as the placeholder: the sequences of her delivered messages, the latest per room
 * (`RECENT_PER_ROOM`, what a client holds; older pages come from REST already rewritten).
 */
export async function deleteAccount(db: Db, userId: string): Promise<ShownMessages> {
  const shown: ShownMessages = new Map();
  await db.transaction(async (tx) => {
    // Her row and every admin row, locked in one order: two last admins deleting at once cannot both pass.
    const locked = await tx
      .select({ id: users.id, role: users.role, status: users.status })
      .from(users)
      .where(or(eq(users.id, userId), eq(users.role, 'admin')))
      .orderBy(asc(users.id))
      .for('update');
    const me = locked.find((u) => u.id === userId);
    if (!me) throw new AppError('ERR_UNAUTHENTICATED');
    if (me.role === 'admin' && !locked.some((u) => u.id !== userId && u.role === 'admin' && u.status !== 'banned')) {
      throw new AppError('ERR_LAST_ADMIN');
    }

    const mine = tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, userId));
    await tx.delete(postRevisions).where(inArray(postRevisions.postId, mine));
    await tx
      .update(posts)
      .set({
        body: '',
        bodyHtml: '',
        contentWarning: null,
        contentWarningText: null,
        deletedAt: sql`coalesce(${posts.deletedAt}, now())`,
      })
      .where(eq(posts.authorId, userId));
    await tx.delete(postReactions).where(eq(postReactions.userId, userId));
    await tx.delete(threadReads).where(eq(threadReads.userId, userId));

    const rewritten = await tx
      .update(chatMessages)
      .set({
        alias: DELETED_CHAT_ALIAS,
        body: sql`case when ${chatMessages.status} = 'removed' then '' else ${DELETED_CHAT_BODY} end`,
      })
      .where(eq(chatMessages.authorId, userId))
      .returning({ roomId: chatMessages.roomId, seq: chatMessages.seq, status: chatMessages.status });
    for (const { roomId, seq, status } of rewritten) {
      // Only what members can have on screen: delivered, not removed (held ones never had a sequence).
      if (seq === null || status === 'removed') continue;
      const seqs = shown.get(roomId);
      if (seqs) seqs.push(seq);
      else shown.set(roomId, [seq]);
    }
    await tx.delete(chatMembers).where(eq(chatMembers.userId, userId));
    await tx.delete(chatFacilitators).where(eq(chatFacilitators.userId, userId));

    await tx.delete(groupMembers).where(eq(groupMembers.userId, userId));
    await tx.delete(partnerVerifications).where(eq(partnerVerifications.userId, userId));

    await tx
      .update(moderationFlags)
      .set({ status: 'resolved', decision: AUTHOR_DELETED_DECISION, decidedAt: new Date() })
      .where(and(eq(moderationFlags.authorId, userId), eq(moderationFlags.status, 'open')));
    await tx
      .update(moderationFlags)
      .set({ claimedBy: null, claimedAt: null })
      .where(and(eq(moderationFlags.claimedBy, userId), eq(moderationFlags.status, 'open')));

    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx
      .update(users)
      .set({ username: deletedUsername(), passwordHash: DELETED_PASSWORD_HASH, role: 'member' })
      .where(eq(users.id, userId));
  });
  for (const [roomId, seqs] of shown) shown.set(roomId, seqs.sort((a, b) => a - b).slice(-RECENT_PER_ROOM));
  return shown;
}
