import { chatMessages, type Db, moderationFlags, posts } from '@bedrock/db';
import type { CrisisPanel, Flag, Label, OutcomeResponse, TargetType } from '@bedrock/shared';
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import { loadPolicy } from './policy.ts';
import { heldMessage } from './policy.ts';

/**
 * What an author may know about their own post or message: whether it is held and why, kindly, and the
 * crisis panel when their words signalled risk. Anyone else gets not-found.
 */
export async function authorOutcome(
  db: Db,
  crisis: CrisisPanel,
  userId: string,
  target: { targetType: TargetType; targetId: string },
): Promise<OutcomeResponse> {
  let authorId: string | undefined;
  let status: OutcomeResponse['status'] = 'published';
  let groupId = '';
  let isOpening = false;
  if (target.targetType === 'post') {
    const [p] = await db.select().from(posts).where(eq(posts.id, target.targetId));
    authorId = p?.authorId;
    status = p?.status ?? 'published';
    groupId = p?.groupId ?? '';
    isOpening = p?.isOpening ?? false;
  } else {
    const [m] = await db.select().from(chatMessages).where(eq(chatMessages.id, target.targetId));
    authorId = m?.authorId;
    status = m?.status === 'visible' ? 'published' : (m?.status ?? 'published');
  }
  if (!authorId || authorId !== userId) throw new AppError('ERR_NOT_FOUND');
  const [flag] = await db
    .select()
    .from(moderationFlags)
    .where(
      and(
        eq(moderationFlags.targetType, target.targetType),
        eq(moderationFlags.targetId, target.targetId),
        eq(moderationFlags.source, 'classifier'),
      ),
    )
    .orderBy(desc(moderationFlags.createdAt))
    .limit(1);
  const labels = (flag?.labels ?? []) as Label[];
  const flags = (flag?.spans ?? []) as Flag[];
  let message: string | null = null;
  if (status === 'held') {
    const policy = await loadPolicy(db, groupId || undefined);
    const holdLabels = labels.filter((l) => policy[l] === 'hold');
    message = heldMessage(
      target.targetType === 'chat_message' ? 'message' : isOpening ? 'post' : 'reply',
      flags,
      holdLabels,
    );
  } else if (status === 'removed') {
    message = 'A moderator took this down. You will find their reason in your notices, where you can also appeal.';
  }
  return { status, labels, flags, message, crisis: labels.includes('crisis') ? crisis : null };
}
