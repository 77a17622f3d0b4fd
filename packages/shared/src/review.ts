import { z } from 'zod';
import { crisisResourceSchema } from './chat.ts';
import { reportReasonSchema } from './forum.ts';
import { flagSchema, labelSchema } from './moderation.ts';

/**
 * The moderation tooling's contract: the nudge (check), per-group policy, the review queue and its
 * actions, sanctions, the audit log, members' notices and appeals, and stats. Authors appear to
 * moderators only as an opaque moderation handle: no response here carries a username or account id
 * of the person being moderated.
 */

export const POLICY_ACTIONS = ['hold', 'publish'] as const;
export const policyActionSchema = z.enum(POLICY_ACTIONS);
export type PolicyAction = z.infer<typeof policyActionSchema>;

export const TARGET_TYPES = ['post', 'chat_message'] as const;
export const targetTypeSchema = z.enum(TARGET_TYPES);
export type TargetType = z.infer<typeof targetTypeSchema>;

export const FLAG_SOURCES = ['classifier', 'report', 'appeal'] as const;
export const flagSourceSchema = z.enum(FLAG_SOURCES);
export type FlagSource = z.infer<typeof flagSourceSchema>;

export const FLAG_STATUSES = ['open', 'resolved'] as const;
export const flagStatusSchema = z.enum(FLAG_STATUSES);

/** What a moderator can do with a queue item. `uphold`/`overturn` are for appeals only. */
export const REVIEW_ACTIONS = [
  'approve',
  'remove',
  'return',
  'warn',
  'mute',
  'suspend',
  'ban',
  'group_ban',
  'dismiss',
  'uphold',
  'overturn',
] as const;
export const reviewActionSchema = z.enum(REVIEW_ACTIONS);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

export const SANCTION_KINDS = ['warn', 'mute', 'suspend', 'ban', 'group_ban'] as const;
export const sanctionKindSchema = z.enum(SANCTION_KINDS);
export type SanctionKind = z.infer<typeof sanctionKindSchema>;

/** Queue priorities: higher first, then oldest first. */
export const PRIORITY = { crisis: 100, appeal: 50, report: 30, classifier: 10 } as const;

export const REVIEW_LIMITS = { checkTextMax: 10_000, reasonMax: 1_000, appealMax: 2_000, bulkMax: 50 } as const;

// ---- the nudge ----

export const checkRequestSchema = z.object({
  text: z.string().max(REVIEW_LIMITS.checkTextMax),
  /** Where the draft will go, so the answer follows that group's policy. */
  context: z
    .object({ kind: z.enum(['thread', 'reply', 'chat']).optional(), groupId: z.string().max(100).optional() })
    .optional(),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;

export const crisisPanelSchema = z.object({ message: z.string(), resources: z.array(crisisResourceSchema) });
export type CrisisPanel = z.infer<typeof crisisPanelSchema>;

export const checkResponseSchema = z.object({
  labels: z.array(labelSchema),
  /** Each flagged phrase (character span into `text`) with its label and a plain reason. */
  flags: z.array(flagSchema),
  /** What posting it would do under the group's policy. */
  outcome: policyActionSchema,
  /** Labels that would hold it for review. */
  holdLabels: z.array(labelSchema),
  /** A kind sentence for the composer, or null when nothing was found. */
  message: z.string().nullable(),
  crisis: crisisPanelSchema.nullable(),
});
export type CheckResponse = z.infer<typeof checkResponseSchema>;

// ---- what the author sees about their own held or flagged content ----

export const outcomeQuerySchema = z.object({ targetType: targetTypeSchema, targetId: z.string().max(100) });
export const outcomeResponseSchema = z.object({
  status: z.enum(['published', 'held', 'removed']),
  labels: z.array(labelSchema),
  flags: z.array(flagSchema),
  /** "Your reply is waiting for a moderator. Here is why: …" and what happens next; null when nothing applies. */
  message: z.string().nullable(),
  crisis: crisisPanelSchema.nullable(),
});
export type OutcomeResponse = z.infer<typeof outcomeResponseSchema>;

// ---- policy ----

export const policyRuleSchema = z.object({ label: labelSchema, action: policyActionSchema });
export const policyResponseSchema = z.object({
  groupId: z.string(),
  rules: z.array(policyRuleSchema),
  /** The crisis panel this deployment shows (configured, not per group). */
  crisis: crisisPanelSchema,
});
export type PolicyResponse = z.infer<typeof policyResponseSchema>;
export const policyUpdateSchema = z.object({ rules: z.array(policyRuleSchema).min(1).max(6) });
export const groupIdParamsSchema = z.object({ groupId: z.string().max(100) });

// ---- the queue ----

export const queueQuerySchema = z.object({
  label: labelSchema.optional(),
  groupId: z.string().max(100).optional(),
  source: flagSourceSchema.optional(),
  status: flagStatusSchema.default('open'),
  /** A moderator's username, `me`, or `none` for unclaimed items. */
  claimedBy: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type QueueQuery = z.input<typeof queueQuerySchema>;

export const contextPostSchema = z.object({
  id: z.string(),
  /** The public author line: a pseudonym, a username for named posts, or "deleted". */
  author: z.string(),
  text: z.string(),
  status: z.string(),
  at: z.string(),
  /** The item itself, among its neighbours. */
  isTarget: z.boolean(),
});

export const sanctionSchema = z.object({
  id: z.string(),
  kind: sanctionKindSchema,
  reason: z.string().nullable(),
  until: z.string().nullable(),
  groupId: z.string().nullable(),
  at: z.string(),
});
export type Sanction = z.infer<typeof sanctionSchema>;

export const priorFlagSchema = z.object({
  id: z.string(),
  labels: z.array(labelSchema),
  source: flagSourceSchema,
  decision: z.string().nullable(),
  at: z.string(),
});

export const queueItemSchema = z.object({
  id: z.string(),
  source: flagSourceSchema,
  status: flagStatusSchema,
  priority: z.number().int(),
  labels: z.array(labelSchema),
  /** Character spans into `target.text`, each with its reason. */
  flags: z.array(flagSchema),
  createdAt: z.string(),
  claimedBy: z.string().nullable(),
  decision: z.string().nullable(),
  decidedAt: z.string().nullable(),
  target: z.object({
    type: targetTypeSchema,
    id: z.string(),
    status: z.string(),
    /** The text as written (title and body for an opening post). */
    text: z.string(),
    groupId: z.string(),
    groupName: z.string(),
    /** Thread id or chat room id, for links. */
    containerId: z.string(),
    containerTitle: z.string().nullable(),
    anonymous: z.boolean(),
  }),
  /** Opaque, stable per account, never derived from anything public: moderators act on this, not a name. */
  authorHandle: z.string(),
  report: z.object({ reason: reportReasonSchema, note: z.string().nullable() }).nullable(),
  appeal: z
    .object({
      message: z.string(),
      /** The decision being appealed. */
      decision: z.string(),
      decisionReason: z.string().nullable(),
    })
    .nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueResponseSchema = z.object({ items: z.array(queueItemSchema) });
export const queueItemDetailSchema = z.object({
  item: queueItemSchema,
  context: z.array(contextPostSchema),
  history: z.object({ flags: z.array(priorFlagSchema), sanctions: z.array(sanctionSchema) }),
});
export type QueueItemDetail = z.infer<typeof queueItemDetailSchema>;
export const itemParamsSchema = z.object({ id: z.string().max(100) });

export const actionRequestSchema = z.object({
  action: reviewActionSchema,
  /** Shown to the author for remove and sanctions; required for remove, warn, mute, suspend, ban, group_ban. */
  reason: z.string().trim().max(REVIEW_LIMITS.reasonMax).optional(),
  /** For return: what to change. */
  note: z.string().trim().max(REVIEW_LIMITS.reasonMax).optional(),
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
  days: z.number().int().min(1).max(365).optional(),
  /** With a sanction: also remove the content. */
  removeContent: z.boolean().optional(),
});
export type ActionRequest = z.infer<typeof actionRequestSchema>;
export const actionResponseSchema = z.object({ item: queueItemSchema });

export const bulkActionRequestSchema = actionRequestSchema.extend({
  ids: z.array(z.string().max(100)).min(1).max(REVIEW_LIMITS.bulkMax),
});
export const bulkActionResponseSchema = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), code: z.string().nullable() })),
});

export const claimResponseSchema = z.object({ claimedBy: z.string().nullable() });

/** Live queue events on `/api/mod/ws`. */
export const modQueueEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item'), id: z.string(), priority: z.number().int(), labels: z.array(labelSchema) }),
  z.object({ type: z.literal('claimed'), id: z.string(), claimedBy: z.string().nullable() }),
  z.object({ type: z.literal('resolved'), id: z.string() }),
]);
export type ModQueueEvent = z.infer<typeof modQueueEventSchema>;

// ---- audit ----

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  /** A moderator's username. */
  actor: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  /** An entry id: entries older than it. */
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditEntrySchema = z.object({
  id: z.string(),
  /** The moderator or admin's username (staff act under their names). */
  actor: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  /** For accounts, the moderation handle. */
  target: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema), nextBefore: z.string().nullable() });

// ---- members: notices and appeals ----

export const NOTICE_KINDS = [
  'held',
  'approved',
  'removed',
  'returned',
  'warned',
  'muted',
  'suspended',
  'banned',
  'group_banned',
  'appeal_upheld',
  'appeal_overturned',
] as const;
export const noticeKindSchema = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

export const noticeSchema = z.object({
  id: z.string(),
  kind: noticeKindSchema,
  /** Kind, plain words for the member. */
  message: z.string(),
  /** The moderator's reason or note, when there is one. */
  reason: z.string().nullable(),
  target: z.object({ type: targetTypeSchema, id: z.string() }).nullable(),
  until: z.string().nullable(),
  at: z.string(),
  canAppeal: z.boolean(),
  appeal: z.object({ status: z.enum(['pending', 'upheld', 'overturned']), at: z.string() }).nullable(),
});
export type Notice = z.infer<typeof noticeSchema>;
export const noticesResponseSchema = z.object({ notices: z.array(noticeSchema) });
export const appealRequestSchema = z.object({ message: z.string().trim().min(3).max(REVIEW_LIMITS.appealMax) });
export const noticeResponseSchema = z.object({ notice: noticeSchema });

// ---- stats ----

export const statsResponseSchema = z.object({
  /** 30 days, oldest first, each with a count per label (zeros included). */
  days: z.array(z.object({ date: z.string(), counts: z.record(labelSchema, z.number().int()) })),
  medianDecisionSeconds: z.number().nullable(),
  /** Approved share of decided classifier/report flags per label: high means the classifier over-flags it. */
  approvalRate: z.array(
    z.object({
      label: labelSchema,
      decided: z.number().int(),
      approved: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;
