import { groupBans, sanctions, users } from '@bedrock/db';
import type { SanctionKind } from '@bedrock/shared';
import { and, eq } from 'drizzle-orm';
import { newId, type Tx } from './store.ts';

export interface NewSanction {
  userId: string;
  kind: SanctionKind;
  reason: string;
  actorId: string;
  flagId: string;
  groupId?: string | null;
  until?: Date | null;
}

/**
 * Records a sanction and applies it to the account in the same transaction. Ending sessions and
 * sockets happens after commit (see actions.ts), so every instance reads the new status.
 */
export async function applySanction(tx: Tx, s: NewSanction): Promise<string> {
  const id = newId();
  await tx.insert(sanctions).values({ id, ...s, groupId: s.groupId ?? null, until: s.until ?? null });
  if (s.kind === 'suspend') {
    await tx
      .update(users)
      .set({ status: 'suspended', suspendedUntil: s.until ?? null })
      .where(eq(users.id, s.userId));
  } else if (s.kind === 'ban') {
    await tx.update(users).set({ status: 'banned', suspendedUntil: null }).where(eq(users.id, s.userId));
  } else if (s.kind === 'group_ban' && s.groupId) {
    await tx
      .insert(groupBans)
      .values({ groupId: s.groupId, userId: s.userId, reason: s.reason, bannedBy: s.actorId })
      .onConflictDoNothing();
  }
  return id;
}

/** An appeal overturned it: the account is restored. */
export async function liftSanction(tx: Tx, sanctionId: string): Promise<void> {
  const [s] = await tx.update(sanctions).set({ liftedAt: new Date() }).where(eq(sanctions.id, sanctionId)).returning();
  if (!s) return;
  if (s.kind === 'suspend' || s.kind === 'ban') {
    await tx.update(users).set({ status: 'active', suspendedUntil: null }).where(eq(users.id, s.userId));
  } else if (s.kind === 'group_ban' && s.groupId) {
    await tx.delete(groupBans).where(and(eq(groupBans.groupId, s.groupId), eq(groupBans.userId, s.userId)));
  }
}
