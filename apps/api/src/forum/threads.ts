import { type Database, type Db, posts, threadReads, threads } from '@bedrock/db';
import {
  type ContentWarningInput,
  LIMITS,
  type PostStatus,
  type ReportReason,
  type ThreadListResponse,
  type ThreadPageResponse,
} from '@bedrock/shared';
import { AppError } from '../errors.ts';
import { decideGroupAccess, decideThreadAccess, groupAccess, type Viewer } from './access.ts';
import { threadPseudonym } from './anonymity.ts';
import { newId } from './ids.ts';
import { renderMarkdown } from './markdown.ts';
import { type Reader, readThreadList, readThreadPage } from './pages.ts';
import { presentPost, presentThread } from './present.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export interface PostWrite {
  postId: string;
  groupId: string;
  authorId: string;
  isOpening: boolean;
  title?: string | undefined;
  body: string;
}

/**
 * The moderation seam (apps/api/src/moderation/pipeline.ts). Write calls run inside the write's own
 * transaction, so a post and its flags commit together; without it every post is published.
 */
export interface ForumModeration {
  /** Before a new post is stored: classifies it, records flags, returns its status (refuses a muted author). */
  reviewNewPost(tx: Tx, post: PostWrite): Promise<PostStatus>;
  /** After an edit is stored: re-checks the text and holds or publishes the post again. */
  reviewEditedPost(tx: Tx, post: PostWrite): Promise<void>;
  /** The write's transaction committed (or rolled back): announce (or forget) its new flags. */
  afterCommit(postId: string): void;
  afterRollback(postId: string): void;
  /** A member's report becomes a flag in the moderators' queue. */
  reportPost(report: { postId: string; reporterId: string; reason: ReportReason; note?: string | null }): Promise<void>;
}

/** Runs a post's write transaction, then lets moderation announce what it flagged, only once committed. */
export async function moderatedWrite<T>(ctx: ForumContext, postId: string, write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    ctx.moderation?.afterCommit(postId);
    return result;
  } catch (error) {
    ctx.moderation?.afterRollback(postId);
    throw error;
  }
}

/** What forum services need: the database, the server secret, and the moderation seam. */
export interface ForumContext {
  db: Db;
  /** For the folded page reads (pages.ts), which run hand-written prepared statements. */
  database: Database;
  secret: string;
  moderation?: ForumModeration;
}

export interface Page {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface NewPost {
  body: string;
  anonymous?: boolean;
  contentWarning?: ContentWarningInput | null;
}

/** Columns shared by a new opening post and a new reply. */
export function postValues(input: NewPost) {
  return {
    body: input.body,
    bodyHtml: renderMarkdown(input.body),
    anonymous: input.anonymous ?? false,
    contentWarning: input.contentWarning?.category ?? null,
    contentWarningText: input.contentWarning?.text || null,
  };
}

/**
 * One page of a group's threads, by latest activity. Cursors are the last row's id: they carry no
 * timestamp, so they reveal nothing a page does not. `reader` is a viewer, or on the route a session
 * that the page's one statement resolves (see pages.ts).
 */
export async function listThreads(
  ctx: ForumContext,
  reader: Reader,
  slug: string,
  page: Page,
): Promise<ThreadListResponse> {
  const limit = page.limit ?? LIMITS.pageDefault;
  const {
    head,
    threads: rows,
    viewer,
    stale,
  } = await readThreadList(ctx.database, reader, slug, page.cursor ?? null, limit + 1);
  if (stale) return listThreads(ctx, viewer, slug, page);
  // The access check decides; the rows were read in the same statement only to save round trips.
  if (!head) throw new AppError('ERR_GROUP_NOT_FOUND');
  decideGroupAccess(viewer, head.groupKind, head, 'read');
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  return {
    threads: shown.map((row) => presentThread(row, head.groupSlug, !!viewer)),
    nextCursor: more ? (shown.at(-1)?.id ?? null) : null,
  };
}

export async function createThread(
  ctx: ForumContext,
  viewer: Viewer,
  slug: string,
  input: NewPost & { title: string },
) {
  const access = await groupAccess(ctx.db, viewer, slug, 'post');
  const author = viewer!; // posting implies a signed-in, active viewer
  const now = new Date();
  const threadId = newId();
  const postId = newId();
  await moderatedWrite(ctx, postId, () =>
    ctx.db.transaction(async (tx) => {
      const write = { postId, groupId: access.group.id, authorId: author.id, isOpening: true, ...input };
      const status = (await ctx.moderation?.reviewNewPost(tx, write)) ?? 'published';
      await tx
        .insert(threads)
        .values({ id: threadId, groupId: access.group.id, title: input.title, createdAt: now, lastActivityAt: now });
      const pseudonym = input.anonymous ? await threadPseudonym(tx, ctx.secret, threadId, author.id) : null;
      await tx.insert(posts).values({
        id: postId,
        threadId,
        groupId: access.group.id,
        authorId: author.id,
        isOpening: true,
        pseudonym,
        status,
        createdAt: now,
        ...postValues(input),
      });
      await tx.insert(threadReads).values({ threadId, userId: author.id, readAt: now });
    }),
  );
  const page = await threadPage(ctx, viewer, threadId, {});
  return { thread: page.thread, post: page.posts[0]! };
}

/** The thread with one page of posts (opening post first), marking it read for the viewer. */
export async function threadPage(
  ctx: ForumContext,
  reader: Reader,
  threadId: string,
  page: Page,
): Promise<ThreadPageResponse> {
  const limit = page.limit ?? LIMITS.repliesPageDefault;
  const {
    head,
    posts: rows,
    viewer,
    stale,
  } = await readThreadPage(ctx.database, reader, threadId, page.cursor ?? null, limit + 1);
  if (stale) return threadPage(ctx, viewer, threadId, page);
  // As in listThreads: the access check decides, the rows only rode along.
  if (!head) throw new AppError('ERR_THREAD_NOT_FOUND');
  decideThreadAccess(viewer, head.groupKind, head, head, 'read');
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  if (viewer && (head.readAt === null || head.readAt < head.lastActivityAt)) {
    await ctx.db
      .insert(threadReads)
      .values({ threadId, userId: viewer.id, readAt: head.lastActivityAt })
      .onConflictDoUpdate({
        target: [threadReads.userId, threadReads.threadId],
        set: { readAt: head.lastActivityAt },
      });
  }
  return {
    thread: presentThread(head, head.groupSlug, !!viewer),
    group: { slug: head.groupSlug, name: head.groupName, kind: head.groupKind },
    posts: shown.map((row) => presentPost(row, head.readAt, !!viewer)),
    nextCursor: more ? (shown.at(-1)?.id ?? null) : null,
  };
}
