import {
  type Db,
  groups,
  postReactions,
  postReports,
  postRevisions,
  posts,
  threadReads,
  threads,
  users,
} from '@bedrock/db';
import { LIMITS, type Post, type PostStatus, type ReactionKind, type ReportReason } from '@bedrock/shared';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import { postAccess, threadAccess, type Viewer } from './access.ts';
import { threadPseudonym } from './anonymity.ts';
import { newId } from './ids.ts';
import { renderMarkdown } from './markdown.ts';
import { minute, type PostView, pageOf, postColumns, presentPost } from './present.ts';
import { type ForumContext, moderatedWrite, type NewPost, type Page, postValues } from './threads.ts';

/** One post as `viewer` sees it (after an access check by the caller). */
async function loadPost(ctx: ForumContext, viewer: Viewer, postId: string): Promise<Post> {
  const [row] = (await ctx.db
    .select(postColumns(viewer))
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, postId))
    .limit(1)) as PostView[];
  if (!row) throw new AppError('ERR_POST_NOT_FOUND');
  return presentPost(row);
}

export async function createReply(ctx: ForumContext, viewer: Viewer, threadId: string, input: NewPost): Promise<Post> {
  const access = await threadAccess(ctx.db, viewer, threadId, 'post');
  const author = viewer!;
  const now = new Date();
  const id = newId();
  await moderatedWrite(ctx, id, () =>
    ctx.db.transaction(async (tx) => {
      const write = { postId: id, groupId: access.group.id, authorId: author.id, isOpening: false, body: input.body };
      const status = (await ctx.moderation?.reviewNewPost(tx, write)) ?? 'published';
      const pseudonym = input.anonymous ? await threadPseudonym(tx, ctx.secret, threadId, author.id) : null;
      await tx.insert(posts).values({
        id,
        threadId,
        groupId: access.group.id,
        authorId: author.id,
        pseudonym,
        status,
        createdAt: now,
        ...postValues(input),
      });
      // Only what others can see moves the thread: a held reply leaves no trace in counts or order.
      if (status === 'published') {
        await tx
          .update(threads)
          .set({ replyCount: sql`${threads.replyCount} + 1`, lastActivityAt: now })
          .where(eq(threads.id, threadId));
      }
      const readAt = status === 'published' ? now : access.thread.lastActivityAt;
      await tx
        .insert(threadReads)
        .values({ threadId, userId: author.id, readAt })
        .onConflictDoUpdate({ target: [threadReads.userId, threadReads.threadId], set: { readAt } });
    }),
  );
  return loadPost(ctx, viewer, id);
}

export async function editPost(
  ctx: ForumContext,
  viewer: Viewer,
  postId: string,
  input: Omit<NewPost, 'anonymous'> & { title?: string | undefined },
): Promise<Post> {
  const { post, isMine } = await postAccess(ctx.db, viewer, postId, 'post');
  if (!isMine) throw new AppError('ERR_NOT_AUTHOR');
  if (post.deletedAt) throw new AppError('ERR_POST_DELETED');
  if (input.title !== undefined && !post.isOpening) throw new AppError('ERR_NOT_OPENING_POST');
  await moderatedWrite(ctx, postId, () =>
    ctx.db.transaction(async (tx) => {
      const [thread] = await tx.select({ title: threads.title }).from(threads).where(eq(threads.id, post.threadId));
      await tx.insert(postRevisions).values({
        id: newId(),
        postId,
        title: post.isOpening ? (thread?.title ?? null) : null,
        body: post.body,
        bodyHtml: post.bodyHtml,
      });
      await tx
        .update(posts)
        .set({
          body: input.body,
          bodyHtml: renderMarkdown(input.body),
          // Leaving the warning out keeps the current one; null removes it.
          ...(input.contentWarning !== undefined
            ? {
                contentWarning: input.contentWarning?.category ?? null,
                contentWarningText: input.contentWarning?.text || null,
              }
            : {}),
          editedAt: new Date(),
        })
        .where(eq(posts.id, postId));
      if (input.title !== undefined)
        await tx.update(threads).set({ title: input.title }).where(eq(threads.id, post.threadId));
      await ctx.moderation?.reviewEditedPost(tx, {
        postId,
        groupId: post.groupId,
        authorId: post.authorId,
        isOpening: post.isOpening,
        title: post.isOpening ? (input.title ?? thread?.title) : undefined,
        body: input.body,
      });
    }),
  );
  return loadPost(ctx, viewer, postId);
}

/** Scrubs the body, warning and earlier versions; the row stays as a "deleted" placeholder. */
export async function deletePost(ctx: ForumContext, viewer: Viewer, postId: string): Promise<Post> {
  const { isMine } = await postAccess(ctx.db, viewer, postId, 'own-delete');
  if (!isMine) throw new AppError('ERR_NOT_AUTHOR');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(postRevisions).where(eq(postRevisions.postId, postId));
    await tx
      .update(posts)
      .set({ body: '', bodyHtml: '', contentWarning: null, contentWarningText: null, deletedAt: new Date() })
      .where(and(eq(posts.id, postId), isNull(posts.deletedAt)));
  });
  return loadPost(ctx, viewer, postId);
}

/** Earlier versions of a post: moderators only. */
export async function postRevisionsFor(ctx: ForumContext, viewer: Viewer, postId: string) {
  const { staff } = await postAccess(ctx.db, viewer, postId, 'read');
  if (!staff) throw new AppError('ERR_FORBIDDEN');
  const rows = await ctx.db
    .select()
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.replacedAt));
  return rows.map((r) => ({ title: r.title, bodyHtml: r.bodyHtml, replacedAt: minute(r.replacedAt) }));
}

/** Toggles one support reaction and returns the post's counts. */
export async function toggleReaction(ctx: ForumContext, viewer: Viewer, postId: string, kind: ReactionKind) {
  const { post } = await postAccess(ctx.db, viewer, postId, 'post');
  if (post.deletedAt) throw new AppError('ERR_POST_DELETED');
  const userId = viewer!.id;
  const where = and(eq(postReactions.postId, postId), eq(postReactions.userId, userId), eq(postReactions.kind, kind));
  const removed = await ctx.db.delete(postReactions).where(where).returning({ kind: postReactions.kind });
  if (removed.length === 0) await ctx.db.insert(postReactions).values({ postId, userId, kind }).onConflictDoNothing();
  return (await loadPost(ctx, viewer, postId)).reactions;
}

export async function reportPost(
  ctx: ForumContext,
  viewer: Viewer,
  postId: string,
  input: { reason: ReportReason; note?: string | undefined },
) {
  await postAccess(ctx.db, viewer, postId, 'read');
  if (!viewer) throw new AppError('ERR_UNAUTHENTICATED');
  await ctx.db
    .insert(postReports)
    .values({ id: newId(), postId, reporterId: viewer.id, reason: input.reason, note: input.note || null });
  await ctx.moderation?.reportPost({ postId, reporterId: viewer.id, reason: input.reason, note: input.note || null });
}

/** The author's private list of their own posts, anonymous ones included, newest first. */
export async function myPosts(ctx: ForumContext, viewer: Viewer & {}, page: Page) {
  const limit = page.limit ?? LIMITS.pageDefault;
  const after = page.cursor
    ? sql`(${posts.createdAt}, ${posts.id}) < (select c.created_at, c.id from ${posts} c where c.id = ${page.cursor} and c.author_id = ${viewer.id})`
    : undefined;
  const rows = await ctx.db
    .select({
      ...postColumns(viewer),
      threadTitle: threads.title,
      groupSlug: groups.slug,
      groupName: groups.name,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(groups, eq(groups.id, posts.groupId))
    .where(and(eq(posts.authorId, viewer.id), isNull(posts.deletedAt), after))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(limit + 1);
  const { shown, nextCursor } = pageOf(rows, limit);
  return {
    posts: shown.map((row) => ({
      post: presentPost(row as PostView),
      thread: { id: row.threadId, title: row.threadTitle },
      group: { slug: row.groupSlug, name: row.groupName },
    })),
    nextCursor,
  };
}

/**
 * For the moderation pipeline (its own issue): sets a post's status and keeps the thread's public
 * reply count in step, since that count covers published replies only.
 */
export async function setPostStatus(db: Db, postId: string, status: PostStatus): Promise<void> {
  await db.transaction(async (tx) => {
    const [post] = await tx.select().from(posts).where(eq(posts.id, postId)).for('update');
    if (!post) throw new AppError('ERR_POST_NOT_FOUND');
    if (post.status === status) return;
    await tx.update(posts).set({ status }).where(eq(posts.id, postId));
    const delta = (status === 'published' ? 1 : 0) - (post.status === 'published' ? 1 : 0);
    if (!post.isOpening && delta !== 0) {
      await tx
        .update(threads)
        .set({ replyCount: sql`${threads.replyCount} + ${delta}` })
        .where(eq(threads.id, post.threadId));
    }
  });
}
