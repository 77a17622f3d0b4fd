import { auditLog, type Db, users } from '@bedrock/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { minute, pageOf } from '../forum/present.ts';
import { moderationHandle } from './handle.ts';

export interface AuditFilters {
  action?: string | undefined;
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** The append-only log, newest first. Accounts appear as moderation handles, never as usernames. */
export async function listAudit(db: Db, secret: string, filters: AuditFilters) {
  const conditions = [];
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.actor) conditions.push(eq(sql`lower(${users.username})`, filters.actor.toLowerCase()));
  if (filters.targetType) conditions.push(eq(auditLog.targetType, filters.targetType));
  if (filters.targetId) conditions.push(eq(auditLog.targetId, filters.targetId));
  if (filters.before) {
    conditions.push(
      sql`(${auditLog.createdAt}, ${auditLog.id}) < (select a.created_at, a.id from ${auditLog} a where a.id = ${filters.before})`,
    );
  }
  const rows = await db
    .select({
      id: auditLog.id,
      actor: users.username,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      reason: auditLog.reason,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filters.limit + 1);
  const { shown, nextCursor } = pageOf(rows, filters.limit);
  return {
    entries: shown.map((r) => ({
      id: r.id,
      actor: r.actor,
      action: r.action,
      targetType: r.targetType,
      target: r.targetType === 'account' ? moderationHandle(secret, r.targetId) : r.targetId,
      reason: r.reason,
      at: minute(r.createdAt),
    })),
    nextBefore: nextCursor,
  };
}
