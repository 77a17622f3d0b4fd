import { chatMessages, type Db, moderationFlags, posts, sanctions, users } from '@bedrock/db';
import type { Label, QueueItemDetail } from '@bedrock/shared';
import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import { minute } from '../forum/present.ts';
import type { FlagRow } from './store.ts';

// What a moderator sees around a queue item: its neighbours and its author's history.

type Reader = Pick<Db, 'select'>;
const CONTEXT_EACH_SIDE = 3;

/** Neighbouring posts or messages, each with its public author line only. */
export async function contextOf(db: Reader, flag: FlagRow): Promise<QueueItemDetail['context']> {
  if (flag.targetType === 'post') {
    const [target] = await db.select().from(posts).where(eq(posts.id, flag.targetId));
    if (!target) return [];
    const cols = {
      id: posts.id,
      anonymous: posts.anonymous,
      pseudonym: posts.pseudonym,
      username: users.username,
      body: posts.body,
      status: posts.status,
      deletedAt: posts.deletedAt,
      createdAt: posts.createdAt,
    };
    const base = db.select(cols).from(posts).innerJoin(users, eq(users.id, posts.authorId));
    const before = await base
      .where(and(eq(posts.threadId, target.threadId), lt(posts.createdAt, target.createdAt)))
      .orderBy(desc(posts.createdAt))
      .limit(CONTEXT_EACH_SIDE);
    const after = await db
      .select(cols)
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(and(eq(posts.threadId, target.threadId), sql`${posts.createdAt} >= ${target.createdAt}`))
      .orderBy(asc(posts.createdAt), asc(posts.id))
      .limit(CONTEXT_EACH_SIDE + 1);
    return [...before.reverse(), ...after].map((p) => ({
      id: p.id,
      author: p.deletedAt ? 'deleted' : p.anonymous ? (p.pseudonym ?? 'Anonymous member') : p.username,
      text: p.deletedAt ? '' : p.body,
      status: p.status,
      at: minute(p.createdAt),
      isTarget: p.id === flag.targetId,
    }));
  }
  const [target] = await db.select().from(chatMessages).where(eq(chatMessages.id, flag.targetId));
  if (!target) return [];
  const near = await db
    .select()
    .from(chatMessages)
    .where(
      and(
        eq(chatMessages.roomId, target.roomId),
        or(eq(chatMessages.id, target.id), eq(chatMessages.status, 'visible')),
        sql`${chatMessages.createdAt} between ${new Date(target.createdAt.getTime() - 30 * 60_000)} and ${new Date(target.createdAt.getTime() + 30 * 60_000)}`,
      ),
    )
    .orderBy(asc(chatMessages.createdAt))
    .limit(200);
  const at = near.findIndex((m) => m.id === target.id);
  return near.slice(Math.max(0, at - CONTEXT_EACH_SIDE), at + CONTEXT_EACH_SIDE + 1).map((m) => ({
    id: m.id,
    author: m.alias,
    text: m.body,
    status: m.status,
    at: minute(m.createdAt),
    isTarget: m.id === target.id,
  }));
}

/** The handle's earlier flags and sanctions (this item excluded). */
export async function historyOf(db: Reader, flag: FlagRow): Promise<QueueItemDetail['history']> {
  const flags = await db
    .select()
    .from(moderationFlags)
    .where(and(eq(moderationFlags.authorId, flag.authorId), sql`${moderationFlags.id} <> ${flag.id}`))
    .orderBy(desc(moderationFlags.createdAt))
    .limit(50);
  const given = await db
    .select()
    .from(sanctions)
    .where(eq(sanctions.userId, flag.authorId))
    .orderBy(desc(sanctions.createdAt))
    .limit(50);
  return {
    flags: flags.map((f) => ({
      id: f.id,
      labels: f.labels as Label[],
      source: f.source,
      decision: f.decision,
      at: minute(f.createdAt),
    })),
    sanctions: given.map(presentSanction),
  };
}

export function presentSanction(s: typeof sanctions.$inferSelect) {
  return {
    id: s.id,
    kind: s.kind,
    reason: s.reason,
    until: s.until ? s.until.toISOString() : null,
    groupId: s.groupId,
    at: minute(s.createdAt),
  };
}
