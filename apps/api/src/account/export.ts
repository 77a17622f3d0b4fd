import {
  chatMessages,
  chatRooms,
  type Db,
  groupMembers,
  groups,
  moderationNotices,
  partnerVerifications,
  postReactions,
  postReports,
  posts,
  sessions,
  threads,
  users,
} from '@bedrock/db';
import { type AccountExport, NOTICE_KINDS, type NoticeKind } from '@bedrock/shared';
import { and, asc, eq, gt } from 'drizzle-orm';
import { AppError } from '../errors.ts';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const isNoticeKind = (kind: string): kind is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(kind);

/**
 * Everything Bedrock holds that is hers, and nothing about anyone else: every query below selects
 * only her rows and only named columns (never another author, a pseudonym, an alias or who decided).
 */
export async function exportAccount(db: Db, userId: string): Promise<AccountExport> {
  const [account] = await db.select().from(users).where(eq(users.id, userId));
  if (!account) throw new AppError('ERR_UNAUTHENTICATED');
  const [verification] = await db.select().from(partnerVerifications).where(eq(partnerVerifications.userId, userId));

  const memberships = await db
    .select({ slug: groups.slug, name: groups.name, joinedAt: groupMembers.joinedAt })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(eq(groupMembers.userId, userId))
    .orderBy(asc(groupMembers.joinedAt));

  const written = await db
    .select({
      id: posts.id,
      threadId: posts.threadId,
      threadTitle: threads.title,
      groupSlug: groups.slug,
      isOpening: posts.isOpening,
      anonymous: posts.anonymous,
      status: posts.status,
      body: posts.body,
      contentWarning: posts.contentWarning,
      contentWarningText: posts.contentWarningText,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(groups, eq(groups.id, posts.groupId))
    .where(eq(posts.authorId, userId))
    .orderBy(asc(posts.createdAt), asc(posts.id));

  const messages = await db
    .select({
      roomId: chatRooms.id,
      roomTitle: chatRooms.title,
      groupSlug: groups.slug,
      status: chatMessages.status,
      body: chatMessages.body,
      createdAt: chatMessages.createdAt,
    })
    .from(chatMessages)
    .innerJoin(chatRooms, eq(chatRooms.id, chatMessages.roomId))
    .innerJoin(groups, eq(groups.id, chatRooms.groupId))
    .where(eq(chatMessages.authorId, userId))
    .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id));

  const reactions = await db
    .select({
      postId: postReactions.postId,
      threadId: posts.threadId,
      kind: postReactions.kind,
      createdAt: postReactions.createdAt,
    })
    .from(postReactions)
    .innerJoin(posts, eq(posts.id, postReactions.postId))
    .where(eq(postReactions.userId, userId))
    .orderBy(asc(postReactions.createdAt));

  const reports = await db
    .select({
      postId: postReports.postId,
      reason: postReports.reason,
      note: postReports.note,
      at: postReports.createdAt,
    })
    .from(postReports)
    .where(eq(postReports.reporterId, userId))
    .orderBy(asc(postReports.createdAt));

  const notices = await db
    .select({ kind: moderationNotices.kind, reason: moderationNotices.reason, at: moderationNotices.createdAt })
    .from(moderationNotices)
    .where(eq(moderationNotices.userId, userId))
    .orderBy(asc(moderationNotices.createdAt));

  const live = await db
    .select({
      device: sessions.device,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(asc(sessions.createdAt));

  const decided = verification?.status === 'declined' || verification?.status === 'revoked';
  return {
    format: 'bedrock-data/1',
    exportedAt: iso(new Date()),
    account: { username: account.username, role: account.role, createdAt: iso(account.createdAt) },
    verification: {
      status: verification?.status ?? 'none',
      situation: verification?.situation ?? null,
      foundVia: verification?.foundVia ?? null,
      submittedAt: isoOrNull(verification?.submittedAt ?? null),
      decidedAt: isoOrNull(verification?.decidedAt ?? null),
      reason: decided ? (verification?.reason ?? null) : null,
    },
    groups: memberships.map((g) => ({ slug: g.slug, name: g.name, joinedAt: iso(g.joinedAt) })),
    // Only conversations she started carry a title: a reply elsewhere points at its thread by id.
    threads: written
      .filter((p) => p.isOpening)
      .map((p) => ({
        id: p.threadId,
        groupSlug: p.groupSlug,
        title: p.threadTitle,
        anonymous: p.anonymous,
        createdAt: iso(p.createdAt),
      })),
    posts: written.map((p) => ({
      id: p.id,
      threadId: p.threadId,
      groupSlug: p.groupSlug,
      opensThread: p.isOpening,
      anonymous: p.anonymous,
      status: p.status,
      deleted: p.deletedAt !== null,
      body: p.deletedAt ? null : p.body,
      contentWarning:
        p.contentWarning && !p.deletedAt ? { category: p.contentWarning, text: p.contentWarningText } : null,
      createdAt: iso(p.createdAt),
      editedAt: isoOrNull(p.editedAt),
    })),
    chatMessages: messages.map((m) => ({
      roomId: m.roomId,
      roomTitle: m.roomTitle,
      groupSlug: m.groupSlug,
      status: m.status,
      body: m.body,
      at: iso(m.createdAt),
    })),
    reactions: reactions.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    reports: reports.map((r) => ({ postId: r.postId, reason: r.reason, note: r.note, createdAt: iso(r.at) })),
    notices: notices.flatMap((n) =>
      isNoticeKind(n.kind) ? [{ kind: n.kind, reason: n.reason, createdAt: iso(n.at) }] : [],
    ),
    sessions: live.map((s) => ({
      device: s.device,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
    })),
  };
}
