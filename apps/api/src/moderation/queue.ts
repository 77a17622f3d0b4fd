import {
  chatMessages,
  chatRooms,
  type Db,
  groups,
  moderationFlags,
  moderationNotices,
  posts,
  threads,
  users,
} from '@bedrock/db';
import type { Flag, Label, QueueItem, QueueItemDetail, ReportReason, TargetType } from '@bedrock/shared';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import { minute } from '../forum/present.ts';
import { moderationHandle } from './handle.ts';
import { contextOf, historyOf } from './history.ts';
import { postText } from './pipeline.ts';
import type { FlagRow } from './store.ts';

type Reader = Pick<Db, 'select'>;

export interface QueueFilters {
  label?: Label | undefined;
  groupId?: string | undefined;
  source?: 'classifier' | 'report' | 'appeal' | undefined;
  status: 'open' | 'resolved';
  claimedBy?: string | undefined;
  limit: number;
}

/** Open items: crisis first (priority), then oldest first. Resolved items: newest decision first. */
export async function listQueue(
  db: Reader,
  secret: string,
  viewerId: string,
  filters: QueueFilters,
): Promise<QueueItem[]> {
  const conditions = [eq(moderationFlags.status, filters.status)];
  if (filters.label) conditions.push(sql`${filters.label} = any(${moderationFlags.labels})`);
  if (filters.groupId) conditions.push(eq(moderationFlags.groupId, filters.groupId));
  if (filters.source) conditions.push(eq(moderationFlags.source, filters.source));
  if (filters.claimedBy === 'none') conditions.push(isNull(moderationFlags.claimedBy));
  else if (filters.claimedBy === 'me') conditions.push(eq(moderationFlags.claimedBy, viewerId));
  else if (filters.claimedBy) {
    const [claimer] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, filters.claimedBy.toLowerCase()));
    conditions.push(eq(moderationFlags.claimedBy, claimer?.id ?? ''));
  }
  const order =
    filters.status === 'open'
      ? [desc(moderationFlags.priority), asc(moderationFlags.createdAt), asc(moderationFlags.id)]
      : [desc(moderationFlags.decidedAt), desc(moderationFlags.id)];
  const rows = await db
    .select()
    .from(moderationFlags)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(filters.limit);
  return presentItems(db, secret, rows);
}

export async function findFlag(db: Reader, id: string): Promise<FlagRow> {
  const [row] = await db.select().from(moderationFlags).where(eq(moderationFlags.id, id));
  if (!row) throw new AppError('ERR_FLAG_NOT_FOUND');
  return row;
}

export async function itemDetail(db: Reader, secret: string, id: string): Promise<QueueItemDetail> {
  const flag = await findFlag(db, id);
  const [item] = await presentItems(db, secret, [flag]);
  if (!item) throw new AppError('ERR_FLAG_NOT_FOUND');
  return { item, context: await contextOf(db, flag), history: await historyOf(db, flag) };
}

interface TargetView {
  status: string;
  text: string;
  groupId: string;
  groupName: string;
  containerId: string;
  containerTitle: string | null;
  anonymous: boolean;
}

async function targets(db: Reader, rows: FlagRow[]): Promise<Map<string, TargetView>> {
  const map = new Map<string, TargetView>();
  const postIds = rows.filter((r) => r.targetType === 'post').map((r) => r.targetId);
  const messageIds = rows.filter((r) => r.targetType === 'chat_message').map((r) => r.targetId);
  if (postIds.length > 0) {
    const found = await db
      .select({
        id: posts.id,
        status: posts.status,
        body: posts.body,
        isOpening: posts.isOpening,
        anonymous: posts.anonymous,
        title: threads.title,
        threadId: threads.id,
        groupId: groups.id,
        groupName: groups.name,
      })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .innerJoin(groups, eq(groups.id, posts.groupId))
      .where(inArray(posts.id, postIds));
    for (const p of found) {
      map.set(`post:${p.id}`, {
        status: p.status,
        text: p.isOpening ? postText(p.title, p.body) : p.body,
        groupId: p.groupId,
        groupName: p.groupName,
        containerId: p.threadId,
        containerTitle: p.title,
        anonymous: p.anonymous,
      });
    }
  }
  if (messageIds.length > 0) {
    const found = await db
      .select({
        id: chatMessages.id,
        status: chatMessages.status,
        body: chatMessages.body,
        roomId: chatRooms.id,
        roomTitle: chatRooms.title,
        groupId: groups.id,
        groupName: groups.name,
      })
      .from(chatMessages)
      .innerJoin(chatRooms, eq(chatRooms.id, chatMessages.roomId))
      .innerJoin(groups, eq(groups.id, chatRooms.groupId))
      .where(inArray(chatMessages.id, messageIds));
    for (const m of found) {
      map.set(`chat_message:${m.id}`, {
        status: m.status,
        text: m.body,
        groupId: m.groupId,
        groupName: m.groupName,
        containerId: m.roomId,
        containerTitle: m.roomTitle,
        anonymous: true,
      });
    }
  }
  return map;
}

async function presentItems(db: Reader, secret: string, rows: FlagRow[]): Promise<QueueItem[]> {
  if (rows.length === 0) return [];
  const found = await targets(db, rows);
  const claimerIds = [...new Set(rows.map((r) => r.claimedBy).filter((x): x is string => !!x))];
  const claimers = new Map(
    claimerIds.length === 0
      ? []
      : (
          await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, claimerIds))
        ).map((u) => [u.id, u.username] as const),
  );
  const noticeIds = rows.map((r) => r.noticeId).filter((x): x is string => !!x);
  const notices = new Map(
    noticeIds.length === 0
      ? []
      : (await db.select().from(moderationNotices).where(inArray(moderationNotices.id, noticeIds))).map(
          (n) => [n.id, n] as const,
        ),
  );
  return rows.map((row) => {
    const target = found.get(`${row.targetType}:${row.targetId}`);
    const notice = row.noticeId ? notices.get(row.noticeId) : undefined;
    return {
      id: row.id,
      source: row.source,
      status: row.status,
      priority: row.priority,
      labels: row.labels as Label[],
      flags: row.spans as Flag[],
      createdAt: minute(row.createdAt),
      claimedBy: row.claimedBy ? (claimers.get(row.claimedBy) ?? null) : null,
      decision: row.decision,
      decidedAt: row.decidedAt ? minute(row.decidedAt) : null,
      target: {
        type: row.targetType as TargetType,
        id: row.targetId,
        status: target?.status ?? 'deleted',
        text: target?.text ?? '',
        groupId: target?.groupId ?? row.groupId,
        groupName: target?.groupName ?? '',
        containerId: target?.containerId ?? '',
        containerTitle: target?.containerTitle ?? null,
        anonymous: target?.anonymous ?? true,
      },
      authorHandle: moderationHandle(secret, row.authorId),
      report: row.reportReason ? { reason: row.reportReason as ReportReason, note: row.reportNote } : null,
      appeal: row.appealMessage
        ? { message: row.appealMessage, decision: notice?.kind ?? 'unknown', decisionReason: notice?.reason ?? null }
        : null,
    };
  });
}
