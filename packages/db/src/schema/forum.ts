import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

// Every id here is random (see apps/api/src/forum/ids.ts), never sequential.

export const groupKindEnum = pgEnum('group_kind', ['open', 'partners_only']);
export const postStatusEnum = pgEnum('post_status', ['published', 'held', 'removed']);
export const contentWarningEnum = pgEnum('content_warning', [
  'affair_details',
  'discovery',
  'pornography',
  'sexual_health',
  'self_harm',
  'violence',
]);
export const reactionKindEnum = pgEnum('reaction_kind', ['hug', 'me_too', 'thank_you', 'strength']);
export const reportReasonEnum = pgEnum('report_reason', [
  'blame_shifting',
  'codependency_label',
  'minimizing',
  'invalidating',
  'identifying_info',
  'crisis',
  'spam',
  'other',
]);
export const verificationStatusEnum = pgEnum('verification_status', ['pending', 'approved', 'declined', 'revoked']);

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const userRef = (name: string) =>
  text(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const groups = pgTable('groups', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  kind: groupKindEnum('kind').notNull(),
  rules: text('rules').notNull().default(''),
  rulesHtml: text('rules_html').notNull().default(''),
  isDemo: boolean('is_demo').notNull().default(false),
  /**
   * Moves (by trigger, migrations/0007) whenever anything a thread list of this group shows changes: a
   * thread's title, counts or activity, or an opening post. Caches of the list are keyed by it.
   */
  listVersion: bigint('list_version', { mode: 'number' }).notNull().default(0),
  createdAt: created(),
});

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_idx').on(t.userId)],
);

export const groupBans = pgTable(
  'group_bans',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    reason: text('reason'),
    bannedBy: text('banned_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] })],
);

/** One application per account; re-applying after a decline or revocation replaces it. */
export const partnerVerifications = pgTable('partner_verifications', {
  id: text('id').primaryKey(),
  userId: userRef('user_id').unique(),
  situation: text('situation').notNull(),
  foundVia: text('found_via').notNull(),
  agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull(),
  status: verificationStatusEnum('status').notNull().default('pending'),
  reason: text('reason'),
  decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
});

export const threads = pgTable(
  'threads',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Published replies only (deleted placeholders included), so held posts leave no trace. */
    replyCount: integer('reply_count').notNull().default(0),
    /** Moves with published posts only, for the same reason. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Moves (by trigger, migrations/0007) whenever anything its pages show changes: a post written,
     * edited, deleted or moderated, a reaction, an author's name. Caches of the page are keyed by it.
     */
    pageVersion: bigint('page_version', { mode: 'number' }).notNull().default(0),
    createdAt: created(),
  },
  (t) => [index('threads_group_activity_idx').on(t.groupId, t.lastActivityAt.desc(), t.id.desc())],
);

/** Every body is a post: the opening post of a thread and its replies. Status lives here only. */
export const posts = pgTable(
  'posts',
  {
    id: text('id').primaryKey(),
    threadId: text('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    isOpening: boolean('is_opening').notNull().default(false),
    anonymous: boolean('anonymous').notNull().default(false),
    /** Keyed-HMAC pseudonym fixed at first anonymous post in the thread; null for named posts. */
    pseudonym: text('pseudonym'),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    contentWarning: contentWarningEnum('content_warning'),
    contentWarningText: text('content_warning_text'),
    status: postStatusEnum('status').notNull().default('published'),
    isDemo: boolean('is_demo').notNull().default(false),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [
    index('posts_thread_created_idx').on(t.threadId, t.createdAt, t.id),
    // The thread page's order (opening post first, then by time): one ordered scan instead of a sort.
    index('posts_thread_page_idx').on(t.threadId, sql`(not ${t.isOpening})`, t.createdAt, t.id),
    uniqueIndex('posts_thread_opening_idx').on(t.threadId).where(sql`${t.isOpening}`),
    index('posts_author_created_idx').on(t.authorId, t.createdAt.desc()),
    index('posts_thread_pseudonym_idx').on(t.threadId, t.pseudonym),
    // A reader's held or removed posts, which no shared page cache may answer for (few per author).
    index('posts_unpublished_author_idx').on(t.authorId).where(sql`${t.status} <> 'published'`),
  ],
);

/** Earlier versions of an edited post, for moderators. */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: text('id').primaryKey(),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    title: text('title'),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_revisions_post_idx').on(t.postId)],
);

export const postReactions = pgTable(
  'post_reactions',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    kind: reactionKindEnum('kind').notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.kind] })],
);

export const postReports = pgTable(
  'post_reports',
  {
    id: text('id').primaryKey(),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    reporterId: userRef('reporter_id'),
    reason: reportReasonEnum('reason').notNull(),
    note: text('note'),
    createdAt: created(),
  },
  (t) => [index('post_reports_post_idx').on(t.postId)],
);

/** Where each reader has read up to in a thread, for unread markers. */
export const threadReads = pgTable(
  'thread_reads',
  {
    threadId: text('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

/** Append-only record of moderator and admin actions (who, what, on what, why, when). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    reason: text('reason'),
    createdAt: created(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt.desc())],
);
