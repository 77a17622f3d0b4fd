import { sql } from 'drizzle-orm';
import {
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
import { groups } from './forum.ts';

export const chatRoomKindEnum = pgEnum('chat_room_kind', ['group', 'session']);
export const chatMessageStatusEnum = pgEnum('chat_message_status', ['visible', 'held', 'removed']);

/**
 * A live room. Every group has one standing room (kind 'group'); facilitated sessions are rooms of
 * their own with a title and a time window. Access always equals the group's.
 */
export const chatRooms = pgTable(
  'chat_rooms',
  {
    /** Random, never sequential. */
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    kind: chatRoomKindEnum('kind').notNull(),
    title: text('title'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** The last sequence handed out; bumped inside the sending transaction, so it never repeats. */
    lastSeq: integer('last_seq').notNull().default(0),
    slowModeSeconds: integer('slow_mode_seconds').notNull().default(0),
    closed: boolean('closed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One standing room per group.
    uniqueIndex('chat_rooms_group_standing_idx').on(t.groupId).where(sql`${t.kind} = 'group'`),
    index('chat_rooms_group_idx').on(t.groupId, t.startsAt),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => chatRooms.id, { onDelete: 'cascade' }),
    /** Null while held: a sequence is handed out only when a message becomes visible. */
    seq: integer('seq'),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientMsgId: text('client_msg_id').notNull(),
    /** The name shown, fixed at send time so a later choice never relabels old messages. */
    alias: text('alias').notNull(),
    body: text('body').notNull(),
    status: chatMessageStatusEnum('status').notNull().default('visible'),
    /** Classifier labels at send time (held and crisis paths), for the review queue. */
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('chat_messages_room_seq_idx').on(t.roomId, t.seq),
    // Idempotent sends: one message per client id per author per room.
    uniqueIndex('chat_messages_client_id_idx').on(t.roomId, t.authorId, t.clientMsgId),
    index('chat_messages_author_idx').on(t.roomId, t.authorId, t.createdAt),
  ],
);

/** A member's per-room choices. */
export const chatMembers = pgTable(
  'chat_members',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => chatRooms.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The member's pseudonym in this room, claimed on first join so no two members share one. */
    alias: text('alias'),
    showUsername: boolean('show_username').notNull().default(false),
    mutedUntil: timestamp('muted_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] }), uniqueIndex('chat_members_alias_idx').on(t.roomId, t.alias)],
);

export const chatFacilitators = pgTable(
  'chat_facilitators',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => chatRooms.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] })],
);
