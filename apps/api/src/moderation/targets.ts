import { chatMessages, chatRooms, type Db, posts } from '@bedrock/db';
import type { PostStatus, TargetType } from '@bedrock/shared';
import { eq, sql } from 'drizzle-orm';
import type { Broker } from '../chat/broker.ts';
import { roomChannel } from '../chat/hub.ts';
import { toChatMessage } from '../chat/repository.ts';
import { encode } from '../chat/service.ts';
import { setStatusInTx } from './pipeline.ts';
import type { Tx } from './store.ts';

/** Something to broadcast once the transaction that caused it has committed. */
export type AfterCommit = () => Promise<void>;

/**
 * Sets a post's or chat message's visibility for a moderator's decision. Chat changes are broadcast
 * after commit through the chat's broker: a held message gets the room's next sequence when published.
 */
export async function setTargetStatus(
  tx: Tx,
  broker: Broker,
  target: { type: TargetType; id: string },
  status: PostStatus,
): Promise<AfterCommit | null> {
  if (target.type === 'post') {
    await setStatusInTx(tx, target.id, status);
    return null;
  }
  const [message] = await tx.select().from(chatMessages).where(eq(chatMessages.id, target.id)).for('update');
  if (!message) return null;
  const wanted = status === 'published' ? 'visible' : status;
  if (message.status === wanted) return null;
  if (wanted === 'visible') {
    let seq = message.seq;
    if (seq === null) {
      const [room] = await tx
        .update(chatRooms)
        .set({ lastSeq: sql`${chatRooms.lastSeq} + 1` })
        .where(eq(chatRooms.id, message.roomId))
        .returning({ lastSeq: chatRooms.lastSeq });
      seq = room?.lastSeq ?? null;
    }
    const [row] = await tx
      .update(chatMessages)
      .set({ status: 'visible', seq, removedAt: null })
      .where(eq(chatMessages.id, message.id))
      .returning();
    if (!row || row.seq === null) return null;
    const payload = `${row.seq}|${encode({ type: 'message', ...toChatMessage(row) })}`;
    return () => broker.publish(roomChannel(row.roomId), payload);
  }
  // Held chat messages were never broadcast; a visible one disappears for everyone, live.
  await tx
    .update(chatMessages)
    .set({ status: wanted, removedAt: wanted === 'removed' ? new Date() : null })
    .where(eq(chatMessages.id, message.id));
  if (message.status !== 'visible' || message.seq === null) return null;
  const payload = `-|${encode({ type: 'removed', room: message.roomId, seq: message.seq })}`;
  return () => broker.publish(roomChannel(message.roomId), payload);
}

export async function targetStatus(db: Pick<Db, 'select'>, target: { type: TargetType; id: string }) {
  if (target.type === 'chat_message') {
    const [m] = await db
      .select({ status: chatMessages.status })
      .from(chatMessages)
      .where(eq(chatMessages.id, target.id));
    return m ? (m.status === 'visible' ? 'published' : m.status) : null;
  }
  const [p] = await db.select({ status: posts.status }).from(posts).where(eq(posts.id, target.id));
  return p?.status ?? null;
}
