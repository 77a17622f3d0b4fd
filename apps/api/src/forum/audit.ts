import { auditLog, type Db } from '@bedrock/db';
import { newId } from './ids.ts';

type Tx = Pick<Db, 'insert'>;

/** Appends one moderator or admin action to the audit log. Call inside the action's transaction. */
export async function audit(
  tx: Tx,
  entry: { actorId: string; action: string; targetType: string; targetId: string; reason?: string | null },
): Promise<string> {
  const id = newId();
  await tx.insert(auditLog).values({ id, ...entry, reason: entry.reason ?? null });
  return id;
}
