import { z } from 'zod';

/**
 * The forum's contract: groups, partner verification, threads, posts, reactions and reports. Response
 * schemas are hand-written allowlists: an account id never appears in any of them, and an anonymous
 * post carries only its per-thread pseudonym.
 */

export const GROUP_KINDS = ['open', 'partners_only'] as const;
export const groupKindSchema = z.enum(GROUP_KINDS);
export type GroupKind = z.infer<typeof groupKindSchema>;

export const POST_STATUSES = ['published', 'held', 'removed'] as const;
export const postStatusSchema = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof postStatusSchema>;

export const CONTENT_WARNINGS = [
  'affair_details',
  'discovery',
  'pornography',
  'sexual_health',
  'self_harm',
  'violence',
] as const;
export const contentWarningCategorySchema = z.enum(CONTENT_WARNINGS);
export type ContentWarningCategory = z.infer<typeof contentWarningCategorySchema>;

export const REACTIONS = ['hug', 'me_too', 'thank_you', 'strength'] as const;
export const reactionKindSchema = z.enum(REACTIONS);
export type ReactionKind = z.infer<typeof reactionKindSchema>;

export const REPORT_REASONS = [
  'blame_shifting',
  'codependency_label',
  'minimizing',
  'invalidating',
  'identifying_info',
  'crisis',
  'spam',
  'other',
] as const;
export const reportReasonSchema = z.enum(REPORT_REASONS);
export type ReportReason = z.infer<typeof reportReasonSchema>;

export const VERIFICATION_STATUSES = ['none', 'pending', 'approved', 'declined', 'revoked'] as const;
export const verificationStatusSchema = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

export const LIMITS = {
  titleMin: 3,
  titleMax: 150,
  bodyMax: 10_000,
  contentWarningTextMax: 200,
  reportNoteMax: 1_000,
  situationMin: 20,
  situationMax: 2_000,
  foundViaMax: 500,
  reasonMin: 3,
  reasonMax: 1_000,
  groupNameMax: 80,
  groupDescriptionMax: 500,
  groupRulesMax: 5_000,
  pageDefault: 25,
  pageMax: 100,
  repliesPageDefault: 50,
} as const;

// ---------- requests ----------

const trimmed = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `Write your ${what} first.` : `Use at least ${min} characters for the ${what}.`)
    .max(max, `Keep the ${what} to ${max.toLocaleString('en')} characters or fewer.`);

export const contentWarningInputSchema = z.object({
  category: contentWarningCategorySchema,
  text: z.string().trim().max(LIMITS.contentWarningTextMax, 'Keep the warning short.').optional(),
});
export type ContentWarningInput = z.infer<typeof contentWarningInputSchema>;

export const createThreadRequestSchema = z.object({
  title: trimmed(LIMITS.titleMin, LIMITS.titleMax, 'title'),
  body: trimmed(1, LIMITS.bodyMax, 'post'),
  anonymous: z.boolean().default(false),
  contentWarning: contentWarningInputSchema.nullish(),
});
export type CreateThreadRequest = z.input<typeof createThreadRequestSchema>;

export const createReplyRequestSchema = z.object({
  body: trimmed(1, LIMITS.bodyMax, 'reply'),
  anonymous: z.boolean().default(false),
  contentWarning: contentWarningInputSchema.nullish(),
});
export type CreateReplyRequest = z.input<typeof createReplyRequestSchema>;

/** Editing keeps the old version for moderators. `title` applies to a thread's opening post only. */
export const editPostRequestSchema = z.object({
  body: trimmed(1, LIMITS.bodyMax, 'post'),
  title: trimmed(LIMITS.titleMin, LIMITS.titleMax, 'title').optional(),
  contentWarning: contentWarningInputSchema.nullish(),
});
export type EditPostRequest = z.input<typeof editPostRequestSchema>;

export const reactRequestSchema = z.object({ kind: reactionKindSchema });
export const reportRequestSchema = z.object({
  reason: reportReasonSchema,
  note: z.string().trim().max(LIMITS.reportNoteMax, 'Keep the note to 1,000 characters or fewer.').optional(),
});
export type ReportRequest = z.input<typeof reportRequestSchema>;

export const slugSchema = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(60, 'Use at most 60 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, numbers and single dashes.');

export const createGroupRequestSchema = z.object({
  slug: slugSchema,
  name: trimmed(2, LIMITS.groupNameMax, 'name'),
  description: trimmed(1, LIMITS.groupDescriptionMax, 'description'),
  kind: groupKindSchema,
  rules: z.string().trim().max(LIMITS.groupRulesMax, 'Keep the rules to 5,000 characters or fewer.').optional(),
});
export type CreateGroupRequest = z.input<typeof createGroupRequestSchema>;

export const memberActionRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  reason: trimmed(LIMITS.reasonMin, LIMITS.reasonMax, 'reason').optional(),
});

/** Nothing identifying is asked: the situation in the applicant's own words, how they found us, consent. */
export const verificationApplyRequestSchema = z.object({
  situation: trimmed(LIMITS.situationMin, LIMITS.situationMax, 'description of your situation'),
  foundVia: trimmed(1, LIMITS.foundViaMax, 'answer'),
  agreeToGuidelines: z.literal(true, 'Please agree to the community guidelines to apply.'),
});
export type VerificationApplyRequest = z.input<typeof verificationApplyRequestSchema>;

export const decisionRequestSchema = z.object({ reason: trimmed(LIMITS.reasonMin, LIMITS.reasonMax, 'reason') });

export const revealRequestSchema = z.object({
  postId: z.string().trim().min(1).max(64),
  reason: trimmed(20, LIMITS.reasonMax, 'reason'),
});

export const pageQuerySchema = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).optional(),
});

// ---------- responses ----------

export const groupSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  kind: groupKindSchema,
  isDemo: z.boolean(),
  /** What the signed-in reader may do; all false for visitors. */
  viewer: z.object({ joined: z.boolean(), canRead: z.boolean(), canPost: z.boolean() }),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

export const groupDetailSchema = groupSummarySchema.extend({ rulesHtml: z.string() });
export type GroupDetail = z.infer<typeof groupDetailSchema>;

export const directoryResponseSchema = z.object({ groups: z.array(groupSummarySchema) });
export const groupResponseSchema = z.object({ group: groupDetailSchema });
export const membershipResponseSchema = z.object({ joined: z.boolean() });

export const authorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), username: z.string() }),
  z.object({ kind: z.literal('anonymous'), pseudonym: z.string() }),
  /** The author deleted the post: no name, no pseudonym. */
  z.object({ kind: z.literal('deleted') }),
]);
export type Author = z.infer<typeof authorSchema>;

export const contentWarningSchema = z.object({ category: contentWarningCategorySchema, text: z.string().nullable() });

export const reactionCountSchema = z.object({ kind: reactionKindSchema, count: z.number().int(), mine: z.boolean() });

export const postSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  isOpening: z.boolean(),
  author: authorSchema,
  /** True only for the reader's own posts (anonymous ones included): the web shows "you". */
  isMine: z.boolean(),
  status: postStatusSchema,
  /** A kind sentence for the author of a held or removed post; null otherwise. */
  statusNote: z.string().nullable(),
  deleted: z.boolean(),
  /** Rendered once on the server from the markdown subset; safe to insert as HTML. */
  bodyHtml: z.string(),
  /** The markdown source, for the author's edit form only; null for everyone else. */
  bodySource: z.string().nullable(),
  contentWarning: contentWarningSchema.nullable(),
  /** Rounded down to the minute, for every post alike. */
  createdAt: z.string(),
  edited: z.boolean(),
  isNew: z.boolean(),
  reactions: z.array(reactionCountSchema),
});
export type Post = z.infer<typeof postSchema>;

export const threadSummarySchema = z.object({
  id: z.string(),
  groupSlug: z.string(),
  title: z.string(),
  author: authorSchema,
  isMine: z.boolean(),
  status: postStatusSchema,
  contentWarning: contentWarningSchema.nullable(),
  isDemo: z.boolean(),
  replyCount: z.number().int(),
  /** Rounded down to the minute. */
  createdAt: z.string(),
  lastActivityAt: z.string(),
  unread: z.boolean(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadListResponseSchema = z.object({
  threads: z.array(threadSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ThreadListResponse = z.infer<typeof threadListResponseSchema>;

export const threadPageResponseSchema = z.object({
  thread: threadSummarySchema,
  group: z.object({ slug: z.string(), name: z.string(), kind: groupKindSchema }),
  /** The opening post first (on the first page), then replies oldest first. */
  posts: z.array(postSchema),
  nextCursor: z.string().nullable(),
});
export type ThreadPageResponse = z.infer<typeof threadPageResponseSchema>;

export const postResponseSchema = z.object({ post: postSchema });
export const createThreadResponseSchema = z.object({ thread: threadSummarySchema, post: postSchema });
export const reactionsResponseSchema = z.object({ reactions: z.array(reactionCountSchema) });

export const revisionSchema = z.object({
  title: z.string().nullable(),
  bodyHtml: z.string(),
  /** When this version was replaced. */
  replacedAt: z.string(),
});
export const revisionsResponseSchema = z.object({ revisions: z.array(revisionSchema) });

export const myPostSchema = z.object({
  post: postSchema,
  thread: z.object({ id: z.string(), title: z.string() }),
  group: z.object({ slug: z.string(), name: z.string() }),
});
export const myPostsResponseSchema = z.object({ posts: z.array(myPostSchema), nextCursor: z.string().nullable() });

export const verificationSchema = z.object({
  status: verificationStatusSchema,
  /** The moderator's reason for a decline or revocation, shown to the applicant. */
  reason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type Verification = z.infer<typeof verificationSchema>;
export const verificationResponseSchema = z.object({ verification: verificationSchema });

/** What a moderator sees of an application: the answers, not the account. */
export const applicationSchema = z.object({
  id: z.string(),
  status: verificationStatusSchema,
  situation: z.string(),
  foundVia: z.string(),
  submittedAt: z.string(),
  reason: z.string().nullable(),
});
export const applicationListResponseSchema = z.object({ applications: z.array(applicationSchema) });
export const applicationResponseSchema = z.object({ application: applicationSchema });

export const memberSchema = z.object({ username: z.string(), joinedAt: z.string(), banned: z.boolean() });
export const memberListResponseSchema = z.object({ members: z.array(memberSchema) });

export const revealResponseSchema = z.object({
  author: z.object({ id: z.string(), username: z.string() }),
  auditId: z.string(),
});
