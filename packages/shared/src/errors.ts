import { z } from 'zod';

/**
 * Every coded error the API can answer with, defined once. The API's single error handler and the
 * web app both read this table; a code's status and sentence never live anywhere else.
 */
export const ERRORS = {
  ERR_VALIDATION: { status: 400, message: 'Some fields need another look.' },
  ERR_BAD_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as JSON.' },
  ERR_BODY_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  ERR_NOT_FOUND: { status: 404, message: 'We could not find that.' },
  ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'That action is not available here.' },
  ERR_UNAUTHENTICATED: { status: 401, message: 'Please sign in first.' },
  ERR_FORBIDDEN: { status: 403, message: 'You do not have permission to do that.' },
  ERR_CROSS_ORIGIN: { status: 403, message: 'This request did not come from Bedrock itself, so it was refused.' },
  ERR_RATE_LIMITED: { status: 429, message: 'Too many attempts. Please wait a little and try again.' },
  ERR_INVALID_CREDENTIALS: { status: 401, message: 'That username and password do not match.' },
  ERR_USERNAME_TAKEN: { status: 409, message: 'That username is already taken. Please choose another.' },
  ERR_USERNAME_IDENTIFYING: {
    status: 400,
    message: 'Usernames cannot look like an e-mail address or phone number, to keep you anonymous.',
  },
  ERR_RECOVERY_INVALID: {
    status: 401,
    message: 'That username and recovery code do not match, or the code was already used.',
  },
  ERR_WRONG_PASSWORD: { status: 403, message: 'Your current password is not correct.' },
  ERR_SESSION_NOT_FOUND: { status: 404, message: 'That session does not exist or has already ended.' },
  ERR_ACCOUNT_SUSPENDED: { status: 403, message: 'This account is suspended.' },
  ERR_LAST_ADMIN: {
    status: 409,
    message:
      'You are the only administrator, so this account cannot be deleted yet. Make someone else an administrator first.',
  },
  // Live chat (websocket error events carry these codes too; the status applies to REST).
  ERR_CHAT_BAD_FRAME: { status: 400, message: 'That message could not be read. Send one JSON event per frame.' },
  ERR_CHAT_FRAME_TOO_LARGE: { status: 413, message: 'That message is too large to send.' },
  ERR_CHAT_UNKNOWN_EVENT: { status: 400, message: 'That kind of event is not something this chat understands.' },
  ERR_CHAT_INVALID_EVENT: { status: 400, message: 'Some parts of that event need another look.' },
  ERR_CHAT_MESSAGE_TOO_LONG: { status: 400, message: 'Please keep a chat message to 2,000 characters or fewer.' },
  ERR_CHAT_NOT_JOINED: { status: 409, message: 'Join the room before sending to it.' },
  ERR_CHAT_FLOOD: { status: 429, message: 'You are sending very quickly. Please pause for a few seconds.' },
  ERR_CHAT_TOO_MANY_SOCKETS: { status: 429, message: 'You have too many chat windows open. Close one and try again.' },
  ERR_CHAT_MUTED: { status: 403, message: 'A moderator has paused your messages in this room for a while.' },
  ERR_CHAT_SLOW_MODE: {
    status: 429,
    message: 'This room is in slow mode. Please wait a moment before your next message.',
  },
  ERR_CHAT_ROOM_CLOSED: { status: 409, message: 'This room is closed for now. You can still read it.' },
  ERR_CHAT_NOT_STARTED: { status: 409, message: 'This session has not started yet.' },
  ERR_CHAT_ENDED: { status: 409, message: 'This session has ended. You can still read it.' },
  ERR_CHAT_DUPLICATE_ID: { status: 409, message: 'That message id was already used for a different message.' },
  // Forum. A private group's content answers with the same not-found codes as missing content.
  ERR_GROUP_NOT_FOUND: { status: 404, message: 'We could not find that group.' },
  ERR_THREAD_NOT_FOUND: { status: 404, message: 'We could not find that conversation.' },
  ERR_POST_NOT_FOUND: { status: 404, message: 'We could not find that post.' },
  ERR_USER_NOT_FOUND: { status: 404, message: 'We could not find a member with that username.' },
  ERR_APPLICATION_NOT_FOUND: { status: 404, message: 'We could not find that application.' },
  ERR_NOT_MEMBER: { status: 403, message: 'Join this group to take part in it.' },
  ERR_GROUP_BANNED: { status: 403, message: 'A moderator has closed this group to you.' },
  ERR_VERIFICATION_REQUIRED: {
    status: 403,
    message: 'This group is for verified partners. You can apply for verification from your account.',
  },
  ERR_VERIFICATION_PENDING: { status: 409, message: 'Your application is already waiting for a moderator.' },
  ERR_ALREADY_VERIFIED: { status: 409, message: 'You are already verified.' },
  ERR_ALREADY_DECIDED: { status: 409, message: 'This application has already been decided.' },
  ERR_GROUP_SLUG_TAKEN: { status: 409, message: 'Another group already uses that address. Please choose another.' },
  ERR_NOT_AUTHOR: { status: 403, message: 'Only the person who wrote this post can change it.' },
  ERR_POST_DELETED: { status: 409, message: 'This post was deleted, so it can no longer be changed.' },
  ERR_NOT_OPENING_POST: { status: 400, message: 'Only the first post of a conversation has a title.' },
  // Moderation tooling.
  ERR_FLAG_NOT_FOUND: { status: 404, message: 'We could not find that queue item.' },
  ERR_CLAIMED_BY_OTHER: {
    status: 409,
    message: 'Another moderator is working on this item. Pick another, or ask them.',
  },
  ERR_ALREADY_RESOLVED: { status: 409, message: 'This item has already been decided.' },
  ERR_ACTION_NOT_ALLOWED: { status: 400, message: 'That action does not apply to this item.' },
  ERR_REASON_REQUIRED: { status: 400, message: 'Please write a short reason; the member will see it.' },
  ERR_APPEAL_SAME_MODERATOR: {
    status: 403,
    message: 'An appeal is decided by a different moderator than the one who made the decision.',
  },
  ERR_APPEAL_EXISTS: {
    status: 409,
    message: 'This decision has already been appealed. Each decision can be appealed once.',
  },
  ERR_NOT_APPEALABLE: { status: 400, message: 'This notice is not a decision that can be appealed.' },
  ERR_NOTICE_NOT_FOUND: { status: 404, message: 'We could not find that notice.' },
  ERR_MODERATION_MUTED: {
    status: 403,
    message: 'A moderator has paused your posting for a while. You can still read everything.',
  },
  ERR_UNAVAILABLE: { status: 503, message: 'Bedrock is not ready right now. Please try again shortly.' },
  ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side. Nothing you did caused it.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const errorCodeSchema = z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]);

/** The body of every error response. `fields` maps a field path to its message (validation only). */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(code: ErrorCode, fields?: Record<string, string>): ErrorBody {
  return { error: { code, message: ERRORS[code].message, ...(fields ? { fields } : {}) } };
}
