import { createHash, randomBytes } from 'node:crypto';
import { type Database, type Db, sessions, users } from '@bedrock/db';
import type { Role } from '@bedrock/shared';
import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { Lucia, TimeSpan } from 'lucia';

/**
 * All session handling lives here, so Lucia (deprecated upstream) can be replaced by ~100 lines of our
 * own code in one change. Everything else sees only these functions and plain objects.
 *
 * The cookie carries a random token; the database (and `request.sessionId`) holds only its SHA-256,
 * so a leaked database or backup holds no usable session.
 */

export const SESSION_COOKIE = 'bedrock_session';
const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60_000;
// Rewriting last_seen_at on every request would mean a write per read; minutes are precise enough.
const LAST_SEEN_GRANULARITY_MS = 5 * 60_000;

export type AccountStatus = 'active' | 'suspended' | 'banned';

export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  status: AccountStatus;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  device: string;
}

export interface CookieToSet {
  name: string;
  value: string;
  attributes: {
    httpOnly?: boolean;
    secure?: boolean;
    sameSite?: 'lax' | 'strict' | 'none';
    path?: string;
    maxAge?: number;
    expires?: Date;
  };
}

function createLucia(db: Db, secure: boolean) {
  const adapter = new DrizzlePostgreSQLAdapter(db, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(SESSION_DAYS, 'd'),
    sessionCookie: { name: SESSION_COOKIE, attributes: { secure, sameSite: 'lax', path: '/' } },
    getUserAttributes: (row) => ({
      username: row.username,
      role: row.role,
      status: row.status,
      suspendedUntil: row.suspendedUntil,
    }),
    getSessionAttributes: (row) => ({ lastSeenAt: row.lastSeenAt }),
  });
}

type AppLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: {
      username: string;
      role: Role;
      status: AccountStatus;
      suspendedUntil: Date | null;
    };
    DatabaseSessionAttributes: { device: string; lastSeenAt?: Date };
  }
}

/** A suspension whose end date has passed no longer counts. */
export function effectiveStatus(status: AccountStatus, suspendedUntil: Date | null): AccountStatus {
  if (status === 'suspended' && suspendedUntil && suspendedUntil.getTime() <= Date.now()) return 'active';
  return status;
}

/**
 * A hot read can fold the session lookup into its own statement instead of paying a round trip for it
 * first: it starts with one of these `viewer` CTEs (parameter `$1`) and hands the columns it read back
 * to `settle`, which finishes exactly what `validate` does. Role and status are still read fresh, in
 * the same statement. `status` is the effective one (see effectiveStatus).
 */
const VIEWER_COLUMNS = `u.id, u.username, u.role,
    (case when u.status = 'suspended' and u.suspended_until <= now() then 'active' else u.status::text end) as status`;
/** `$1` is the stored session id (`FoldedSession.id`); no row for a missing or expired session. */
export const VIEWER_BY_SESSION_CTE = `viewer as (
  select ${VIEWER_COLUMNS}, s.expires_at, s.last_seen_at
  from sessions s join users u on u.id = s.user_id
  where s.id = $1 and s.expires_at > now())`;
/** `$1` is the id of a user the auth hook already validated (or '' for a visitor). */
export const VIEWER_BY_USER_CTE = `viewer as (
  select ${VIEWER_COLUMNS}, null::timestamptz as expires_at, null::timestamptz as last_seen_at
  from users u where u.id = $1)`;

/** The columns of a viewer CTE, as the route's query returns them. */
export interface ViewerColumns {
  id: string;
  username: string;
  role: Role;
  status: AccountStatus;
  expiresAt: Date;
  lastSeenAt: Date;
}

export type Validated = { user: AuthUser; sessionId: string; cookie: CookieToSet | null };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The public id of a session: a digest of the stored id, so the list reveals neither token nor stored id. */
export function publicSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex').slice(0, 32);
}

export function createSessionStore(database: Database, options: { secure: boolean }) {
  const { db } = database;
  const lucia = createLucia(db, options.secure);

  return {
    cookieName: SESSION_COOKIE,

    async create(userId: string, device: string): Promise<{ sessionId: string; cookie: CookieToSet }> {
      const token = randomBytes(32).toString('base64url');
      const session = await lucia.createSession(userId, { device }, { sessionId: hashToken(token) });
      return { sessionId: session.id, cookie: lucia.createSessionCookie(token) };
    },

    /**
     * Validates a session token and returns the user with role and status read from the database now
     * (one joined query), plus a refreshed cookie when the expiry slid forward.
     */
    async validate(token: string): Promise<Validated | null> {
      const { session, user } = await lucia.validateSession(hashToken(token));
      if (!session) return null;
      const lastSeen = session.lastSeenAt?.getTime() ?? 0;
      if (Date.now() - lastSeen > LAST_SEEN_GRANULARITY_MS) {
        await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, session.id));
      }
      return {
        user: {
          id: user.id,
          username: user.username,
          role: user.role,
          status: effectiveStatus(user.status, user.suspendedUntil),
        },
        sessionId: session.id,
        cookie: session.fresh ? lucia.createSessionCookie(token) : null,
      };
    },

    /** The stored id of a token's session, for a folded read (see VIEWER_BY_SESSION_CTE). */
    idOf(token: string): string {
      return hashToken(token);
    },

    /**
     * Finishes a folded read: from the viewer columns the statement found for `token` (or null), does
     * what `validate` does after its lookup (slides the expiry, refreshes last-seen). Anything unusual
     * (no row, or a session the clocks disagree on) goes through `validate` itself; `matches` is false
     * when its answer is not the viewer the folded statement assumed, so the caller must read again.
     */
    async settle(
      token: string,
      found: ViewerColumns | null,
    ): Promise<{ validated: Validated | null; matches: boolean }> {
      const now = Date.now();
      if (!found || found.expiresAt.getTime() <= now) {
        const validated = await this.validate(token);
        return { validated, matches: (validated?.user.id ?? null) === (found?.id ?? null) };
      }
      const sessionId = hashToken(token);
      // Lucia's rule: past half of its lifetime, a session is extended and its cookie sent again.
      const fresh = found.expiresAt.getTime() - SESSION_MS / 2 <= now;
      const seen = now - found.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS;
      if (fresh || seen) {
        await db
          .update(sessions)
          .set({
            ...(fresh ? { expiresAt: new Date(now + SESSION_MS) } : {}),
            ...(seen ? { lastSeenAt: new Date(now) } : {}),
          })
          .where(eq(sessions.id, sessionId));
      }
      const user: AuthUser = { id: found.id, username: found.username, role: found.role, status: found.status };
      return { validated: { user, sessionId, cookie: fresh ? lucia.createSessionCookie(token) : null }, matches: true };
    },

    blankCookie(): CookieToSet {
      return lucia.createBlankSessionCookie();
    },

    async end(sessionId: string): Promise<void> {
      await lucia.invalidateSession(sessionId);
    },

    async endAllForUser(userId: string): Promise<void> {
      await lucia.invalidateUserSessions(userId);
    },

    async endOthersForUser(userId: string, keepSessionId: string): Promise<void> {
      await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
    },

    /** The user's live sessions, newest first. */
    async listForUser(userId: string): Promise<SessionRecord[]> {
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())));
      return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    },

    /** Ends one of the user's sessions by its public id; false when the user has no such session. */
    async endByPublicId(userId: string, publicId: string): Promise<boolean> {
      const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
      const match = rows.find((r) => publicSessionId(r.id) === publicId);
      if (!match) return false;
      await db.delete(sessions).where(and(eq(sessions.id, match.id), eq(sessions.userId, userId)));
      return true;
    },

    async deleteExpired(): Promise<void> {
      await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
