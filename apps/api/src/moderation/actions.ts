import { type Db, moderationFlags, moderationNotices } from '@bedrock/db';
import type { ActionRequest, NoticeKind, ReviewAction, SanctionKind, TargetType } from '@bedrock/shared';
import { and, eq, ne } from 'drizzle-orm';
import type { AuthUser } from '../auth/guards.ts';
import type { Broker } from '../chat/broker.ts';
import { AppError } from '../errors.ts';
import { audit } from '../forum/audit.ts';
import type { LiveQueue } from './live.ts';
import { applySanction, liftSanction } from './sanctions.ts';
import { type FlagRow, insertNotice, type Tx } from './store.ts';
import { type AfterCommit, setTargetStatus, targetStatus } from './targets.ts';

/** A claim older than this no longer blocks anyone (the moderator went away). */
export const CLAIM_TTL_MS = 30 * 60_000;

export interface ActionDeps {
  db: Db;
  broker: Broker;
  live: LiveQueue;
  /** Ends the account's sessions and, on every instance, its sockets (chat and the queue). */
  endAccess(change: { userId: string; groupId?: string; endSessions: boolean }): Promise<void>;
}

const SANCTIONS: Partial<Record<ReviewAction, SanctionKind>> = {
  warn: 'warn',
  mute: 'mute',
  suspend: 'suspend',
  ban: 'ban',
  group_ban: 'group_ban',
};
const NOTICE_OF: Record<SanctionKind, NoticeKind> = {
  warn: 'warned',
  mute: 'muted',
  suspend: 'suspended',
  ban: 'banned',
  group_ban: 'group_banned',
};
const NEEDS_REASON: ReviewAction[] = ['remove', 'warn', 'mute', 'suspend', 'ban', 'group_ban'];

function claimedByOther(flag: FlagRow, actorId: string): boolean {
  if (!flag.claimedBy || flag.claimedBy === actorId) return false;
  return (flag.claimedAt?.getTime() ?? 0) > Date.now() - CLAIM_TTL_MS;
}

async function lockFlag(tx: Tx, id: string): Promise<FlagRow> {
  const [flag] = await tx.select().from(moderationFlags).where(eq(moderationFlags.id, id)).for('update');
  if (!flag) throw new AppError('ERR_FLAG_NOT_FOUND');
  return flag;
}

export async function claim(deps: ActionDeps, actor: AuthUser, id: string, take: boolean): Promise<string | null> {
  const result = await deps.db.transaction(async (tx) => {
    const flag = await lockFlag(tx, id);
    if (flag.status !== 'open') throw new AppError('ERR_ALREADY_RESOLVED');
    if (claimedByOther(flag, actor.id) && !(actor.role === 'admin' && !take))
      throw new AppError('ERR_CLAIMED_BY_OTHER');
    await tx
      .update(moderationFlags)
      .set(take ? { claimedBy: actor.id, claimedAt: new Date() } : { claimedBy: null, claimedAt: null })
      .where(eq(moderationFlags.id, id));
    // Who held an item, and an admin's release of someone else's claim, belong to the item's history.
    const releasesOther = !take && claimedByOther(flag, actor.id);
    await audit(tx, {
      actorId: actor.id,
      action: take ? 'moderation.claim' : releasesOther ? 'moderation.release_other' : 'moderation.release',
      targetType: flag.targetType,
      targetId: flag.targetId,
    });
    return take ? actor.username : null;
  });
  deps.live.publish({ type: 'claimed', id, claimedBy: result });
  return result;
}

function validate(flag: FlagRow, request: ActionRequest): void {
  const isAppeal = flag.source === 'appeal';
  const appealOnly = request.action === 'uphold' || request.action === 'overturn';
  if (isAppeal !== appealOnly) throw new AppError('ERR_ACTION_NOT_ALLOWED');
  if (request.action === 'dismiss' && flag.source !== 'report') throw new AppError('ERR_ACTION_NOT_ALLOWED');
  if (request.action === 'return' && flag.targetType !== 'post') throw new AppError('ERR_ACTION_NOT_ALLOWED');
  if (request.action === 'group_ban' && !flag.groupId) throw new AppError('ERR_ACTION_NOT_ALLOWED');
  if (NEEDS_REASON.includes(request.action) && !request.reason) throw new AppError('ERR_REASON_REQUIRED');
  if (request.action === 'return' && !request.note) throw new AppError('ERR_REASON_REQUIRED');
  if (request.action === 'mute' && !request.hours) throw new AppError('ERR_VALIDATION', { hours: 'How many hours?' });
  if (request.action === 'suspend' && !request.days) throw new AppError('ERR_VALIDATION', { days: 'How many days?' });
}

/** Decides one queue item: changes visibility, sanctions, tells the author, audits; all in one transaction. */
export async function act(deps: ActionDeps, actor: AuthUser, id: string, request: ActionRequest): Promise<void> {
  const after: AfterCommit[] = [];
  let accessChange: { userId: string; groupId?: string; endSessions: boolean } | null = null;
  await deps.db.transaction(async (tx) => {
    const flag = await lockFlag(tx, id);
    if (flag.status !== 'open') throw new AppError('ERR_ALREADY_RESOLVED');
    if (claimedByOther(flag, actor.id)) throw new AppError('ERR_CLAIMED_BY_OTHER');
    validate(flag, request);
    const target = { type: flag.targetType as TargetType, id: flag.targetId };
    const { action } = request;
    const reason = request.reason ?? request.note ?? null;

    if (flag.source === 'appeal') {
      accessChange = await decideAppeal(tx, deps, actor, flag, action === 'overturn', after);
    } else {
      const before = await targetStatus(tx, target);
      const notify = (
        kind: NoticeKind,
        extra: { reason?: string | null; until?: Date | null; sanctionId?: string } = {},
      ) =>
        insertNotice(tx, {
          userId: flag.authorId,
          kind,
          targetType: target.type,
          targetId: target.id,
          flagId: flag.id,
          decidedBy: actor.id,
          reason: extra.reason ?? null,
          until: extra.until ?? null,
          sanctionId: extra.sanctionId ?? null,
        });
      const setStatus = async (status: 'published' | 'held' | 'removed') => {
        const broadcast = await setTargetStatus(tx, deps.broker, target, status);
        if (broadcast) after.push(broadcast);
      };
      if (action === 'approve') {
        await setStatus('published');
        if (before === 'held') await notify('approved');
      } else if (action === 'remove') {
        await setStatus('removed');
        await notify('removed', { reason });
      } else if (action === 'return') {
        await setStatus('held');
        await notify('returned', { reason });
      } else if (action !== 'dismiss') {
        const kind = SANCTIONS[action];
        if (!kind) throw new AppError('ERR_ACTION_NOT_ALLOWED');
        if (request.removeContent) {
          await setStatus('removed');
          await notify('removed', { reason });
        }
        const until =
          kind === 'mute'
            ? new Date(Date.now() + (request.hours ?? 1) * 3_600_000)
            : kind === 'suspend'
              ? new Date(Date.now() + (request.days ?? 1) * 86_400_000)
              : null;
        const sanctionId = await applySanction(tx, {
          userId: flag.authorId,
          kind,
          reason: reason ?? '',
          actorId: actor.id,
          flagId: flag.id,
          groupId: kind === 'group_ban' ? flag.groupId : null,
          until,
        });
        await notify(NOTICE_OF[kind], { reason, until, sanctionId });
        await audit(tx, {
          actorId: actor.id,
          action: `sanction.${kind}`,
          targetType: 'account',
          targetId: flag.authorId,
          reason,
        });
        if (kind === 'suspend' || kind === 'ban') accessChange = { userId: flag.authorId, endSessions: true };
        if (kind === 'group_ban') accessChange = { userId: flag.authorId, groupId: flag.groupId, endSessions: false };
      }
      // One decision settles every open flag on the same content (a dismissed report settles only itself).
      const scope =
        action === 'dismiss'
          ? eq(moderationFlags.id, flag.id)
          : and(
              eq(moderationFlags.targetType, flag.targetType),
              eq(moderationFlags.targetId, flag.targetId),
              eq(moderationFlags.status, 'open'),
              ne(moderationFlags.source, 'appeal'),
            );
      await tx
        .update(moderationFlags)
        .set({ status: 'resolved', decision: action, decidedBy: actor.id, decidedAt: new Date() })
        .where(scope);
    }
    if (flag.source === 'appeal') {
      await tx
        .update(moderationFlags)
        .set({ status: 'resolved', decision: action, decidedBy: actor.id, decidedAt: new Date() })
        .where(eq(moderationFlags.id, flag.id));
    }
    await audit(tx, {
      actorId: actor.id,
      action: `moderation.${action}`,
      targetType: target.type,
      targetId: target.id,
      reason,
    });
  });
  for (const broadcast of after) await broadcast();
  if (accessChange) await deps.endAccess(accessChange);
  deps.live.publish({ type: 'resolved', id });
}

/** An appeal: a different moderator upholds the decision or overturns it (restoring what it took). */
async function decideAppeal(
  tx: Tx,
  deps: ActionDeps,
  actor: AuthUser,
  flag: FlagRow,
  overturn: boolean,
  after: AfterCommit[],
) {
  const [notice] = await tx
    .select()
    .from(moderationNotices)
    .where(eq(moderationNotices.id, flag.noticeId ?? ''));
  if (!notice) throw new AppError('ERR_NOTICE_NOT_FOUND');
  if (notice.decidedBy === actor.id) throw new AppError('ERR_APPEAL_SAME_MODERATOR');
  await insertNotice(tx, {
    userId: notice.userId,
    kind: overturn ? 'appeal_overturned' : 'appeal_upheld',
    targetType: (notice.targetType as TargetType | null) ?? null,
    targetId: notice.targetId,
    flagId: flag.id,
    decidedBy: actor.id,
  });
  if (!overturn) return null;
  if (notice.sanctionId) await liftSanction(tx, notice.sanctionId);
  if (notice.kind === 'removed' && notice.targetType && notice.targetId) {
    const target = { type: notice.targetType as TargetType, id: notice.targetId };
    const broadcast = await setTargetStatus(tx, deps.broker, target, 'published');
    if (broadcast) after.push(broadcast);
  }
  return null;
}

/** Bulk: each item on its own, so one conflict does not undo the rest. */
export async function actMany(deps: ActionDeps, actor: AuthUser, ids: string[], request: ActionRequest) {
  const results: { id: string; ok: boolean; code: string | null }[] = [];
  for (const id of ids) {
    try {
      await act(deps, actor, id, request);
      results.push({ id, ok: true, code: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, code: error.code });
    }
  }
  return results;
}
