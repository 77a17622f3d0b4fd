import { type Db, sessions, users } from '@bedrock/db';
import { CHAT_CLOSE } from '@bedrock/shared';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { AuthUser } from '../auth/guards.ts';
import { effectiveStatus } from '../auth/sessions.ts';
import type { ChatAccess } from './access.ts';
import type { Broker } from './broker.ts';
import type { Conn, Hub } from './hub.ts';
import { canModerate, isStaff } from './rooms.ts';
import { encode } from './service.ts';

/**
 * Access changes and moderator alerts, on every instance. Whoever changes access (logout, ban,
 * suspension, removal from a group, losing verification) calls `accessChanged` after committing; each
 * instance then re-checks the matching sockets against the database and drops what is no longer allowed.
 */
export const CONTROL_CHANNEL = 'chat:control';
// A safety net for changes nobody announced (e.g. a session expiring): sessions are re-read this often.
const SWEEP_MS = 15_000;

export interface AccessChange {
  userId?: string;
  /** For callers that only hold a username (e.g. a moderator's group ban); resolved here. */
  username?: string;
  sessionId?: string;
  groupId?: string;
}

type ControlMessage = { k: 'recheck'; change: AccessChange } | { k: 'alert'; room: string; data: string };

export interface ControlDeps {
  db: Db;
  hub: Hub;
  broker: Broker;
  access: ChatAccess;
  onError(error: unknown): void;
}

export class Control {
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ControlDeps) {}

  async start(): Promise<void> {
    await this.deps.broker.subscribe(CONTROL_CHANNEL, (payload) => {
      this.onMessage(JSON.parse(payload) as ControlMessage).catch(this.deps.onError);
    });
    this.sweeper = setInterval(() => this.sweep().catch(this.deps.onError), SWEEP_MS);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Announce that access may have changed; resolves once published (the checks run on each instance). */
  async accessChanged(change: AccessChange): Promise<void> {
    const { username, ...rest } = change;
    if (username === undefined) return this.publish({ k: 'recheck', change: rest });
    const [row] = await this.deps.db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
    if (row) await this.publish({ k: 'recheck', change: { ...rest, userId: row.id } });
  }

  alertModerators(room: string, data: string): void {
    this.publish({ k: 'alert', room, data }).catch(this.deps.onError);
  }

  private publish(message: ControlMessage): Promise<void> {
    return this.deps.broker.publish(CONTROL_CHANNEL, JSON.stringify(message));
  }

  private async onMessage(message: ControlMessage): Promise<void> {
    const { hub } = this.deps;
    if (message.k === 'alert') {
      for (const conn of hub.allConns()) {
        if (isStaff(conn.user) || conn.rooms.get(message.room)?.moderator) hub.write(conn, message.data);
      }
      return;
    }
    const { userId, sessionId, groupId } = message.change;
    const matches = hub.allConns().filter((conn) => {
      if (userId && conn.user.id !== userId) return false;
      if (sessionId && conn.sessionId !== sessionId) return false;
      if (groupId && ![...conn.rooms.values()].some((m) => m.groupId === groupId)) return false;
      return true;
    });
    await Promise.all(matches.map((conn) => this.recheck(conn)));
  }

  /** Reads session, account status and each joined room's access fresh, and drops what is gone. */
  private async recheck(conn: Conn): Promise<void> {
    const { db, hub, access } = this.deps;
    const user = await sessionUser(db, conn.sessionId);
    if (user?.status !== 'active') return endSocket(hub, conn);
    conn.user = user;
    for (const [roomId, membership] of [...conn.rooms]) {
      if (await access.canRead(db, user, membership.groupId)) {
        membership.moderator = await canModerate(db, user, roomId);
        continue;
      }
      hub.leave(conn, roomId);
      hub.write(conn, encode({ type: 'left', room: roomId }));
    }
  }

  /** One query for every socket on this instance: sessions that ended or accounts no longer active. */
  private async sweep(): Promise<void> {
    const conns = this.deps.hub.allConns();
    if (conns.length === 0) return;
    const ids = [...new Set(conns.map((c) => c.sessionId))];
    const rows = await this.deps.db
      .select({ id: sessions.id, status: users.status, suspendedUntil: users.suspendedUntil })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(inArray(sessions.id, ids), gt(sessions.expiresAt, new Date())));
    const alive = new Set(
      rows.filter((r) => effectiveStatus(r.status, r.suspendedUntil) === 'active').map((r) => r.id),
    );
    for (const conn of conns) if (!alive.has(conn.sessionId)) endSocket(this.deps.hub, conn);
  }
}

/** The session's account with role and status as they are now, or null when the session is over. */
async function sessionUser(db: Db, sessionId: string): Promise<AuthUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      status: users.status,
      suspendedUntil: users.suspendedUntil,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())));
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    status: effectiveStatus(row.status, row.suspendedUntil),
  };
}

function endSocket(hub: Hub, conn: Conn): void {
  hub.removeConn(conn);
  conn.socket.close(CHAT_CLOSE.SESSION_ENDED, 'session ended');
}
