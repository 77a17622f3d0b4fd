import { postReactions, posts, threadReads, threads, users } from '@bedrock/db';
import {
  type Author,
  type ContentWarningCategory,
  type Post,
  REACTIONS,
  type ReactionKind,
  type ThreadSummary,
} from '@bedrock/shared';
import { and, eq, Placeholder, sql } from 'drizzle-orm';
import type { Viewer } from './access.ts';

/** A viewer, or a placeholder for the viewer's id in a prepared statement. */
export type ViewerRef = Viewer | Placeholder<'viewerId'>;

export function viewerIdOf(viewer: ViewerRef): string | Placeholder<'viewerId'> {
  return viewer instanceof Placeholder ? viewer : (viewer?.id ?? '');
}

/**
 * The single place where rows become public shapes. The SQL below never hands JavaScript the author of
 * an anonymous post: the username column is null for anonymous posts and `isMine` is computed in SQL.
 */

/** Every public timestamp is rounded down to the minute, named and anonymous alike. */
export function minute(date: Date): string {
  // Same as flooring the time to the minute, without a second Date per timestamp (a page has many).
  return `${date.toISOString().slice(0, 17)}00.000Z`;
}

/**
 * One page from the `limit + 1` rows a read fetched: the extra row only tells that more exist, and the
 * next page starts after the last row shown (its id is the cursor).
 */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { shown: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  return { shown, nextCursor: rows.length > limit ? (shown.at(-1)?.id ?? null) : null };
}

export const HELD_NOTE =
  'Your post is waiting for a moderator. Only you and the moderators can see it for now; we will let you know what happens next.';
export const REMOVED_NOTE = 'A moderator removed this post, so only you and the moderators can see it.';

/** Columns for a post as `viewer` may see it (join `users` on the author). */
export function postColumns(viewer: ViewerRef) {
  const viewerId = viewerIdOf(viewer);
  return {
    id: posts.id,
    threadId: posts.threadId,
    isOpening: posts.isOpening,
    anonymous: posts.anonymous,
    pseudonym: posts.pseudonym,
    username: sql<string | null>`case when ${posts.anonymous} then null else ${users.username} end`,
    isMine: sql<boolean>`(${posts.authorId} = ${viewerId})`,
    status: posts.status,
    body: posts.body,
    bodyHtml: posts.bodyHtml,
    contentWarning: posts.contentWarning,
    contentWarningText: posts.contentWarningText,
    createdAt: posts.createdAt,
    editedAt: posts.editedAt,
    deletedAt: posts.deletedAt,
    reactions: sql<{ k: ReactionKind; c: number; m: boolean }[] | null>`(
      select json_agg(json_build_object('k', r.kind, 'c', r.c, 'm', r.m)) from (
        select ${postReactions.kind} as kind, count(*)::int as c, bool_or(${postReactions.userId} = ${viewerId}) as m
        from ${postReactions} where ${postReactions.postId} = ${posts.id} group by ${postReactions.kind}
      ) r)`,
  };
}

export type PostView = {
  id: string;
  threadId: string;
  isOpening: boolean;
  anonymous: boolean;
  pseudonym: string | null;
  username: string | null;
  isMine: boolean;
  status: 'published' | 'held' | 'removed';
  body: string;
  bodyHtml: string;
  contentWarning: ContentWarningCategory | null;
  contentWarningText: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  reactions: { k: ReactionKind; c: number; m: boolean }[] | null;
};

export function authorOf(row: Pick<PostView, 'anonymous' | 'pseudonym' | 'username' | 'deletedAt'>): Author {
  if (row.deletedAt) return { kind: 'deleted' };
  if (row.anonymous) return { kind: 'anonymous', pseudonym: row.pseudonym ?? 'Anonymous member' };
  return { kind: 'member', username: row.username ?? 'member' };
}

export function presentPost(row: PostView, readAt: Date | null = null, signedIn = false): Post {
  const counts = new Map((row.reactions ?? []).map((r) => [r.k, r]));
  const statusNote = !row.isMine
    ? null
    : row.status === 'held'
      ? HELD_NOTE
      : row.status === 'removed'
        ? REMOVED_NOTE
        : null;
  return {
    id: row.id,
    threadId: row.threadId,
    isOpening: row.isOpening,
    author: authorOf(row),
    isMine: row.isMine,
    status: row.status,
    statusNote,
    deleted: !!row.deletedAt,
    bodyHtml: row.deletedAt ? '' : row.bodyHtml,
    bodySource: row.isMine && !row.deletedAt ? row.body : null,
    contentWarning: row.contentWarning ? { category: row.contentWarning, text: row.contentWarningText } : null,
    createdAt: minute(row.createdAt),
    edited: !!row.editedAt,
    isNew: signedIn && !row.isMine && (readAt === null || row.createdAt > readAt),
    reactions: REACTIONS.map((kind) => ({ kind, count: counts.get(kind)?.c ?? 0, mine: counts.get(kind)?.m ?? false })),
  };
}

/** Columns for a thread summary: the thread, its opening post (as the author line) and the read marker. */
export function threadColumns(viewer: ViewerRef) {
  const viewerId = viewerIdOf(viewer);
  return {
    id: threads.id,
    title: threads.title,
    isDemo: threads.isDemo,
    replyCount: threads.replyCount,
    createdAt: threads.createdAt,
    lastActivityAt: threads.lastActivityAt,
    anonymous: posts.anonymous,
    pseudonym: posts.pseudonym,
    username: sql<string | null>`case when ${posts.anonymous} then null else ${users.username} end`,
    isMine: sql<boolean>`(${posts.authorId} = ${viewerId})`,
    status: posts.status,
    contentWarning: posts.contentWarning,
    contentWarningText: posts.contentWarningText,
    deletedAt: posts.deletedAt,
    readAt: threadReads.readAt,
  };
}

export const threadJoins = (viewer: ViewerRef) => ({
  opening: and(eq(posts.threadId, threads.id), eq(posts.isOpening, true)),
  author: eq(users.id, posts.authorId),
  read: and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, viewerIdOf(viewer))),
});

export type ThreadView = {
  id: string;
  title: string;
  isDemo: boolean;
  replyCount: number;
  createdAt: Date;
  lastActivityAt: Date;
  anonymous: boolean;
  pseudonym: string | null;
  username: string | null;
  isMine: boolean;
  status: 'published' | 'held' | 'removed';
  contentWarning: PostView['contentWarning'];
  contentWarningText: string | null;
  deletedAt: Date | null;
  readAt: Date | null;
};

export function presentThread(row: ThreadView, groupSlug: string, signedIn: boolean): ThreadSummary {
  return {
    id: row.id,
    groupSlug,
    title: row.title,
    author: authorOf(row),
    isMine: row.isMine,
    status: row.status,
    contentWarning: row.contentWarning ? { category: row.contentWarning, text: row.contentWarningText } : null,
    isDemo: row.isDemo,
    replyCount: row.replyCount,
    createdAt: minute(row.createdAt),
    lastActivityAt: minute(row.lastActivityAt),
    unread: signedIn && (row.readAt === null || row.lastActivityAt > row.readAt),
  };
}
