import { randomBytes } from 'node:crypto';
import { chatFacilitators, chatMembers, chatMessages, chatRooms, type Db } from '@bedrock/db';
import type { ChatMessage } from '@bedrock/shared';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';

// All chat SQL lives here; the rules live in service.ts.

export type RoomRow = typeof chatRooms.$inferSelect;
export type MessageRow = typeof chatMessages.$inferSelect;

export const newId = () => randomBytes(12).toString('base64url');

/** Minutes are enough for a chat, and coarser times are harder to correlate with anything else. */
function minute(date: Date): string {
  const copy = new Date(date);
  copy.setUTCSeconds(0, 0);
  return copy.toISOString();
}

/** The public shape of a message: an allowlist, never the row (which holds the author's id). */
export function toChatMessage(row: MessageRow, viewerId?: string): ChatMessage {
  return {
    room: row.roomId,
    seq: row.seq ?? 0,
    id: row.id,
    alias: row.alias,
    body: row.body,
    at: minute(row.createdAt),
    ...(viewerId !== undefined && row.authorId === viewerId ? { mine: true } : {}),
  };
}

export async function findRoom(db: Db, roomId: string): Promise<RoomRow | undefined> {
  const [row] = await db.select().from(chatRooms).where(eq(chatRooms.id, roomId));
  return row;
}

/** A group's standing room, created on first use. */
export async function ensureGroupRoom(db: Db, groupId: string): Promise<RoomRow> {
  const existing = await db
    .select()
    .from(chatRooms)
    .where(and(eq(chatRooms.groupId, groupId), eq(chatRooms.kind, 'group')));
  if (existing[0]) return existing[0];
  await db
    .insert(chatRooms)
    .values({ id: newId(), groupId, kind: 'group' })
    .onConflictDoNothing({ target: chatRooms.groupId, where: sql`${chatRooms.kind} = 'group'` });
  const [row] = await db
    .select()
    .from(chatRooms)
    .where(and(eq(chatRooms.groupId, groupId), eq(chatRooms.kind, 'group')));
  if (!row) throw new Error('group room vanished after insert');
  return row;
}

export interface NewMessage {
  roomId: string;
  authorId: string;
  clientMsgId: string;
  alias: string;
  body: string;
  labels: string[];
  held: boolean;
}

/**
 * Stores a message; a visible one gets the room's next sequence in the same transaction (the row lock
 * on the room orders concurrent senders). Returns null when this client id was already used: the
 * transaction is rolled back, so no sequence is spent.
 */
export async function insertMessage(db: Db, message: NewMessage): Promise<MessageRow | null> {
  try {
    return await db.transaction(async (tx) => {
      let seq: number | null = null;
      if (!message.held) {
        const [room] = await tx
          .update(chatRooms)
          .set({ lastSeq: sql`${chatRooms.lastSeq} + 1` })
          .where(eq(chatRooms.id, message.roomId))
          .returning({ lastSeq: chatRooms.lastSeq });
        if (!room) throw new Error('room not found');
        seq = room.lastSeq;
      }
      const [row] = await tx
        .insert(chatMessages)
        .values({
          id: newId(),
          roomId: message.roomId,
          seq,
          authorId: message.authorId,
          clientMsgId: message.clientMsgId,
          alias: message.alias,
          body: message.body,
          labels: message.labels,
          status: message.held ? 'held' : 'visible',
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new DuplicateClientId();
      return row;
    });
  } catch (error) {
    if (error instanceof DuplicateClientId) return null;
    throw error;
  }
}

class DuplicateClientId extends Error {}

export async function findByClientId(db: Db, roomId: string, authorId: string, clientMsgId: string) {
  const [row] = await db
    .select()
    .from(chatMessages)
    .where(
      and(
        eq(chatMessages.roomId, roomId),
        eq(chatMessages.authorId, authorId),
        eq(chatMessages.clientMsgId, clientMsgId),
      ),
    );
  return row;
}

const visibleIn = (roomId: string) => and(eq(chatMessages.roomId, roomId), eq(chatMessages.status, 'visible'));

/** Visible messages with seq > afterSeq, oldest first. */
export function messagesAfter(db: Db, roomId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
  return db
    .select()
    .from(chatMessages)
    .where(and(visibleIn(roomId), gt(chatMessages.seq, afterSeq)))
    .orderBy(asc(chatMessages.seq))
    .limit(limit);
}

/** The newest visible messages with seq < beforeSeq (or the newest overall), oldest first. */
export async function messagesBefore(
  db: Db,
  roomId: string,
  beforeSeq: number | undefined,
  limit: number,
): Promise<MessageRow[]> {
  const where = beforeSeq === undefined ? visibleIn(roomId) : and(visibleIn(roomId), lt(chatMessages.seq, beforeSeq));
  const rows = await db.select().from(chatMessages).where(where).orderBy(desc(chatMessages.seq)).limit(limit);
  return rows.reverse();
}

/** Sequences removed by moderators at or above `fromSeq`. */
export async function removedSeqs(db: Db, roomId: string, fromSeq: number): Promise<number[]> {
  const rows = await db
    .select({ seq: chatMessages.seq })
    .from(chatMessages)
    .where(
      and(
        eq(chatMessages.roomId, roomId),
        eq(chatMessages.status, 'removed'),
        isNotNull(chatMessages.seq),
        gt(chatMessages.seq, fromSeq - 1),
      ),
    );
  return rows.map((r) => r.seq ?? 0);
}

/** Scrubs a visible message; returns its author, or null when there was no such visible message. */
export async function removeMessage(db: Db, roomId: string, seq: number): Promise<{ authorId: string } | null> {
  const [row] = await db
    .update(chatMessages)
    .set({ status: 'removed', body: '', removedAt: new Date() })
    .where(and(visibleIn(roomId), eq(chatMessages.seq, seq)))
    .returning({ authorId: chatMessages.authorId });
  return row ?? null;
}

export async function findVisibleBySeq(db: Db, roomId: string, seq: number): Promise<MessageRow | undefined> {
  const [row] = await db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.roomId, roomId), eq(chatMessages.seq, seq)));
  return row;
}

/** When this author last got a message into the room (for slow mode). */
export async function lastSentAt(db: Db, roomId: string, authorId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: chatMessages.createdAt })
    .from(chatMessages)
    .where(and(eq(chatMessages.roomId, roomId), eq(chatMessages.authorId, authorId), isNotNull(chatMessages.seq)))
    .orderBy(desc(chatMessages.createdAt))
    .limit(1);
  return row?.at ?? null;
}

export async function findMember(db: Db, roomId: string, userId: string) {
  const [row] = await db
    .select()
    .from(chatMembers)
    .where(and(eq(chatMembers.roomId, roomId), eq(chatMembers.userId, userId)));
  return row;
}

export async function setShowUsername(db: Db, roomId: string, userId: string, showUsername: boolean): Promise<void> {
  await db
    .insert(chatMembers)
    .values({ roomId, userId, showUsername })
    .onConflictDoUpdate({ target: [chatMembers.roomId, chatMembers.userId], set: { showUsername } });
}

export async function setMutedUntil(db: Db, roomId: string, userId: string, mutedUntil: Date): Promise<void> {
  await db
    .insert(chatMembers)
    .values({ roomId, userId, mutedUntil })
    .onConflictDoUpdate({ target: [chatMembers.roomId, chatMembers.userId], set: { mutedUntil } });
}

export async function isFacilitator(db: Db, roomId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: chatFacilitators.userId })
    .from(chatFacilitators)
    .where(and(eq(chatFacilitators.roomId, roomId), eq(chatFacilitators.userId, userId)));
  return rows.length > 0;
}

export async function updateRoom(db: Db, roomId: string, values: Partial<typeof chatRooms.$inferInsert>) {
  const [row] = await db.update(chatRooms).set(values).where(eq(chatRooms.id, roomId)).returning();
  return row;
}

export async function replaceFacilitators(db: Db, roomId: string, userIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(chatFacilitators).where(eq(chatFacilitators.roomId, roomId));
    if (userIds.length > 0) await tx.insert(chatFacilitators).values(userIds.map((userId) => ({ roomId, userId })));
  });
}

export async function insertSessionRoom(
  db: Db,
  values: { groupId: string; title: string; startsAt: Date; endsAt: Date },
): Promise<RoomRow> {
  const [row] = await db
    .insert(chatRooms)
    .values({ id: newId(), kind: 'session', ...values })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export function sessionRooms(db: Db, groupId: string): Promise<RoomRow[]> {
  return db
    .select()
    .from(chatRooms)
    .where(and(eq(chatRooms.groupId, groupId), eq(chatRooms.kind, 'session')))
    .orderBy(asc(chatRooms.startsAt));
}

export async function deleteRoom(db: Db, roomId: string): Promise<void> {
  await db.delete(chatRooms).where(eq(chatRooms.id, roomId));
}

export function roomsOfGroups(db: Db, groupIds: string[]) {
  return db
    .select({ id: chatRooms.id, groupId: chatRooms.groupId })
    .from(chatRooms)
    .where(inArray(chatRooms.groupId, groupIds));
}

function isUniqueViolation(error: unknown): boolean {
  const err = error as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
}

/**
 * The member's pseudonym in the room: the one claimed before, else the first candidate no other member
 * holds (a unique index settles races), so two people never share a name in one room.
 */
export async function claimAlias(
  db: Db,
  roomId: string,
  userId: string,
  candidate: (attempt: number) => string,
): Promise<string> {
  await db.insert(chatMembers).values({ roomId, userId }).onConflictDoNothing();
  for (let attempt = 0; attempt < 64; attempt++) {
    const existing = await findMember(db, roomId, userId);
    if (existing?.alias) return existing.alias;
    try {
      const [row] = await db
        .update(chatMembers)
        .set({ alias: candidate(attempt) })
        .where(and(eq(chatMembers.roomId, roomId), eq(chatMembers.userId, userId), isNull(chatMembers.alias)))
        .returning({ alias: chatMembers.alias });
      if (row?.alias) return row.alias;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  // 64 misses in 4,096 names means thousands of members in one room: number the name.
  const numbered = `${candidate(0)} ${(randomBytes(2).readUInt16BE(0) % 9000) + 1000}`;
  await db
    .update(chatMembers)
    .set({ alias: numbered })
    .where(and(eq(chatMembers.roomId, roomId), eq(chatMembers.userId, userId)));
  return numbered;
}
