import {
  type Db,
  groupBans,
  groupMembers,
  groups,
  partnerVerifications,
  posts,
  threadReads,
  threads,
  users,
} from '@bedrock/db';
import type { ErrorCode } from '@bedrock/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { AuthUser } from '../auth/guards.ts';
import { AppError } from '../errors.ts';
import { threadColumns, threadJoins, type ThreadView, type ViewerRef, viewerIdOf } from './present.ts';

/**
 * The hot lookups as prepared statements (one per database), so PostgreSQL plans them once: these run
 * on every page view.
 */
const VIEWER = sql.placeholder('viewerId');
function prepare(db: Db) {
  const joins = threadJoins(VIEWER);
  return {
    group: db
      .select({ group: groups, ...viewerFlagColumns(VIEWER, groups.id) })
      .from(groups)
      .where(eq(groups.slug, sql.placeholder('slug')))
      .limit(1)
      .prepare('forum_group_access'),
    thread: db
      .select({ group: groups, ...threadColumns(VIEWER), ...viewerFlagColumns(VIEWER, groups.id) })
      .from(threads)
      .innerJoin(groups, eq(groups.id, threads.groupId))
      .innerJoin(posts, joins.opening)
      .innerJoin(users, joins.author)
      .leftJoin(threadReads, joins.read)
      .where(eq(threads.id, sql.placeholder('threadId')))
      .limit(1)
      .prepare('forum_thread_access'),
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

/**
 * The forum's one access function. Every service function calls it (through groupAccess, threadAccess
 * or postAccess) before anything else. Deny by default: a partners-only group's content, a thread or
 * a post the viewer may not read answers with the same not-found error as something that never existed.
 */

export type Viewer = AuthUser | null;
export type Need = 'read' | 'post';

export interface ViewerFlags {
  member: boolean;
  banned: boolean;
  verified: boolean;
}

export interface Capabilities {
  /** An active moderator or admin: reads every group, may post without joining. */
  staff: boolean;
  canRead: boolean;
  canPost: boolean;
}

export function isStaff(viewer: Viewer): boolean {
  return !!viewer && viewer.status === 'active' && (viewer.role === 'moderator' || viewer.role === 'admin');
}

export function capabilities(viewer: Viewer, kind: 'open' | 'partners_only', flags: ViewerFlags): Capabilities {
  const active = !!viewer && viewer.status === 'active';
  const staff = isStaff(viewer);
  const canRead = staff || (active && !flags.banned && (kind === 'open' || (flags.verified && flags.member)));
  const canPost = canRead && (staff || flags.member);
  return { staff, canRead, canPost };
}

/** Selects the viewer's membership, group ban and verification as booleans, in the same query. */
export function viewerFlagColumns(viewer: ViewerRef, groupId: SQL | typeof groups.id) {
  const id = viewerIdOf(viewer);
  return {
    member: sql<boolean>`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${groupId} and ${groupMembers.userId} = ${id})`,
    banned: sql<boolean>`exists (select 1 from ${groupBans} where ${groupBans.groupId} = ${groupId} and ${groupBans.userId} = ${id})`,
    verified: sql<boolean>`exists (select 1 from ${partnerVerifications} where ${partnerVerifications.userId} = ${id} and ${partnerVerifications.status} = 'approved')`,
  };
}

/**
 * Turns capabilities into a refusal. Hidden content (partners-only without access) always gets
 * `notFound`, whoever asks, so it cannot be told apart from content that does not exist.
 */
function enforce(viewer: Viewer, kind: 'open' | 'partners_only', flags: ViewerFlags, notFound: ErrorCode) {
  const caps = capabilities(viewer, kind, flags);
  if (!caps.canRead) {
    if (kind === 'partners_only') throw new AppError(notFound);
    if (!viewer) throw new AppError('ERR_UNAUTHENTICATED');
    if (viewer.status !== 'active') throw new AppError('ERR_ACCOUNT_SUSPENDED');
    throw new AppError('ERR_GROUP_BANNED');
  }
  return caps;
}

/** Called after every visibility check, so refusing to post never confirms that hidden content exists. */
function enforcePost(caps: Capabilities, flags: ViewerFlags, need: Need | 'own-delete') {
  if (need === 'post' && !caps.canPost) throw new AppError(flags.banned ? 'ERR_GROUP_BANNED' : 'ERR_NOT_MEMBER');
}

export type GroupRow = typeof groups.$inferSelect;

/** The group decision on flags already read: the directory's 'see', or reading and posting. */
export function decideGroupAccess(
  viewer: Viewer,
  kind: 'open' | 'partners_only',
  flags: ViewerFlags,
  need: Need | 'see',
) {
  // 'see' is the directory's view: name, description and kind are public for every group.
  if (need === 'see') return capabilities(viewer, kind, flags);
  const caps = enforce(viewer, kind, flags, 'ERR_GROUP_NOT_FOUND');
  enforcePost(caps, flags, need);
  return caps;
}

/** The group by slug with the viewer's flags; throws ERR_GROUP_NOT_FOUND when missing or hidden. */
export async function groupAccess(db: Db, viewer: Viewer, slug: string, need: Need | 'see') {
  const [row] = await prepared(db).group.execute({ slug, viewerId: viewer?.id ?? '' });
  if (!row) throw new AppError('ERR_GROUP_NOT_FOUND');
  const flags = { member: row.member, banned: row.banned, verified: row.verified };
  return { group: row.group, flags, ...decideGroupAccess(viewer, row.group.kind, flags, need) };
}

/**
 * A thread the viewer may read (or post in), with its summary columns (opening post as the author
 * line, the viewer's read marker) fetched in the same query.
 */
export async function threadAccess(db: Db, viewer: Viewer, threadId: string, need: Need) {
  const [row] = await prepared(db).thread.execute({ threadId, viewerId: viewer?.id ?? '' });
  if (!row) throw new AppError('ERR_THREAD_NOT_FOUND');
  const { group, member, banned, verified, ...view } = row;
  const flags = { member, banned, verified };
  const caps = decideThreadAccess(viewer, group.kind, flags, view, need);
  return { thread: view as ThreadView, group, flags, ...caps };
}

/** The thread decision on columns already read (by threadAccess, or by the thread page's one statement). */
export function decideThreadAccess(
  viewer: Viewer,
  kind: 'open' | 'partners_only',
  flags: ViewerFlags,
  thread: { status: string; isMine: boolean },
  need: Need,
) {
  const caps = enforce(viewer, kind, flags, 'ERR_THREAD_NOT_FOUND');
  // A held or removed thread exists only for its author and the moderators.
  if (thread.status !== 'published' && !caps.staff && !thread.isMine) throw new AppError('ERR_THREAD_NOT_FOUND');
  enforcePost(caps, flags, need);
  return caps;
}

export type PostRow = typeof posts.$inferSelect;

/**
 * A post the viewer may act on. `own-delete` lets authors delete their own post even after losing
 * access to the group (a revoked partner can still take their story down).
 */
export async function postAccess(db: Db, viewer: Viewer, postId: string, need: Need | 'own-delete') {
  const opening = sql`(select status from ${posts} as o where o.thread_id = ${posts.threadId} and o.is_opening)`;
  const [row] = await db
    .select({
      post: posts,
      group: groups,
      threadStatus: sql<string>`${opening}`,
      ...viewerFlagColumns(viewer, groups.id),
    })
    .from(posts)
    .innerJoin(groups, eq(groups.id, posts.groupId))
    .where(eq(posts.id, postId))
    .limit(1);
  if (!row) throw new AppError('ERR_POST_NOT_FOUND');
  const isMine = !!viewer && row.post.authorId === viewer.id;
  if (need === 'own-delete' && isMine) return { post: row.post, group: row.group, isMine, staff: isStaff(viewer) };
  const flags = { member: row.member, banned: row.banned, verified: row.verified };
  const caps = enforce(viewer, row.group.kind, flags, 'ERR_POST_NOT_FOUND');
  const visible = caps.staff || isMine || (row.post.status === 'published' && row.threadStatus === 'published');
  if (!visible) throw new AppError('ERR_POST_NOT_FOUND');
  enforcePost(caps, flags, need);
  return { post: row.post, group: row.group, isMine, staff: caps.staff };
}
