import { z } from 'zod';
import { PASSWORD_MAX, roleSchema } from './auth.ts';
import {
  contentWarningCategorySchema,
  postStatusSchema,
  reactionKindSchema,
  reportReasonSchema,
  verificationStatusSchema,
} from './forum.ts';
import { noticeKindSchema } from './review.ts';

// Leaving Bedrock: deleting one's account, and downloading one's own data first.

export const deleteAccountRequestSchema = z.object({
  /** Re-authentication: a session alone (a borrowed phone, an unlocked laptop) cannot delete an account. */
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX),
});
export type DeleteAccountRequest = z.infer<typeof deleteAccountRequestSchema>;

/**
 * What a deleted member's chat messages read as. The forum shows its own placeholder for a deleted post
 * ("This post was deleted by the person who wrote it."); chat has no deleted flag, so the stored
 * message itself carries the same words and no name.
 */
export const DELETED_CHAT_ALIAS = 'Deleted message';
export const DELETED_CHAT_BODY = 'This message was deleted by the person who wrote it.';

export const EXPORT_FILENAME = 'bedrock-data.json';

const iso = z.string();

/**
 * The member's own data, as one JSON file. An allowlist written by hand: nothing here names or points
 * to another member (no usernames, no pseudonyms or aliases, no moderator identities), and a reply in
 * someone else's conversation carries the conversation's id, not its title.
 */
export const accountExportSchema = z.object({
  format: z.literal('bedrock-data/1'),
  exportedAt: iso,
  account: z.object({ username: z.string(), role: roleSchema, createdAt: iso }),
  verification: z.object({
    status: verificationStatusSchema,
    /** What she wrote when applying. */
    situation: z.string().nullable(),
    foundVia: z.string().nullable(),
    submittedAt: iso.nullable(),
    decidedAt: iso.nullable(),
    /** The reason given to her for a decline or revocation (never who gave it). */
    reason: z.string().nullable(),
  }),
  groups: z.array(z.object({ slug: z.string(), name: z.string(), joinedAt: iso })),
  threads: z.array(
    z.object({
      id: z.string(),
      groupSlug: z.string(),
      title: z.string(),
      anonymous: z.boolean(),
      createdAt: iso,
    }),
  ),
  posts: z.array(
    z.object({
      id: z.string(),
      threadId: z.string(),
      groupSlug: z.string(),
      /** True for the first post of a conversation she started (its title is under `threads`). */
      opensThread: z.boolean(),
      anonymous: z.boolean(),
      status: postStatusSchema,
      deleted: z.boolean(),
      /** Null once she deleted it: nothing of it is kept. */
      body: z.string().nullable(),
      contentWarning: z.object({ category: contentWarningCategorySchema, text: z.string().nullable() }).nullable(),
      createdAt: iso,
      editedAt: iso.nullable(),
    }),
  ),
  chatMessages: z.array(
    z.object({
      roomId: z.string(),
      roomTitle: z.string().nullable(),
      groupSlug: z.string(),
      status: z.enum(['visible', 'held', 'removed']),
      /** Empty when a moderator removed it. */
      body: z.string(),
      at: iso,
    }),
  ),
  reactions: z.array(z.object({ postId: z.string(), threadId: z.string(), kind: reactionKindSchema, createdAt: iso })),
  reports: z.array(
    z.object({ postId: z.string(), reason: reportReasonSchema, note: z.string().nullable(), createdAt: iso }),
  ),
  notices: z.array(z.object({ kind: noticeKindSchema, reason: z.string().nullable(), createdAt: iso })),
  sessions: z.array(z.object({ device: z.string(), createdAt: iso, lastSeenAt: iso, expiresAt: iso })),
});
export type AccountExport = z.infer<typeof accountExportSchema>;
