import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { groups } from './forum.ts';

// The moderation tooling. Actions are recorded in the forum's append-only `audit_log`.

export const policyActionEnum = pgEnum('policy_action', ['hold', 'publish']);
export const flagSourceEnum = pgEnum('flag_source', ['classifier', 'report', 'appeal']);
export const flagStatusEnum = pgEnum('flag_status', ['open', 'resolved']);
export const sanctionKindEnum = pgEnum('sanction_kind', ['warn', 'mute', 'suspend', 'ban', 'group_ban']);

/** Per-group overrides of the default policy; a label without a row follows the default. */
export const moderationPolicies = pgTable(
  'moderation_policies',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    action: policyActionEnum('action').notNull(),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.label] })],
);

/**
 * One table, one queue: classifier hits, member reports and appeals. The target is a forum post or a
 * chat message (no foreign key: two kinds of target).
 */
export const moderationFlags = pgTable(
  'moderation_flags',
  {
    id: text('id').primaryKey(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    source: flagSourceEnum('source').notNull(),
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    /** Flag[]: label, character span and reason. */
    spans: jsonb('spans').notNull().default(sql`'[]'::jsonb`),
    priority: integer('priority').notNull(),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reportReason: text('report_reason'),
    reportNote: text('report_note'),
    /** Appeals: the notice appealed and the member's message. */
    noticeId: text('notice_id'),
    appealMessage: text('appeal_message'),
    status: flagStatusEnum('status').notNull().default('open'),
    claimedBy: text('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    decision: text('decision'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('moderation_flags_queue_idx').on(t.status, t.priority.desc(), t.createdAt),
    index('moderation_flags_target_idx').on(t.targetType, t.targetId),
    index('moderation_flags_author_idx').on(t.authorId, t.createdAt.desc()),
  ],
);

export const sanctions = pgTable(
  'sanctions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: sanctionKindEnum('kind').notNull(),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    until: timestamp('until', { withTimezone: true }),
    flagId: text('flag_id'),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set when an appeal overturns it. */
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sanctions_user_idx').on(t.userId, t.createdAt.desc())],
);

/** What members see about moderation of their own content and account. */
export const moderationNotices = pgTable(
  'moderation_notices',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    reason: text('reason'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    until: timestamp('until', { withTimezone: true }),
    /** The decision this notice reports: the flag decided, who decided it, the sanction it made. */
    flagId: text('flag_id'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    sanctionId: text('sanction_id'),
    appealFlagId: text('appeal_flag_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('moderation_notices_user_idx').on(t.userId, t.createdAt.desc())],
);
