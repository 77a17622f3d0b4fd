import { type Db, posts, threads } from '@bedrock/db';
import type { Classification, CrisisPanel, Flag, Label, PostStatus, ReportReason } from '@bedrock/shared';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';
import type { PostWrite } from '../forum/threads.ts';
import type { LiveQueue } from './live.ts';
import { type Decision, decide, heldMessage, loadPolicy } from './policy.ts';
import { type FlagRow, insertFlag, insertNotice, mutedUntil, settleOnEdit, type Tx } from './store.ts';

export type Classify = (text: string) => Classification;

export type { PostWrite };

export interface ChatWrite {
  groupId: string;
  authorId: string;
  text: string;
}

/** What chat needs to know about a message before it is stored. */
export interface ChatVerdict extends Decision {
  labels: Label[];
  crisisPanel: CrisisPanel | null;
}

/** The text a classifier and a moderator see: the title leads an opening post. */
export const postText = (title: string | null | undefined, body: string) => (title ? `${title}\n\n${body}` : body);

/**
 * Every write goes through here: classify, apply the group's policy, store each hit as a flag (one
 * table, one queue), tell the author kindly, and push the new item to moderators live. Forum calls
 * run inside the post's own transaction, so a post and its flags are committed together.
 */
export class Pipeline {
  /** Flags recorded inside a forum write's transaction, announced only once it has committed. */
  private readonly pending = new Map<string, FlagRow[]>();

  constructor(private readonly deps: { db: Db; classify: Classify; crisis: CrisisPanel; live: LiveQueue }) {}

  /** Refuses a muted author (read-only for a while). */
  async assertMayWrite(tx: Pick<Db, 'select'>, authorId: string): Promise<void> {
    const until = await mutedUntil(tx, authorId);
    if (until) throw new AppError('ERR_MODERATION_MUTED', { retryAt: until.toISOString() });
  }

  /** A new thread or reply: returns the status to store it with. */
  async reviewNewPost(tx: Tx, post: PostWrite): Promise<PostStatus> {
    await this.assertMayWrite(tx, post.authorId);
    const decision = await this.decide(tx, post.groupId, postText(post.title, post.body));
    await this.recordPost(tx, post, decision);
    return decision.outcome === 'hold' ? 'held' : 'published';
  }

  /**
   * An edited post (after its row was updated): earlier classifier flags are settled, the new text is
   * checked, and the post is held or published again. A removed post stays removed.
   */
  async reviewEditedPost(tx: Tx, post: PostWrite): Promise<void> {
    await this.assertMayWrite(tx, post.authorId);
    const [row] = await tx.select().from(posts).where(eq(posts.id, post.postId));
    if (!row || row.status === 'removed') return;
    await settleOnEdit(tx, 'post', post.postId);
    const decision = await this.decide(tx, post.groupId, postText(post.title, post.body));
    await this.recordPost(tx, post, decision);
    const status: PostStatus = decision.outcome === 'hold' ? 'held' : 'published';
    await setStatusInTx(tx, post.postId, status);
  }

  /** A member's report on a post becomes a flag in the same queue. */
  async reportPost(input: { postId: string; reporterId: string; reason: ReportReason; note?: string | null }) {
    const { db } = this.deps;
    const [post] = await db.select().from(posts).where(eq(posts.id, input.postId));
    if (!post) return;
    const label = input.reason === 'spam' || input.reason === 'other' ? [] : [input.reason as Label];
    const flag = await insertFlag(db, {
      targetType: 'post',
      targetId: post.id,
      groupId: post.groupId,
      authorId: post.authorId,
      source: 'report',
      labels: label,
      spans: [],
      reporterId: input.reporterId,
      reportReason: input.reason,
      reportNote: input.note ?? null,
    });
    this.announce(flag);
  }

  /** A chat message before it is stored: the group's policy decides whether it is held. */
  async reviewChat(input: ChatWrite): Promise<ChatVerdict> {
    await this.assertMayWrite(this.deps.db, input.authorId);
    const result = this.deps.classify(input.text);
    const decision = decide(result, await loadPolicy(this.deps.db, input.groupId));
    return { ...decision, labels: result.labels, crisisPanel: decision.crisis ? this.deps.crisis : null };
  }

  /** A chat message after it is stored: its flags enter the queue. */
  async recordChat(
    message: { id: string; groupId: string; authorId: string },
    verdict: { labels: Label[]; flags?: Flag[] | undefined; hold: Flag[] },
  ): Promise<void> {
    if (verdict.labels.length === 0) return;
    const flag = await insertFlag(this.deps.db, {
      targetType: 'chat_message',
      targetId: message.id,
      groupId: message.groupId,
      authorId: message.authorId,
      source: 'classifier',
      labels: verdict.labels,
      spans: verdict.flags ?? verdict.hold,
    });
    this.announce(flag);
  }

  /** The nudge: what policy would do with a draft. Stores nothing. */
  async check(text: string, groupId: string | undefined) {
    const result = this.deps.classify(text);
    const decision = decide(result, await loadPolicy(this.deps.db, groupId));
    return { result, decision, crisis: decision.crisis ? this.deps.crisis : null };
  }

  get crisis(): CrisisPanel {
    return this.deps.crisis;
  }

  private async decide(tx: Pick<Db, 'select'>, groupId: string, text: string): Promise<Decision & { labels: Label[] }> {
    const result = this.deps.classify(text);
    return { ...decide(result, await loadPolicy(tx, groupId)), labels: result.labels };
  }

  private async recordPost(tx: Tx, post: PostWrite, decision: Decision & { labels: Label[] }): Promise<void> {
    if (decision.labels.length === 0) return;
    const flag = await insertFlag(tx, {
      targetType: 'post',
      targetId: post.postId,
      groupId: post.groupId,
      authorId: post.authorId,
      source: 'classifier',
      labels: decision.labels,
      spans: decision.flags,
    });
    if (decision.outcome === 'hold') {
      await insertNotice(tx, {
        userId: post.authorId,
        kind: 'held',
        reason: heldMessage(post.isOpening ? 'post' : 'reply', decision.flags, decision.holdLabels),
        targetType: 'post',
        targetId: post.postId,
        flagId: flag.id,
      });
    }
    // Announced by afterCommit: a moderator's page must never be told of an item it cannot fetch yet.
    this.pending.set(post.postId, [...(this.pending.get(post.postId) ?? []), flag]);
  }

  /** The forum write's transaction committed: tell moderators about its new flags. */
  afterCommit(postId: string): void {
    for (const flag of this.pending.get(postId) ?? []) this.announce(flag);
    this.pending.delete(postId);
  }

  /** The forum write's transaction rolled back: its flags never existed. */
  afterRollback(postId: string): void {
    this.pending.delete(postId);
  }

  announce(flag: FlagRow): void {
    this.deps.live.publish({ type: 'item', id: flag.id, priority: flag.priority, labels: flag.labels as Label[] });
  }
}

/** A post's status inside a transaction, keeping the thread's published reply count in step. */
export async function setStatusInTx(tx: Tx, postId: string, status: PostStatus): Promise<void> {
  const [post] = await tx.select().from(posts).where(eq(posts.id, postId)).for('update');
  if (!post || post.status === status) return;
  await tx.update(posts).set({ status }).where(eq(posts.id, postId));
  const delta = (status === 'published' ? 1 : 0) - (post.status === 'published' ? 1 : 0);
  if (!post.isOpening && delta !== 0) {
    await tx
      .update(threads)
      .set({ replyCount: sql`${threads.replyCount} + ${delta}` })
      .where(eq(threads.id, post.threadId));
  }
}
