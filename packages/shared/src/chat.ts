import { z } from 'zod';
import { errorCodeSchema } from './errors.ts';
import { labelSchema } from './moderation.ts';

/**
 * The live chat protocol: every websocket event in both directions and every chat REST payload.
 * The server validates what clients send with these schemas, and clients parse what the server sends.
 * See apps/api/src/chat/PROTOCOL.md for the flow.
 */

export const CHAT_MESSAGE_MAX = 2000;
/** Frames above this many bytes get an error event (the connection stays open). */
export const CHAT_FRAME_MAX_BYTES = 16 * 1024;
/** At most this many messages are replayed on join; older missed ones are paged over REST. */
export const CHAT_CATCH_UP_MAX = 200;
/** How many recent messages a join without a last seen sequence returns. */
export const CHAT_HISTORY_ON_JOIN = 50;
export const CHAT_PAGE_MAX = 100;

export const roomIdSchema = z.string().min(1).max(64);
export const seqSchema = z.number().int().nonnegative();
/** Chosen by the client (a UUID is fine); the same id resent never creates a second message. */
export const clientMessageIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, dashes or underscores.');
export const chatBodySchema = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(CHAT_MESSAGE_MAX, `Keep a message to ${CHAT_MESSAGE_MAX} characters.`);

// ---- client → server ----

export const chatJoinSchema = z.object({
  type: z.literal('join'),
  room: roomIdSchema,
  /** The highest sequence this client has seen in the room; omit on a first visit. */
  lastSeq: seqSchema.optional(),
  /** Show your username in this room instead of the room alias (remembered per room). */
  showUsername: z.boolean().optional(),
});
export const chatLeaveSchema = z.object({ type: z.literal('leave'), room: roomIdSchema });
export const chatSendSchema = z.object({
  type: z.literal('send'),
  room: roomIdSchema,
  clientMsgId: clientMessageIdSchema,
  body: chatBodySchema,
});
export const chatTypingSchema = z.object({ type: z.literal('typing'), room: roomIdSchema });

export const chatClientEventSchema = z.discriminatedUnion('type', [
  chatJoinSchema,
  chatLeaveSchema,
  chatSendSchema,
  chatTypingSchema,
]);
export type ChatClientEvent = z.infer<typeof chatClientEventSchema>;
export const CHAT_CLIENT_EVENT_TYPES = ['join', 'leave', 'send', 'typing'] as const;

// ---- server → client ----

export const chatMessageSchema = z.object({
  room: roomIdSchema,
  seq: seqSchema,
  id: z.string(),
  /** The per-room anonymous alias, or the username when its author chose to show it. */
  alias: z.string(),
  body: z.string(),
  /** ISO time, to the minute: finer timestamps help nobody and could link accounts. */
  at: z.string(),
  /** Present (true) only in history sent to the author. */
  mine: z.boolean().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const ROOM_STATES = ['open', 'scheduled', 'ended', 'closed'] as const;
export const roomStateSchema = z.enum(ROOM_STATES);
export type RoomState = z.infer<typeof roomStateSchema>;

export const chatRoomInfoSchema = z.object({
  id: roomIdSchema,
  groupId: z.string(),
  kind: z.enum(['group', 'session']),
  /** The session's title, or null for a group's standing room. */
  title: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  /** open: anyone with access may write; scheduled: not started; ended: read-only; closed by a moderator. */
  state: roomStateSchema,
  slowModeSeconds: z.number().int().nonnegative(),
  latestSeq: seqSchema,
});
export type ChatRoomInfo = z.infer<typeof chatRoomInfoSchema>;

export const chatJoinedSchema = z.object({
  type: z.literal('joined'),
  room: chatRoomInfoSchema,
  /** How you appear in this room. */
  you: z.object({ alias: z.string(), showUsername: z.boolean(), moderator: z.boolean() }),
  /** Missed messages in order (or the latest history on a first visit). */
  messages: z.array(chatMessageSchema),
  /** More was missed than fits: page `GET /api/chat/rooms/:id/messages?after=afterSeq` up to beforeSeq. */
  gap: z.object({ afterSeq: seqSchema, beforeSeq: seqSchema }).nullable(),
  /** Sequences removed by moderators among recent messages: drop them if you still show them. */
  removed: z.array(seqSchema),
});
export const chatMessageEventSchema = chatMessageSchema.extend({ type: z.literal('message') });
export const chatAckSchema = z.object({
  type: z.literal('ack'),
  room: roomIdSchema,
  clientMsgId: clientMessageIdSchema,
  seq: seqSchema,
  id: z.string(),
});
export const chatHeldReasonSchema = z.object({
  label: labelSchema,
  reason: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export const chatHeldSchema = z.object({
  type: z.literal('held'),
  room: roomIdSchema,
  clientMsgId: clientMessageIdSchema,
  labels: z.array(labelSchema),
  reasons: z.array(chatHeldReasonSchema),
});
export const crisisResourceSchema = z.object({ name: z.string(), contact: z.string(), note: z.string() });
export const chatCrisisSchema = z.object({
  type: z.literal('crisis'),
  room: roomIdSchema,
  clientMsgId: clientMessageIdSchema,
  message: z.string(),
  resources: z.array(crisisResourceSchema),
});
/** To moderators only: a message in a room they may moderate needs care now. */
export const chatModAlertSchema = z.object({
  type: z.literal('mod_alert'),
  room: roomIdSchema,
  seq: seqSchema,
  labels: z.array(labelSchema),
});
export const chatRemovedSchema = z.object({ type: z.literal('removed'), room: roomIdSchema, seq: seqSchema });
/** Their author deleted her account: show these messages with this alias and body from now on. */
export const chatAnonymizedSchema = z.object({
  type: z.literal('anonymized'),
  room: roomIdSchema,
  seqs: z.array(seqSchema),
  alias: z.string(),
  body: z.string(),
});
export const chatPresenceSchema = z.object({
  type: z.literal('presence'),
  room: roomIdSchema,
  count: z.number().int().nonnegative(),
});
export const chatTypingEventSchema = z.object({ type: z.literal('typing'), room: roomIdSchema, alias: z.string() });
export const chatRoomEventSchema = z.object({ type: z.literal('room'), room: chatRoomInfoSchema });
/** You are no longer in the room (access ended); rejoining will be refused. */
export const chatLeftSchema = z.object({ type: z.literal('left'), room: roomIdSchema });
export const chatErrorSchema = z.object({
  type: z.literal('error'),
  code: errorCodeSchema,
  message: z.string(),
  room: roomIdSchema.optional(),
  clientMsgId: z.string().optional(),
  /** For mutes and slow mode: when sending is possible again (ISO). */
  retryAt: z.string().optional(),
});

export const chatServerEventSchema = z.discriminatedUnion('type', [
  chatJoinedSchema,
  chatMessageEventSchema,
  chatAckSchema,
  chatHeldSchema,
  chatCrisisSchema,
  chatModAlertSchema,
  chatRemovedSchema,
  chatAnonymizedSchema,
  chatPresenceSchema,
  chatTypingEventSchema,
  chatRoomEventSchema,
  chatLeftSchema,
  chatErrorSchema,
]);
export type ChatServerEvent = z.infer<typeof chatServerEventSchema>;

/** Websocket close codes the server uses (4000–4999 are application codes). */
export const CHAT_CLOSE = {
  /** Signed out, session ended, suspended or banned: do not reconnect until signed in again. */
  SESSION_ENDED: 4401,
  TOO_MANY_SOCKETS: 4429,
} as const;

// ---- REST ----

export const chatRoomParamsSchema = z.object({ roomId: roomIdSchema });
export const chatGroupParamsSchema = z.object({ groupId: z.string().min(1).max(64) });
export const chatRoomResponseSchema = z.object({ room: chatRoomInfoSchema });

export const chatHistoryQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(CHAT_PAGE_MAX).default(50),
});
export const chatHistoryResponseSchema = z.object({
  messages: z.array(chatMessageSchema),
  /** True when more messages exist in the requested direction. */
  more: z.boolean(),
});

export const chatMessageParamsSchema = z.object({ roomId: roomIdSchema, seq: z.coerce.number().int().positive() });
export const chatMuteRequestSchema = z.object({
  /** Mute the author of this message: moderators act on messages, never on usernames. */
  seq: z.number().int().positive(),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});
export const chatMuteResponseSchema = z.object({ until: z.string() });
export const chatRoomUpdateSchema = z
  .object({ slowModeSeconds: z.number().int().min(0).max(3600), closed: z.boolean() })
  .partial()
  .refine((v) => v.slowModeSeconds !== undefined || v.closed !== undefined, 'Change at least one setting.');

export const chatSessionCreateSchema = z
  .object({
    groupId: z.string().min(1).max(64),
    title: z.string().trim().min(3, 'Use at least 3 characters.').max(120, 'Use at most 120 characters.'),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    /** Usernames of the members who facilitate (they may moderate this session's room). */
    facilitators: z.array(z.string().trim().min(1).max(64)).max(10).default([]),
  })
  .refine((v) => Date.parse(v.endsAt) > Date.parse(v.startsAt), { message: 'End after the start.', path: ['endsAt'] });
export const chatSessionUpdateSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    facilitators: z.array(z.string().trim().min(1).max(64)).max(10),
  })
  .partial();
export const chatSessionListResponseSchema = z.object({ sessions: z.array(chatRoomInfoSchema) });
