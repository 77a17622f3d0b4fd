import { type Db, partnerVerifications, posts, users } from '@bedrock/db';
import type { Verification, VerificationApplyRequest, VerificationStatus } from '@bedrock/shared';
import { asc, eq } from 'drizzle-orm';
import type { AuthUser } from '../auth/guards.ts';
import { AppError } from '../errors.ts';
import { audit } from './audit.ts';
import { newId } from './ids.ts';

/**
 * Partner verification without documents: the applicant's own words, how they found Bedrock and their
 * agreement to the guidelines. Moderators see the answers, not the account.
 */

type Row = typeof partnerVerifications.$inferSelect;

function present(row: Row | undefined): Verification {
  if (!row) return { status: 'none', reason: null, submittedAt: null, decidedAt: null };
  return {
    status: row.status,
    reason: row.status === 'declined' || row.status === 'revoked' ? row.reason : null,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

export async function myVerification(db: Db, user: AuthUser): Promise<Verification> {
  const [row] = await db.select().from(partnerVerifications).where(eq(partnerVerifications.userId, user.id));
  return present(row);
}

export async function applyForVerification(
  db: Db,
  user: AuthUser,
  input: VerificationApplyRequest,
): Promise<Verification> {
  const [existing] = await db.select().from(partnerVerifications).where(eq(partnerVerifications.userId, user.id));
  if (existing?.status === 'pending') throw new AppError('ERR_VERIFICATION_PENDING');
  if (existing?.status === 'approved') throw new AppError('ERR_ALREADY_VERIFIED');
  const values = {
    situation: input.situation,
    foundVia: input.foundVia,
    agreedAt: new Date(),
    status: 'pending' as const,
    reason: null,
    decidedBy: null,
    decidedAt: null,
    submittedAt: new Date(),
  };
  // A fresh id on re-application, so a moderator's earlier view of the old one does not apply to it.
  await db
    .insert(partnerVerifications)
    .values({ id: newId(), userId: user.id, ...values })
    .onConflictDoUpdate({ target: partnerVerifications.userId, set: { id: newId(), ...values } });
  return myVerification(db, user);
}

function application(row: Row) {
  return {
    id: row.id,
    status: row.status,
    situation: row.situation,
    foundVia: row.foundVia,
    submittedAt: row.submittedAt.toISOString(),
    reason: row.reason,
  };
}

export async function listApplications(db: Db, status: Exclude<VerificationStatus, 'none'>) {
  const rows = await db
    .select()
    .from(partnerVerifications)
    .where(eq(partnerVerifications.status, status))
    .orderBy(asc(partnerVerifications.submittedAt))
    .limit(200);
  return rows.map(application);
}

const TRANSITIONS = {
  approve: { from: 'pending', to: 'approved' },
  decline: { from: 'pending', to: 'declined' },
  revoke: { from: 'approved', to: 'revoked' },
} as const;

export async function decideApplication(
  db: Db,
  moderator: AuthUser,
  id: string,
  decision: keyof typeof TRANSITIONS,
  reason: string | null,
) {
  const { from, to } = TRANSITIONS[decision];
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(partnerVerifications).where(eq(partnerVerifications.id, id)).for('update');
    if (!row) throw new AppError('ERR_APPLICATION_NOT_FOUND');
    if (row.status !== from) throw new AppError('ERR_ALREADY_DECIDED');
    const [updated] = await tx
      .update(partnerVerifications)
      .set({ status: to, reason, decidedBy: moderator.id, decidedAt: new Date() })
      .where(eq(partnerVerifications.id, id))
      .returning();
    await audit(tx, {
      actorId: moderator.id,
      action: `verification.${decision}`,
      targetType: 'verification',
      targetId: id,
      reason,
    });
    // The owner is returned beside the public view so callers can re-check live access (chat rooms).
    return { application: application(updated!), userId: updated!.userId };
  });
}

/**
 * The only way from an anonymous post back to its account: admins only, with a written reason that is
 * recorded in the audit log in the same transaction as the lookup.
 */
export async function revealAuthor(db: Db, admin: AuthUser, postId: string, reason: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: users.id, username: users.username })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(eq(posts.id, postId));
    if (!row) throw new AppError('ERR_POST_NOT_FOUND');
    const auditId = await audit(tx, {
      actorId: admin.id,
      action: 'post.reveal_author',
      targetType: 'post',
      targetId: postId,
      reason,
    });
    return { author: row, auditId };
  });
}
