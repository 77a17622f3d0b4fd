import { type Db, moderationFlags, moderationNotices } from '@bedrock/db';
import type { Label, Notice, NoticeKind, TargetType } from '@bedrock/shared';
import { desc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import { minute } from '../forum/present.ts';
import type { Pipeline } from './pipeline.ts';
import { insertFlag } from './store.ts';

type NoticeRow = typeof moderationNotices.$inferSelect;

const APPEALABLE: NoticeKind[] = ['removed', 'warned', 'muted', 'suspended', 'banned', 'group_banned'];

// Plain, kind words: never "violation" or "offender" (UX.md).
const MESSAGES: Record<NoticeKind, string> = {
  held: 'Your post is waiting for a moderator.',
  approved: 'A moderator read your post and shared it. Thank you for your patience.',
  removed: 'A moderator took your post down. Here is why, in their words.',
  returned: 'A moderator asked you to change a few words before your post is shared. You can edit it now.',
  warned: 'A moderator sent you a gentle reminder about the community guidelines.',
  muted: 'A moderator paused your posting for a while. You can still read everything.',
  suspended: 'A moderator paused your account for a while.',
  banned: 'A moderator closed your account.',
  group_banned: 'A moderator closed one group to you. The rest of Bedrock is still open.',
  appeal_upheld: 'Another moderator looked at your appeal and kept the decision.',
  appeal_overturned: 'Another moderator looked at your appeal and reversed the decision.',
};

function present(
  row: NoticeRow,
  appeals: Map<string, { status: string; decision: string | null; createdAt: Date }>,
): Notice {
  const appeal = row.appealFlagId ? appeals.get(row.appealFlagId) : undefined;
  const kind = row.kind as NoticeKind;
  return {
    id: row.id,
    kind,
    message: kind === 'held' ? (row.reason ?? MESSAGES.held) : MESSAGES[kind],
    reason: kind === 'held' ? null : row.reason,
    target: row.targetType && row.targetId ? { type: row.targetType as TargetType, id: row.targetId } : null,
    until: row.until ? row.until.toISOString() : null,
    at: minute(row.createdAt),
    canAppeal: APPEALABLE.includes(kind) && !row.appealFlagId,
    appeal: appeal
      ? {
          status: appeal.status === 'open' ? 'pending' : appeal.decision === 'overturn' ? 'overturned' : 'upheld',
          at: minute(appeal.createdAt),
        }
      : null,
  };
}

export async function listNotices(db: Db, userId: string): Promise<Notice[]> {
  const rows = await db
    .select()
    .from(moderationNotices)
    .where(eq(moderationNotices.userId, userId))
    .orderBy(desc(moderationNotices.createdAt), desc(moderationNotices.id))
    .limit(200);
  return presentAll(db, rows);
}

async function presentAll(db: Db, rows: NoticeRow[]): Promise<Notice[]> {
  const ids = rows.map((r) => r.appealFlagId).filter((x): x is string => !!x);
  const appeals = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({
              id: moderationFlags.id,
              status: moderationFlags.status,
              decision: moderationFlags.decision,
              createdAt: moderationFlags.createdAt,
            })
            .from(moderationFlags)
            .where(inArray(moderationFlags.id, ids))
        ).map((a) => [a.id, a] as const),
  );
  return rows.map((row) => present(row, appeals));
}

/** Each decision can be appealed once, with a message; the appeal enters the queue. */
export async function appeal(
  db: Db,
  pipeline: Pipeline,
  userId: string,
  noticeId: string,
  message: string,
): Promise<Notice> {
  const flag = await db.transaction(async (tx) => {
    const [notice] = await tx.select().from(moderationNotices).where(eq(moderationNotices.id, noticeId)).for('update');
    if (!notice || notice.userId !== userId) throw new AppError('ERR_NOTICE_NOT_FOUND');
    if (!APPEALABLE.includes(notice.kind as NoticeKind)) throw new AppError('ERR_NOT_APPEALABLE');
    if (notice.appealFlagId) throw new AppError('ERR_APPEAL_EXISTS');
    const [decided] = await tx
      .select()
      .from(moderationFlags)
      .where(eq(moderationFlags.id, notice.flagId ?? ''));
    if (!decided) throw new AppError('ERR_NOT_APPEALABLE');
    const created = await insertFlag(tx, {
      targetType: decided.targetType as TargetType,
      targetId: decided.targetId,
      groupId: decided.groupId,
      authorId: userId,
      source: 'appeal',
      labels: decided.labels as Label[],
      spans: [],
      noticeId: notice.id,
      appealMessage: message,
    });
    await tx.update(moderationNotices).set({ appealFlagId: created.id }).where(eq(moderationNotices.id, notice.id));
    return created;
  });
  pipeline.announce(flag);
  const [row] = await db.select().from(moderationNotices).where(eq(moderationNotices.id, noticeId));
  const [notice] = await presentAll(db, row ? [row] : []);
  if (!notice) throw new AppError('ERR_NOTICE_NOT_FOUND');
  return notice;
}
