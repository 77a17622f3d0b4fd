import type { ChatMessage } from '@bedrock/shared';

export interface TimelineMessage extends ChatMessage {
  mine: boolean;
}

/**
 * The room's messages as this client knows them: one entry per sequence number, always in sequence
 * order, whichever way they arrived (history, catch-up, live broadcast, our own ack, REST paging).
 */
export class Timeline {
  private readonly bySeq = new Map<number, TimelineMessage>();
  private readonly removedSeqs = new Set<number>();
  private readonly mineSeqs = new Set<number>();
  private ordered: TimelineMessage[] = [];
  private dirty = false;

  /** Adds messages not seen before; returns the ones that were new (in sequence order). */
  add(messages: readonly ChatMessage[]): TimelineMessage[] {
    const fresh: TimelineMessage[] = [];
    for (const message of messages) {
      if (this.bySeq.has(message.seq) || this.removedSeqs.has(message.seq)) continue;
      const entry = { ...message, mine: message.mine === true || this.mineSeqs.has(message.seq) };
      this.bySeq.set(message.seq, entry);
      fresh.push(entry);
    }
    if (fresh.length > 0) this.dirty = true;
    return fresh.sort((a, b) => a.seq - b.seq);
  }

  /** Our own message was stored with this sequence (its broadcast may come before or after). */
  markMine(seq: number): void {
    this.mineSeqs.add(seq);
    const existing = this.bySeq.get(seq);
    if (existing && !existing.mine) {
      this.bySeq.set(seq, { ...existing, mine: true });
      this.dirty = true;
    }
  }

  /** A moderator removed it: it disappears and never comes back from a later catch-up. */
  remove(seq: number): boolean {
    this.removedSeqs.add(seq);
    const had = this.bySeq.delete(seq);
    if (had) this.dirty = true;
    return had;
  }

  /** Their author deleted her account: the messages keep their place with the placeholder words. */
  rewrite(seqs: readonly number[], alias: string, body: string): void {
    for (const seq of seqs) {
      const existing = this.bySeq.get(seq);
      if (!existing) continue;
      this.bySeq.set(seq, { ...existing, alias, body });
      this.dirty = true;
    }
  }

  has(seq: number): boolean {
    return this.bySeq.has(seq);
  }

  /** The lowest sequence shown, for paging further back. */
  oldestSeq(): number | null {
    return this.list()[0]?.seq ?? null;
  }

  list(): readonly TimelineMessage[] {
    if (this.dirty) {
      this.ordered = [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
      this.dirty = false;
    }
    return this.ordered;
  }
}
