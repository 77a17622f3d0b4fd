import { randomBytes } from 'node:crypto';
import { type Db, moderationFlags, moderationNotices, sanctions } from '@bedrock/db';
import type { Flag, FlagSource, Label, NoticeKind, TargetType } from '@bedrock/shared';
import { PRIORITY } from '@bedrock/shared';
import { and, eq, gt, isNull } from 'drizzle-orm';

// The moderation tables' SQL that more than one service needs.

export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;
export type FlagRow = typeof moderationFlags.$inferSelect;

export const newId = () => randomBytes(16).toString('base64url');

export interface NewFlag {
  targetType: TargetType;
  targetId: string;
  groupId: string;
  authorId: string;
  source: FlagSource;
  labels: Label[];
  spans: Flag[];
  reporterId?: string;
  reportReason?: string;
  reportNote?: string | null;
  noticeId?: string;
  appealMessage?: string;
  priority?: number;
}

export function priorityOf(source: FlagSource, labels: readonly string[]): number {
  if (labels.includes('crisis')) return PRIORITY.crisis;
  return PRIORITY[source];
}

export async function insertFlag(tx: Tx, flag: NewFlag): Promise<FlagRow> {
  const [row] = await tx
    .insert(moderationFlags)
    .values({ id: newId(), ...flag, priority: flag.priority ?? priorityOf(flag.source, flag.labels) })
    .returning();
  if (!row) throw new Error('flag insert returned nothing');
  return row;
}

export async function insertNotice(
  tx: Tx,
  notice: {
    userId: string;
    kind: NoticeKind;
    reason?: string | null;
    targetType?: TargetType | null;
    targetId?: string | null;
    until?: Date | null;
    flagId?: string | null;
    decidedBy?: string | null;
    sanctionId?: string | null;
  },
): Promise<string> {
  const id = newId();
  await tx.insert(moderationNotices).values({ id, ...notice });
  return id;
}

/** The end of the author's current site-wide mute, if any. */
export async function mutedUntil(tx: Pick<Db, 'select'>, userId: string): Promise<Date | null> {
  const rows = await tx
    .select({ until: sanctions.until })
    .from(sanctions)
    .where(
      and(
        eq(sanctions.userId, userId),
        eq(sanctions.kind, 'mute'),
        isNull(sanctions.liftedAt),
        gt(sanctions.until, new Date()),
      ),
    );
  const ends = rows.map((r) => r.until?.getTime() ?? 0);
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
}

/** Open classifier flags on a target are settled when its author edits it (a fresh check follows). */
export async function settleOnEdit(tx: Tx, targetType: TargetType, targetId: string): Promise<void> {
  await tx
    .update(moderationFlags)
    .set({ status: 'resolved', decision: 'edited', decidedAt: new Date() })
    .where(
      and(
        eq(moderationFlags.targetType, targetType),
        eq(moderationFlags.targetId, targetId),
        eq(moderationFlags.source, 'classifier'),
        eq(moderationFlags.status, 'open'),
      ),
    );
}
