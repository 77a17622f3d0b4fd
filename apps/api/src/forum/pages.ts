import type { Database } from '@bedrock/db';
import type { GroupKind, ReactionKind } from '@bedrock/shared';
import { type AuthUser, VIEWER_BY_SESSION_CTE, VIEWER_BY_USER_CTE, type ViewerColumns } from '../auth/sessions.ts';
import type { FoldedSession } from '../plugins/auth.ts';
import type { ViewerFlags } from './access.ts';
import type { PostView, ThreadView } from './present.ts';

/**
 * The two hottest reads, the thread page and the thread list, each as ONE prepared statement: the
 * session and its user (role and status read now), the group and the viewer's access flags, and the
 * page itself. The access decision stays in JavaScript (access.ts) and is taken on these columns before
 * any row is used; the rows only ride along so that a page view costs one round trip, not three.
 *
 * Written as SQL text rather than with the query builder, which cannot express a statement of this
 * shape; the column aliases are the shapes of present.ts. Visibility is the same as everywhere in the
 * forum: moderators (`staff`) see every post, others published ones and their own.
 */

/** Who is reading: a session the statement resolves itself, or a viewer the auth hook already resolved. */
export type Reader = FoldedSession | AuthUser | null;

function isFolded(reader: Reader): reader is FoldedSession {
  return !!reader && 'settle' in reader;
}

/** The viewer's id ('' for a visitor) and whether they are staff (an active moderator or admin), as isStaff decides. */
const VIEWER_ROW = `v as (
  select coalesce((select id from viewer), '') as id,
    coalesce((select status = 'active' and role in ('moderator', 'admin') from viewer), false) as staff)`;
const flagColumns = (groupId: string) => `
    exists (select 1 from group_members m where m.group_id = ${groupId} and m.user_id = v.id) as member,
    exists (select 1 from group_bans b where b.group_id = ${groupId} and b.user_id = v.id) as banned,
    exists (select 1 from partner_verifications pv where pv.user_id = v.id and pv.status = 'approved') as verified`;
const VIEWER_OUT = `viewer.id as "viewerId", viewer.username as "viewerUsername", viewer.role as "viewerRole",
  viewer.status as "viewerStatus", viewer.expires_at as "viewerExpiresAt", viewer.last_seen_at as "viewerLastSeenAt"`;
/** A thread summary's columns: thread `t`, opening post `o`, its author `ou`, the read marker `rd`. */
const SUMMARY_COLUMNS = `t.id, t.title, t.is_demo as "isDemo", t.reply_count as "replyCount", t.created_at as "createdAt",
    t.last_activity_at as "lastActivityAt", o.anonymous, o.pseudonym,
    case when o.anonymous then null else ou.username end as username, o.author_id = v.id as "isMine", o.status,
    o.content_warning as "contentWarning", o.content_warning_text as "contentWarningText",
    o.deleted_at as "deletedAt", rd.read_at as "readAt"`;
const SUMMARY_JOINS = `join posts o on o.thread_id = t.id and o.is_opening
  join users ou on ou.id = o.author_id
  left join thread_reads rd on rd.thread_id = t.id and rd.user_id = v.id`;

/**
 * Each read comes in two statements: `rows` reads the page (with the version it was read at, and whether
 * the reader sees only the shared view), `check` is for a reader whose instance holds the shared view
 * (page-cache.ts) at some version: it answers whether that version is current and the reader may use it
 * (`hit`), and then the reader's own marks on the cached items, without reading them again. Two plain
 * statements rather than one with both: PostgreSQL plans each well once and for all.
 */
type Mode = 'rows' | 'check';

/** $3 the cached version: current, and for a reader who sees no more than the shared view. */
const HIT = `(select coalesce((select $3::bigint = h.version and h.shareable from head h), false))`;

/**
 * rows: $1 viewer, $2 thread id, $3 cursor (a post id) or null, $4 limit.
 * check: $1 viewer, $2 thread id, $3 the cached page's version, $4 its posts that have reactions, $5 and
 * $6 the first and last of its posts' times (a range a little wider than the page: `own` may hold posts
 * beside it, which the caller ignores).
 */
function threadPageSql(viewerCte: string, mode: Mode) {
  const head = `with ${viewerCte},
${VIEWER_ROW},
head as (
  select g.id as "groupId", g.slug as "groupSlug", g.name as "groupName", g.kind as "groupKind",
    ${SUMMARY_COLUMNS},
    ${flagColumns('g.id')},
    t.page_version as version,
    not v.staff and not exists (select 1 from posts u
      where u.author_id = v.id and u.status <> 'published' and u.thread_id = t.id) as shareable
  from v cross join threads t
  join groups g on g.id = t.group_id
  ${SUMMARY_JOINS}
  where t.id = $2
)`;
  // Her posts on the page by her author index over the page's time span (she wrote few in it), and her
  // reactions among the page's posts that have any.
  if (mode === 'check')
    return `${head},
hit as (select ${HIT} as hit)
select ${VIEWER_OUT}, head.*, (select hit from hit) as hit,
  (select json_agg(json_build_object('id', p.id, 'b', p.body)) from posts p
     where (select hit from hit) and p.author_id = (select id from v)
       and p.created_at >= $5::timestamptz and p.created_at <= $6::timestamptz and p.thread_id = $2) as own,
  (select json_agg(json_build_object('p', r.post_id, 'k', r.kind)) from post_reactions r
     where (select hit from hit) and r.post_id = any($4::text[]) and r.user_id = (select id from v)) as reacted
from v left join viewer on true left join head on true`;
  return `${head},
-- Posts first, the viewer as parameters: lets PostgreSQL read a large thread in index order.
page as (
  select p.id, p.thread_id as "threadId", p.is_opening as "isOpening", p.anonymous, p.pseudonym,
    case when p.anonymous then null else pu.username end as username, p.author_id = (select id from v) as "isMine", p.status,
    case when p.author_id = (select id from v) then p.body else '' end as body, p.body_html as "bodyHtml",
    p.content_warning as "contentWarning", p.content_warning_text as "contentWarningText",
    p.created_at as "createdAt", p.edited_at as "editedAt", p.deleted_at as "deletedAt"
  from posts p
  join users pu on pu.id = p.author_id
  where p.thread_id = $2 and ((select staff from v) or p.status = 'published' or p.author_id = (select id from v))
    and ($3::text is null or (not p.is_opening, p.created_at, p.id) >
      (select not c.is_opening, c.created_at, c.id from posts c where c.id = $3::text and c.thread_id = $2))
  order by not p.is_opening, p.created_at, p.id
  limit $4
),
counted as (
  select r.post_id, r.kind, count(*)::int as c, bool_or(r.user_id = v.id) as m
  from v cross join post_reactions r
  where r.post_id in (select id from page)
  group by r.post_id, r.kind
),
reacted as (
  select post_id, json_agg(json_build_object('k', kind, 'c', c, 'm', m)) as reactions from counted group by post_id
)
select ${VIEWER_OUT}, head.*, false as hit,
  (select coalesce(json_agg(x order by not x."isOpening", x."createdAt", x.id), '[]')
     from (select page.*, reacted.reactions from page left join reacted on reacted.post_id = page.id) x) as posts
from v left join viewer on true left join head on true`;
}

/**
 * rows: $1 viewer, $2 group slug, $3 cursor (a thread id) or null, $4 limit.
 * check: $1 viewer, $2 group slug, $3 the cached list's version, $4 its thread ids.
 */
function threadListSql(viewerCte: string, mode: Mode) {
  const head = `with ${viewerCte},
${VIEWER_ROW},
head as (
  select g.id as "groupId", g.slug as "groupSlug", g.kind as "groupKind",
    ${flagColumns('g.id')},
    g.list_version as version,
    not v.staff and not exists (select 1 from posts u
      where u.author_id = v.id and u.status <> 'published' and u.group_id = g.id and u.is_opening) as shareable
  from v cross join groups g
  where g.slug = $2
)`;
  if (mode === 'check')
    return `${head},
hit as (select ${HIT} as hit)
select ${VIEWER_OUT}, head.*, (select hit from hit) as hit,
  (select json_agg(o.thread_id) from posts o
     where (select hit from hit) and o.thread_id = any($4::text[]) and o.is_opening and o.author_id = (select id from v)) as own,
  (select json_agg(json_build_object('t', r.thread_id, 'r', r.read_at)) from thread_reads r
     where (select hit from hit) and r.user_id = (select id from v) and r.thread_id = any($4::text[])) as reads
from v left join viewer on true left join head on true`;
  return `${head},
list as (
  select ${SUMMARY_COLUMNS}
  from v cross join head h
  join threads t on t.group_id = h."groupId"
  ${SUMMARY_JOINS}
  where (v.staff or o.status = 'published' or o.author_id = v.id)
    and ($3::text is null or (t.last_activity_at, t.id) <
      (select c.last_activity_at, c.id from threads c join groups cg on cg.id = c.group_id
        where c.id = $3::text and cg.slug = $2))
  order by t.last_activity_at desc, t.id desc
  limit $4
)
select ${VIEWER_OUT}, head.*, false as hit,
  (select coalesce(json_agg(l order by l."lastActivityAt" desc, l.id desc), '[]') from list l) as threads
from v left join viewer on true left join head on true`;
}

const statements = {
  page: {
    rows: { session: threadPageSql(VIEWER_BY_SESSION_CTE, 'rows'), user: threadPageSql(VIEWER_BY_USER_CTE, 'rows') },
    check: { session: threadPageSql(VIEWER_BY_SESSION_CTE, 'check'), user: threadPageSql(VIEWER_BY_USER_CTE, 'check') },
  },
  list: {
    rows: { session: threadListSql(VIEWER_BY_SESSION_CTE, 'rows'), user: threadListSql(VIEWER_BY_USER_CTE, 'rows') },
    check: { session: threadListSql(VIEWER_BY_SESSION_CTE, 'check'), user: threadListSql(VIEWER_BY_USER_CTE, 'check') },
  },
};

interface ViewerOut {
  viewerId: string | null;
  viewerUsername: string;
  viewerRole: ViewerColumns['role'];
  viewerStatus: ViewerColumns['status'];
  viewerExpiresAt: Date;
  viewerLastSeenAt: Date;
}

/** Present when the group (or thread) exists, whatever the viewer may see of it. */
interface HeadOut extends ViewerFlags {
  groupId: string | null;
  groupSlug: string;
  groupKind: GroupKind;
}

/** JSON carries timestamps as text. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

const date = (value: string) => new Date(value);
const maybeDate = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Runs one folded statement and settles the reader: the viewer it resolved, or `stale` when the
 * session's answer was not the one the statement assumed (the caller reads again with `viewer`).
 */
async function run<T extends ViewerOut>(
  database: Database,
  which: keyof typeof statements,
  mode: Mode,
  reader: Reader,
  params: unknown[],
): Promise<{ row: T; viewer: AuthUser | null; stale: boolean }> {
  const folded = isFolded(reader);
  const kind = folded ? 'session' : 'user';
  const key = folded ? reader.id : (reader?.id ?? '');
  const [row] = await database.query<T>(`forum_${which}_${mode}_${kind}`, statements[which][mode][kind], [
    key,
    ...params,
  ]);
  if (!row) throw new Error('a folded read always returns one row');
  if (!folded) return { row, viewer: reader, stale: false };
  const found: ViewerColumns | null =
    row.viewerId === null
      ? null
      : {
          id: row.viewerId,
          username: row.viewerUsername,
          role: row.viewerRole,
          status: row.viewerStatus,
          expiresAt: row.viewerExpiresAt,
          lastSeenAt: row.viewerLastSeenAt,
        };
  const { user, matches } = await reader.settle(found);
  return { row, viewer: user, stale: !matches };
}

export type ThreadPageHead = HeadOut & ThreadView & { groupName: string };

/** What the list's check needs of a cached list (page-cache.ts): its version and the threads listed. */
export interface CachedListCheck {
  version: number;
  ids: string[];
}

/** What the page's check needs of a cached page: its version and where the reader's marks may be. */
export interface CachedPageCheck {
  version: number;
  reacted: string[];
  from: Date | null;
  to: Date | null;
}

/** Whether the cached view was current (`hit`), or the rows; and whether they may be shared. */
interface CacheOut {
  /** bigint, which pg hands over as text. */
  version: string;
  shareable: boolean;
  hit: boolean;
}

/**
 * With a cached view (`checkParams`), runs the check; it answers alone when the view is current for this
 * reader (`hit`), the session is stale, or the thread or group is missing. Otherwise reads the rows, as
 * the viewer the check settled when there was one.
 */
async function checkOrRead<T extends ViewerOut & { groupId: string | null; hit: boolean | null }>(
  database: Database,
  which: keyof typeof statements,
  reader: Reader,
  checkParams: unknown[] | null,
  rowsParams: unknown[],
) {
  const checked = checkParams ? await run<T>(database, which, 'check', reader, checkParams) : null;
  if (checked && (checked.row.hit || checked.stale || checked.row.groupId === null)) return checked;
  return run<T>(database, which, 'rows', checked ? checked.viewer : reader, rowsParams);
}

type PageRow = ViewerOut &
  Nullable<ThreadPageHead & CacheOut> & {
    posts?: Json<PostView>[];
    own?: { id: string; b: string }[] | null;
    reacted?: { p: string; k: ReactionKind }[] | null;
  };

/**
 * The thread (null when it does not exist) with one page of posts; or, when `cached` is current for this
 * reader (`hit`), the reader's marks on it instead of the posts.
 */
export async function readThreadPage(
  database: Database,
  reader: Reader,
  threadId: string,
  cursor: string | null,
  limit: number,
  cached: CachedPageCheck | null = null,
) {
  const { row, viewer, stale } = await checkOrRead<PageRow>(
    database,
    'page',
    reader,
    cached && [threadId, cached.version, cached.reacted, cached.from, cached.to],
    [threadId, cursor, limit],
  );
  const head = row.groupId === null ? null : (row as unknown as ThreadPageHead & CacheOut);
  // Timestamps become Dates in place: a page is large enough for copies to show.
  const posts = (row.posts ?? null) as unknown as PostView[] | null;
  for (const [i, p] of (row.posts ?? []).entries()) {
    const post = posts![i]!;
    post.createdAt = date(p.createdAt);
    post.editedAt = maybeDate(p.editedAt);
    post.deletedAt = maybeDate(p.deletedAt);
  }
  const reacted = new Map<string, Set<ReactionKind>>();
  for (const { p, k } of row.reacted ?? []) reacted.set(p, (reacted.get(p) ?? new Set()).add(k));
  const own = new Map((row.own ?? []).map(({ id, b }) => [id, b]));
  return { head, posts, own, reacted, viewer, stale };
}

export type ThreadListHead = HeadOut;

type ListRow = ViewerOut &
  Nullable<HeadOut & CacheOut> & {
    threads?: Json<ThreadView>[];
    own?: string[] | null;
    reads?: { t: string; r: string }[] | null;
  };

/** The group (null when it does not exist) with one page of thread summaries, or the reader's marks on `cached`. */
export async function readThreadList(
  database: Database,
  reader: Reader,
  slug: string,
  cursor: string | null,
  limit: number,
  cached: CachedListCheck | null = null,
) {
  const { row, viewer, stale } = await checkOrRead<ListRow>(
    database,
    'list',
    reader,
    cached && [slug, cached.version, cached.ids],
    [slug, cursor, limit],
  );
  const head = row.groupId === null ? null : (row as unknown as HeadOut & CacheOut);
  const threads = (row.threads ?? null) as unknown as ThreadView[] | null;
  for (const [i, t] of (row.threads ?? []).entries()) {
    const thread = threads![i]!;
    thread.createdAt = date(t.createdAt);
    thread.lastActivityAt = date(t.lastActivityAt);
    thread.deletedAt = maybeDate(t.deletedAt);
    thread.readAt = maybeDate(t.readAt);
  }
  const own = new Set(row.own ?? []);
  const readAt = new Map((row.reads ?? []).map(({ t, r }) => [t, date(r)]));
  return { head, threads, own, readAt, viewer, stale };
}

type Nullable<T> = { [K in keyof T]: T[K] | null };
