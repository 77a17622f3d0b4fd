import { type Database, type Db, posts, threadReads, threads } from '@bedrock/db';
import {
  type ContentWarningInput,
  LIMITS,
  type PostStatus,
  type ReportReason,
  type ThreadListResponse,
  type ThreadPageResponse,
  threadListResponseSchema,
  threadPageResponseSchema,
  threadSummarySchema,
} from '@bedrock/shared';
import { AppError } from '../errors.ts';
import { decideGroupAccess, decideThreadAccess, groupAccess, type Viewer } from './access.ts';
import { threadPseudonym } from './anonymity.ts';
import { newId } from './ids.ts';
import { renderMarkdown } from './markdown.ts';
import {
  type CachedList,
  type CachedPage,
  cacheList,
  cachePage,
  cachedPostsJson,
  cachedThreadsJson,
  VersionedCache,
} from './page-cache.ts';
import { type Reader, readThreadList, readThreadPage } from './pages.ts';
import { pageOf, presentPost, presentThread } from './present.ts';

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
  /** The shared views of the two hottest reads (page-cache.ts); without it every read reads its rows. */
  cache?: ForumCache;
}

export interface ForumCache {
  pages: VersionedCache<CachedPage>;
  lists: VersionedCache<CachedList>;
}

/** Room for a few hundred pages and lists (each entry holds its posts serialized twice). */
export function createForumCache(): ForumCache {
  return { pages: new VersionedCache(500, 32_000_000), lists: new VersionedCache(500, 8_000_000) };
}

const cacheKey = (id: string, page: Page, limit: number) => `${id}\u0000${page.cursor ?? ''}\u0000${limit}`;

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
  return JSON.parse(await listThreadsJson(ctx, reader, slug, page)) as ThreadListResponse;
}

/** listThreads, serialized: the route sends this text as it is (every part passed the zod allowlist). */
export async function listThreadsJson(ctx: ForumContext, reader: Reader, slug: string, page: Page): Promise<string> {
  const limit = page.limit ?? LIMITS.pageDefault;
  const key = cacheKey(slug, page, limit);
  const cached = ctx.cache?.lists.get(key);
  const read = await readThreadList(ctx.database, reader, slug, page.cursor ?? null, limit + 1, cached?.check ?? null);
  const { head, viewer, stale } = read;
  if (stale) return listThreadsJson(ctx, viewer, slug, page);
  // The access check decides; the rows were read in the same statement only to save round trips.
  if (!head) throw new AppError('ERR_GROUP_NOT_FOUND');
  decideGroupAccess(viewer, head.groupKind, head, 'read');
  const signedIn = !!viewer;
  let list = head.hit ? cached : undefined;
  if (!list) {
    const { shown, nextCursor } = pageOf(read.threads ?? [], limit);
    if (!head.shareable) {
      return JSON.stringify(
        threadListResponseSchema.parse({
          threads: shown.map((row) => presentThread(row, head.groupSlug, signedIn)),
          nextCursor,
        }),
      );
    }
    list = cacheList(Number(head.version), shown, head.groupSlug, nextCursor);
    ctx.cache?.lists.set(key, list);
    for (const row of shown) {
      if (row.isMine) read.own.add(row.id);
      if (row.readAt) read.readAt.set(row.id, row.readAt);
    }
  }
  const threadsJson = cachedThreadsJson(list, { signedIn, own: read.own, readAt: read.readAt });
  return `{"threads":${threadsJson},"nextCursor":${JSON.stringify(list.nextCursor)}}`;
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
  return JSON.parse(await threadPageJson(ctx, reader, threadId, page)) as ThreadPageResponse;
}

/** threadPage, serialized: the route sends this text as it is (every part passed the zod allowlist). */
export async function threadPageJson(ctx: ForumContext, reader: Reader, threadId: string, page: Page): Promise<string> {
  const limit = page.limit ?? LIMITS.repliesPageDefault;
  const key = cacheKey(threadId, page, limit);
  const cached = ctx.cache?.pages.get(key);
  const read = await readThreadPage(
    ctx.database,
    reader,
    threadId,
    page.cursor ?? null,
    limit + 1,
    cached?.check ?? null,
  );
  const { head, viewer, stale } = read;
  if (stale) return threadPageJson(ctx, viewer, threadId, page);
  // As in listThreads: the access check decides, the rows only rode along.
  if (!head) throw new AppError('ERR_THREAD_NOT_FOUND');
  decideThreadAccess(viewer, head.groupKind, head, head, 'read');
  if (viewer && (head.readAt === null || head.readAt < head.lastActivityAt)) {
    await ctx.db
      .insert(threadReads)
      .values({ threadId, userId: viewer.id, readAt: head.lastActivityAt })
      .onConflictDoUpdate({
        target: [threadReads.userId, threadReads.threadId],
        set: { readAt: head.lastActivityAt },
      });
  }
  const signedIn = !!viewer;
  const thread = threadSummarySchema.parse(presentThread(head, head.groupSlug, signedIn));
  const group = { slug: head.groupSlug, name: head.groupName, kind: head.groupKind };
  let shared = head.hit ? cached : undefined;
  if (!shared) {
    const { shown, nextCursor } = pageOf(read.posts ?? [], limit);
    if (!head.shareable) {
      const posts = shown.map((row) => presentPost(row, head.readAt, signedIn));
      return JSON.stringify(threadPageResponseSchema.parse({ thread, group, posts, nextCursor }));
    }
    shared = cachePage(Number(head.version), shown, nextCursor);
    ctx.cache?.pages.set(key, shared);
    for (const row of shown) {
      if (row.isMine) read.own.set(row.id, row.body);
      for (const r of row.reactions ?? [])
        if (r.m) read.reacted.set(row.id, (read.reacted.get(row.id) ?? new Set()).add(r.k));
    }
  }
  const postsJson = cachedPostsJson(shared, { signedIn, readAt: head.readAt, own: read.own, reacted: read.reacted });
  return `{"thread":${JSON.stringify(thread)},"group":${JSON.stringify(threadPageResponseSchema.shape.group.parse(group))},"posts":${postsJson},"nextCursor":${JSON.stringify(shared.nextCursor)}}`;
}
