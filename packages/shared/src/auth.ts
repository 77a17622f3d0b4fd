import { z } from 'zod';

export const ROLES = ['member', 'moderator', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const RECOVERY_CODE_COUNT = 10;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'Use at least 3 characters.')
  .max(32, 'Use at most 32 characters.')
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'Use letters, numbers, dots, dashes or underscores.');

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/** True when a username would de-anonymize its owner: an e-mail address or a phone number. */
export function looksIdentifying(username: string): boolean {
  if (/@/.test(username) || /[\w-]+\.(com|net|org|co|uk|de|io|me|info|edu|gov)\b/i.test(username)) return true;
  const digits = username.replace(/\D/g, '');
  return digits.length >= 7;
}

export const signupRequestSchema = z.object({ username: usernameSchema, password: passwordSchema });
export type SignupRequest = z.infer<typeof signupRequestSchema>;

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username.').max(64),
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const recoverRequestSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username.').max(64),
  code: z.string().trim().min(1, 'Enter one of your recovery codes.').max(64),
  newPassword: passwordSchema,
});
export type RecoverRequest = z.infer<typeof recoverRequestSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** The signed-in account as its owner sees it. */
export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const meResponseSchema = z.object({ user: meSchema });

export const signupResponseSchema = z.object({
  user: meSchema,
  /** Shown once, never stored in clear. */
  recoveryCodes: z.array(z.string()).length(RECOVERY_CODE_COUNT),
});
export type SignupResponse = z.infer<typeof signupResponseSchema>;

export const recoverResponseSchema = z.object({ user: meSchema, remainingCodes: z.number().int() });

export const sessionInfoSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** A coarse description ("Firefox on Android"), never the raw user agent or IP. */
  device: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
export const sessionListResponseSchema = z.object({ sessions: z.array(sessionInfoSchema) });

export const okResponseSchema = z.object({ ok: z.literal(true) });

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['postgres', 'pglite']),
});
