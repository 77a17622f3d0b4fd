import { type Db, groups, posts, threadReads, threads, users } from '@bedrock/db';
import {
  type ContentWarningInput,
  LIMITS,
  type PostStatus,
  type ReportReason,
  type ThreadListResponse,
  type ThreadPageResponse,
} from '@bedrock/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import { groupAccess, isStaff, threadAccess, type Viewer } from './access.ts';
import { threadPseudonym } from './anonymity.ts';
import { newId } from './ids.ts';
import { renderMarkdown } from './markdown.ts';
import {
  type PostView,
  postColumns,
  presentPost,
  presentThread,
  type ThreadView,
  threadColumns,
  threadJoins,
} from './present.ts';

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
 * The two page queries as prepared statements (planned once per database). Visibility: moderators
 * (`staff`) see every post; others see published ones and their own. Cursors are the last row's id:
 * they carry no timestamp, so they reveal nothing a page does not.
 */
const VIEWER = sql.placeholder('viewerId');
const STAFF = sql.placeholder('staff');
const CURSOR = sql.placeholder('cursor');
function prepare(db: Db) {
  const joins = threadJoins(VIEWER);
  const groupId = sql`(select g.id from ${groups} g where g.slug = ${sql.placeholder('slug')})`;
  const visible = sql`(${STAFF}::boolean or ${posts.status} = 'published' or ${posts.authorId} = ${VIEWER})`;
  return {
    list: db
      .select(threadColumns(VIEWER))
      .from(threads)
      .innerJoin(posts, joins.opening)
      .innerJoin(users, joins.author)
      .leftJoin(threadReads, joins.read)
      .where(
        and(
          sql`${threads.groupId} = ${groupId}`,
          visible,
          sql`(${CURSOR}::text is null or (${threads.lastActivityAt}, ${threads.id}) < (select c.last_activity_at, c.id from ${threads} c where c.id = ${CURSOR}::text and c.group_id = ${groupId}))`,
        ),
      )
      .orderBy(desc(threads.lastActivityAt), desc(threads.id))
      .limit(sql.placeholder('limit'))
      .prepare('forum_thread_list'),
    posts: db
      .select(postColumns(VIEWER))
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(
        and(
          eq(posts.threadId, sql.placeholder('threadId')),
          visible,
          sql`(${CURSOR}::text is null or (not ${posts.isOpening}, ${posts.createdAt}, ${posts.id}) > (select not c.is_opening, c.created_at, c.id from ${posts} c where c.id = ${CURSOR}::text and c.thread_id = ${posts.threadId}))`,
        ),
      )
      .orderBy(sql`not ${posts.isOpening}`, posts.createdAt, posts.id)
      .limit(sql.placeholder('limit'))
      .prepare('forum_thread_posts'),
  };
}
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepared(db: Db) {
  let found = statements.get(db);
  if (!found) {
    found = prepare(db);
    statements.set(db, found);
  }
  return found;
}

export async function listThreads(
  ctx: ForumContext,
  viewer: Viewer,
  slug: string,
  page: Page,
): Promise<ThreadListResponse> {
  const limit = page.limit ?? LIMITS.pageDefault;
  const query = prepared(ctx.db).list.execute({
    slug,
    viewerId: viewer?.id ?? '',
    staff: isStaff(viewer),
    cursor: page.cursor ?? null,
    limit: limit + 1,
  });
  // The access check decides; the rows are fetched alongside it only to save a round trip, and are
  // dropped unread when it refuses (Promise.all rejects with the access error).
  const [access, rows] = await Promise.all([groupAccess(ctx.db, viewer, slug, 'read'), query as Promise<ThreadView[]>]);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  return {
    threads: shown.map((row) => presentThread(row, access.group.slug, !!viewer)),
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
  viewer: Viewer,
  threadId: string,
  page: Page,
): Promise<ThreadPageResponse> {
  const limit = page.limit ?? LIMITS.repliesPageDefault;
  const query = prepared(ctx.db).posts.execute({
    threadId,
    viewerId: viewer?.id ?? '',
    staff: isStaff(viewer),
    cursor: page.cursor ?? null,
    limit: limit + 1,
  });
  // As in listThreads: the access check decides, the rows only ride along to save a round trip.
  const [access, rows] = await Promise.all([
    threadAccess(ctx.db, viewer, threadId, 'read'),
    query as Promise<PostView[]>,
  ]);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const { thread } = access;
  if (viewer && (thread.readAt === null || thread.readAt < thread.lastActivityAt)) {
    await ctx.db
      .insert(threadReads)
      .values({ threadId, userId: viewer.id, readAt: thread.lastActivityAt })
      .onConflictDoUpdate({
        target: [threadReads.userId, threadReads.threadId],
        set: { readAt: thread.lastActivityAt },
      });
  }
  return {
    thread: presentThread(thread, access.group.slug, !!viewer),
    group: { slug: access.group.slug, name: access.group.name, kind: access.group.kind },
    posts: shown.map((row) => presentPost(row, thread.readAt, !!viewer)),
    nextCursor: more ? (shown.at(-1)?.id ?? null) : null,
  };
}
