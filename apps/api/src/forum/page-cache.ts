import { type Post, postSchema, type ReactionKind, type ThreadSummary, threadSummarySchema } from '@bedrock/shared';
import type { CachedListCheck, CachedPageCheck } from './pages.ts';
import { type PostView, presentPost, presentThread, type ThreadView } from './present.ts';

/**
 * A per-instance cache of the two hottest reads, the thread page and the thread list, as every reader
 * sees them before their own marks: published posts (or threads) only, no "you", no "you reacted", no
 * unread marker. Each entry carries the version its rows were read at (`threads.page_version`,
 * `groups.list_version`, moved by database triggers on every write that changes what they show, see
 * migrations/0008). The page's one statement (pages.ts) compares the cached version with the current one
 * and reads the rows again only when they differ, so an entry is never served stale, whichever instance
 * wrote. Readers who see more than the shared view (moderators; the author of a held or removed post)
 * never touch it.
 *
 * What is cached passed the zod allowlist when it was stored and is kept already serialized; a request
 * adds the reader's marks (`isMine`, the edit source, `mine` on reactions, `isNew` / `unread`) on top.
 * Nothing in an entry belongs to one reader: anonymous posts carry their pseudonym only, as for everyone.
 */

/** A least-recently-used map bounded by entries and by the characters it holds. */
export class VersionedCache<T extends { version: number; size: number }> {
  private readonly entries = new Map<string, T>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  /** The entry for `key`, whatever its version (the statement decides whether it is current). */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Stores `entry` unless an entry of a later version is already there (a slower concurrent read). */
  set(key: string, entry: T): void {
    const current = this.entries.get(key);
    if (current && current.version > entry.version) return;
    if (current) this.remove(key, current);
    if (entry.size > this.maxChars) return;
    this.entries.set(key, entry);
    this.chars += entry.size;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.remove(oldest, old);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string, entry: T): void {
    this.entries.delete(key);
    this.chars -= entry.size;
  }
}

/** One shared item, serialized twice: without and with the reader's "new since you last read" marker. */
interface Shared<V> {
  id: string;
  value: V;
  json: readonly [string, string];
  /** When the item counts as new for a reader who read the thread (or group) at some time. */
  at: Date;
  /**
   * The item as serialized with other marks (the author's own post, a reader's reactions), by those
   * marks: the same few readers come back to the same page. At most MAX_MARKED.
   */
  marked?: Map<string, string>;
}

export interface CachedPage {
  version: number;
  size: number;
  posts: Shared<Post>[];
  nextCursor: string | null;
  /** For the check statement: posts with any reaction, and the span of the posts' times. */
  check: CachedPageCheck;
}

export interface CachedList {
  version: number;
  size: number;
  threads: Shared<ThreadSummary>[];
  nextCursor: string | null;
  /** For the check statement: the version and the threads listed. */
  check: CachedListCheck;
}

function shared<V extends object>(id: string, at: Date, value: V, flag: keyof V): Shared<V> {
  return { id, at, value, json: [JSON.stringify(value), JSON.stringify({ ...value, [flag]: true })] };
}

const sizeOf = (items: Shared<unknown>[]) =>
  items.reduce((n, item) => n + item.json[0].length + item.json[1].length, 0);

/** The shared view of a page of posts, read by a reader who sees only published posts. */
export function cachePage(version: number, rows: PostView[], nextCursor: string | null): CachedPage {
  const posts = rows.map((row) => {
    const neutral = {
      ...row,
      isMine: false,
      body: '',
      reactions: row.reactions?.map((r) => ({ ...r, m: false })) ?? null,
    };
    return shared(row.id, row.createdAt, postSchema.parse(presentPost(neutral, null, false)), 'isNew');
  });
  const times = rows.map((row) => row.createdAt.getTime());
  const check = {
    version,
    reacted: posts.filter((p) => p.value.reactions.some((r) => r.count > 0)).map((p) => p.id),
    // Dates hold milliseconds, PostgreSQL microseconds: the last post may be up to 1 ms later.
    from: times.length ? new Date(Math.min(...times)) : null,
    to: times.length ? new Date(Math.max(...times) + 1) : null,
  };
  return { version, size: sizeOf(posts), posts, nextCursor, check };
}

/** The shared view of a page of thread summaries, read by a reader who sees only published openings. */
export function cacheList(version: number, rows: ThreadView[], slug: string, nextCursor: string | null): CachedList {
  const threads = rows.map((row) =>
    shared(
      row.id,
      row.lastActivityAt,
      threadSummarySchema.parse(presentThread({ ...row, isMine: false }, slug, false)),
      'unread',
    ),
  );
  return { version, size: sizeOf(threads), threads, nextCursor, check: { version, ids: threads.map((t) => t.id) } };
}

/** Serialized variants kept per post, so an entry stays within a small multiple of its counted size. */
const MAX_MARKED = 4;

/** The reader's own marks on a cached page. */
export interface PageMarks {
  signedIn: boolean;
  readAt: Date | null;
  /** The reader's own posts on the page, with their markdown source. */
  own: Map<string, string>;
  /** The kinds the reader reacted with, by post. */
  reacted: Map<string, Set<ReactionKind>>;
}

/** The page's `posts` array as JSON, with the reader's marks. */
export function cachedPostsJson(page: CachedPage, marks: PageMarks): string {
  const parts = page.posts.map((item) => {
    const { id, at, value, json } = item;
    const source = marks.own.get(id);
    const isMine = source !== undefined;
    const isNew = marks.signedIn && !isMine && (marks.readAt === null || at > marks.readAt);
    const kinds = marks.reacted.get(id);
    if (!isMine && !kinds) return json[isNew ? 1 : 0];
    // Only the post's author has it as their own, and its source is fixed at this version.
    const key = `${isMine ? 'm' : ''}${isNew ? 'n' : ''}:${kinds ? [...kinds].sort().join(',') : ''}`;
    item.marked ??= new Map();
    let text = item.marked.get(key);
    if (text === undefined) {
      const post: Post = {
        ...value,
        isMine,
        bodySource: isMine && !value.deleted ? source : null,
        isNew,
        reactions: kinds ? value.reactions.map((r) => (kinds.has(r.kind) ? { ...r, mine: true } : r)) : value.reactions,
      };
      text = JSON.stringify(post);
      if (item.marked.size < MAX_MARKED) item.marked.set(key, text);
    }
    return text;
  });
  return `[${parts.join(',')}]`;
}

/** The reader's own marks on a cached list. */
export interface ListMarks {
  signedIn: boolean;
  /** Threads the reader opened. */
  own: Set<string>;
  /** When the reader last read each thread. */
  readAt: Map<string, Date>;
}

/** The list's `threads` array as JSON, with the reader's marks. */
export function cachedThreadsJson(list: CachedList, marks: ListMarks): string {
  const parts = list.threads.map(({ id, at, value, json }) => {
    const readAt = marks.readAt.get(id);
    const unread = marks.signedIn && (readAt === undefined || at > readAt);
    if (!marks.own.has(id)) return json[unread ? 1 : 0];
    return JSON.stringify({ ...value, isMine: true, unread } satisfies ThreadSummary);
  });
  return `[${parts.join(',')}]`;
}
