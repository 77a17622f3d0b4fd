import {
  CHAT_CLOSE,
  type ChatMessage,
  type ChatRoomInfo,
  type ChatServerEvent,
  chatServerEventSchema,
  type Label,
} from '@bedrock/shared';
import { reconnectDelay } from './backoff.ts';
import { Timeline, type TimelineMessage } from './timeline.ts';
import type { ChatEnv, Connection, EndReason, SocketHandle } from './types.ts';

export type { Connection, EndReason } from './types.ts';

type Event<T extends ChatServerEvent['type']> = Extract<ChatServerEvent, { type: T }>;

export interface PendingMessage {
  clientMsgId: string;
  body: string;
  /** sending: not yet acknowledged (resent after a reconnect); held: waiting, with reasons; failed: refused. */
  status: 'sending' | 'held' | 'failed';
  labels: Label[];
  reasons: string[];
  error: string | null;
  retryAt: string | null;
}

export interface ChatView {
  connection: Connection;
  ended: EndReason | null;
  room: ChatRoomInfo | null;
  you: { alias: string; showUsername: boolean; moderator: boolean } | null;
  messages: readonly TimelineMessage[];
  pending: readonly PendingMessage[];
  gap: { afterSeq: number; beforeSeq: number } | null;
  olderExist: boolean;
  presence: number | null;
  typing: string[];
  crisis: { message: string; resources: { name: string; contact: string; note: string }[] } | null;
  alerts: { seq: number; labels: Label[] }[];
  notice: string | null;
}

export interface ChatClientOptions {
  room: string;
  env: ChatEnv;
  /** Server-rendered history, so the join asks only for what came after it. */
  initial?: { messages: ChatMessage[]; latestSeq: number; olderExist: boolean };
  /** Called with a short sentence for the live region (new messages, held, reconnected). */
  announce?: (text: string) => void;
}

/** The room an event is about: `joined` and `room` carry the room's info, errors may name none. */
function eventRoom(event: ChatServerEvent): string | undefined {
  if (event.type === 'joined' || event.type === 'room') return event.room.id;
  return event.room;
}

const TYPING_SEND_EVERY_MS = 2_000;
const TYPING_SHOWN_MS = 5_000;
const GAP_PAGE = 100;
const SESSION_CHECK_AFTER = 3;

/**
 * One member in one room: connects, joins with the last seen sequence, merges catch-up and live
 * messages by sequence, keeps unacknowledged messages by client id and resends them (same id, so
 * never twice) after every reconnect. Pure logic over an injected socket, clock and scheduler.
 */
export class ChatClient {
  private readonly timeline = new Timeline();
  private readonly pending = new Map<string, PendingMessage>();
  private readonly typingUntil = new Map<string, () => void>();
  private readonly listeners = new Set<(view: ChatView) => void>();
  private socket: SocketHandle | null = null;
  private generation = 0;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private joined = false;
  private everJoined = false;
  private lastSeq: number | undefined;
  private showUsername: boolean | undefined;
  private typingSentAt = -Infinity;
  private stopped = false;
  private view: ChatView;

  constructor(private readonly options: ChatClientOptions) {
    const initial = options.initial;
    if (initial) {
      this.timeline.add(initial.messages);
      const newest = initial.messages.reduce((max, m) => Math.max(max, m.seq), 0);
      this.lastSeq = Math.max(initial.latestSeq, newest);
    }
    this.view = {
      connection: 'connecting',
      ended: null,
      room: null,
      you: null,
      messages: this.timeline.list(),
      pending: [],
      gap: null,
      olderExist: initial?.olderExist ?? false,
      presence: null,
      typing: [],
      crisis: null,
      alerts: [],
      notice: null,
    };
  }

  get state(): ChatView {
    return this.view;
  }

  subscribe(listener: (view: ChatView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.options.env.isOnline()) this.connect();
    else this.update({ connection: 'offline' });
  }

  /** Leaves the room. `silent` (quick exit) just drops the socket: no leave event, nothing more sent. */
  stop({ silent = false } = {}): void {
    if (this.stopped) return;
    this.stopped = true;
    this.cancelRetry?.();
    if (!silent && this.joined) this.write({ type: 'leave', room: this.options.room });
    this.dropSocket();
    for (const cancel of this.typingUntil.values()) cancel();
  }

  /** The browser's online/offline events: go quiet at once when offline, reconnect at once when back. */
  setOnline(online: boolean): void {
    if (this.stopped || this.view.ended) return;
    if (!online) {
      this.cancelRetry?.();
      this.dropSocket();
      this.update({ connection: 'offline', presence: null, typing: [] });
    } else if (this.view.connection === 'offline' || this.view.connection === 'reconnecting') {
      this.cancelRetry?.();
      this.attempt = 0;
      this.connect();
    }
  }

  /** Queues a message; it is sent now if joined, else as soon as the room is joined again. */
  send(body: string): string {
    const clientMsgId = this.options.env.newId();
    this.pending.set(clientMsgId, {
      clientMsgId,
      body,
      status: 'sending',
      labels: [],
      reasons: [],
      error: null,
      retryAt: null,
    });
    this.transmit(clientMsgId);
    this.emit();
    return clientMsgId;
  }

  /** Sends a failed message again with the same client id, so it can never arrive twice. */
  retry(clientMsgId: string): void {
    const message = this.pending.get(clientMsgId);
    if (message?.status !== 'failed') return;
    this.pending.set(clientMsgId, { ...message, status: 'sending', error: null, retryAt: null });
    this.transmit(clientMsgId);
    this.emit();
  }

  /** Takes a held or failed message back for editing (an edit is a new message with a new id). */
  takeBack(clientMsgId: string): string | null {
    const message = this.pending.get(clientMsgId);
    if (!message || message.status === 'sending') return null;
    this.pending.delete(clientMsgId);
    this.emit();
    return message.body;
  }

  typing(): void {
    const now = this.options.env.now();
    if (!this.joined || now - this.typingSentAt < TYPING_SEND_EVERY_MS) return;
    this.typingSentAt = now;
    this.write({ type: 'typing', room: this.options.room });
  }

  /** Rejoins with the new choice; the server answers with the alias now shown. */
  setShowUsername(show: boolean): void {
    this.showUsername = show;
    if (this.joined) this.sendJoin();
  }

  dismissCrisis(): void {
    this.update({ crisis: null });
  }

  dismissNotice(): void {
    this.update({ notice: null });
  }

  /** Fills the gap marker from REST paging, a page at a time. */
  async loadMissed(): Promise<void> {
    const gap = this.view.gap;
    if (!gap) return;
    const page = await this.options.env.fetchHistory({ after: gap.afterSeq, limit: GAP_PAGE });
    const inGap = page.messages.filter((m) => m.seq < gap.beforeSeq);
    this.timeline.add(inGap);
    const reached = inGap.at(-1)?.seq ?? gap.beforeSeq;
    const done = !page.more || inGap.length < page.messages.length || reached >= gap.beforeSeq - 1;
    this.update({ gap: done ? null : { afterSeq: reached, beforeSeq: gap.beforeSeq } });
  }

  /** Pages further back than anything shown. */
  async loadOlder(): Promise<void> {
    const oldest = this.timeline.oldestSeq();
    if (oldest === null || oldest <= 1) {
      this.update({ olderExist: false });
      return;
    }
    const page = await this.options.env.fetchHistory({ before: oldest, limit: GAP_PAGE });
    this.timeline.add(page.messages);
    this.update({ olderExist: page.more });
  }

  // ---- connection ----

  private connect(): void {
    this.cancelRetry = null;
    this.dropSocket();
    const generation = ++this.generation;
    const current = () => generation === this.generation && !this.stopped;
    this.update({ connection: this.everJoined || this.attempt > 0 ? 'reconnecting' : 'connecting' });
    this.socket = this.options.env.openSocket({
      open: () => current() && this.sendJoin(),
      message: (data) => current() && this.receive(data),
      close: (code) => current() && this.closed(code),
    });
  }

  private dropSocket(): void {
    this.generation++;
    this.joined = false;
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000);
  }

  private closed(code: number): void {
    this.socket = null;
    this.joined = false;
    if (code === CHAT_CLOSE.SESSION_ENDED) {
      this.end('signed_out');
      return;
    }
    if (!this.options.env.isOnline()) {
      this.update({ connection: 'offline', presence: null, typing: [] });
      return;
    }
    const delay = reconnectDelay(this.attempt++, this.options.env.random());
    this.update({ connection: 'reconnecting', presence: null, typing: [] });
    this.cancelRetry = this.options.env.schedule(() => this.connect(), delay);
    // A refused upgrade (say, the session expired while the laptop slept) only looks like a drop: after
    // a few in a row, ask whether we are still signed in rather than retrying for ever.
    if (this.attempt === SESSION_CHECK_AFTER) void this.checkSession();
  }

  private async checkSession(): Promise<void> {
    const signedIn = await this.options.env.signedIn().catch(() => true);
    // Joined again meanwhile: the answer is stale.
    if (!signedIn && !this.stopped && !this.joined) this.end('signed_out');
  }

  private end(reason: EndReason): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.dropSocket();
    this.update({ connection: 'ended', ended: reason, presence: null, typing: [] });
  }

  private sendJoin(): void {
    this.write({
      type: 'join',
      room: this.options.room,
      ...(this.lastSeq !== undefined ? { lastSeq: this.lastSeq } : {}),
      ...(this.showUsername !== undefined ? { showUsername: this.showUsername } : {}),
    });
  }

  private write(event: Record<string, unknown>): void {
    try {
      this.socket?.send(JSON.stringify(event));
    } catch {
      // A socket closing under us: its close handler reconnects and the pending queue resends.
    }
  }

  private transmit(clientMsgId: string): void {
    const message = this.pending.get(clientMsgId);
    if (!this.joined || !message) return;
    this.write({ type: 'send', room: this.options.room, clientMsgId, body: message.body });
  }

  // ---- server events ----

  private receive(data: string): void {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = chatServerEventSchema.safeParse(json);
    if (!parsed.success) return;
    const event = parsed.data;
    if (eventRoom(event) !== undefined && eventRoom(event) !== this.options.room) return;
    switch (event.type) {
      case 'joined':
        this.onJoined(event);
        break;
      case 'message':
        this.onMessage(event);
        break;
      case 'ack':
        this.onAck(event);
        break;
      case 'held':
        this.patchPending(event.clientMsgId, {
          status: 'held',
          labels: event.labels,
          reasons: [...new Set(event.reasons.map((r) => r.reason))],
        });
        break;
      case 'crisis':
        this.update({ crisis: { message: event.message, resources: event.resources } });
        this.options.announce?.('Your message was shared. Some support options are shown below it, only to you.');
        break;
      case 'mod_alert':
        this.update({ alerts: [...this.view.alerts, { seq: event.seq, labels: event.labels }] });
        this.options.announce?.('A message in this room may need a moderator’s care. See the moderator tools.');
        break;
      case 'removed':
        this.timeline.remove(event.seq);
        this.update({ alerts: this.view.alerts.filter((a) => a.seq !== event.seq) });
        break;
      case 'anonymized':
        this.timeline.rewrite(event.seqs, event.alias, event.body);
        this.emit();
        break;
      case 'presence':
        this.update({ presence: event.count });
        break;
      case 'typing':
        this.onTyping(event.alias);
        break;
      case 'room':
        this.update({ room: event.room });
        break;
      case 'left':
        this.end('removed');
        break;
      case 'error':
        this.onError(event);
        break;
    }
  }

  private onJoined(event: Event<'joined'>): void {
    const rejoin = this.everJoined;
    this.joined = true;
    this.everJoined = true;
    this.attempt = 0;
    for (const seq of event.removed) this.timeline.remove(seq);
    const fresh = this.timeline.add(event.messages);
    this.advance(event.messages);
    this.update({
      connection: 'connected',
      room: event.room,
      you: event.you,
      gap: event.gap ?? this.view.gap,
      olderExist: this.view.olderExist || (this.timeline.oldestSeq() ?? 0) > 1,
      notice: null,
    });
    const others = fresh.filter((m) => !m.mine);
    if (rejoin && others.length === 1 && others[0]) this.announceMessage(others[0]);
    else if (rejoin && others.length > 1) this.options.announce?.(`${others.length} new messages while you were away.`);
    for (const [id, message] of this.pending) if (message.status === 'sending') this.transmit(id);
  }

  private onMessage(event: Event<'message'>): void {
    const { type: _type, ...message } = event;
    const fresh = this.timeline.add([message]);
    this.advance([message]);
    this.clearTyping(message.alias);
    this.emit();
    for (const m of fresh) if (!m.mine) this.announceMessage(m);
  }

  private onAck(event: Event<'ack'>): void {
    const message = this.pending.get(event.clientMsgId);
    this.pending.delete(event.clientMsgId);
    this.timeline.markMine(event.seq);
    if (message && !this.timeline.has(event.seq)) {
      // Shown at once; the broadcast of the same sequence is then a duplicate and is skipped.
      this.timeline.add([
        {
          room: event.room,
          seq: event.seq,
          id: event.id,
          alias: this.view.you?.alias ?? '',
          body: message.body,
          at: new Date(this.options.env.now()).toISOString(),
          mine: true,
        },
      ]);
    }
    this.emit();
  }

  private onError(event: Event<'error'>): void {
    if (event.clientMsgId && this.pending.has(event.clientMsgId)) {
      // Not joined (yet): the next join resends it.
      if (event.code !== 'ERR_CHAT_NOT_JOINED') {
        this.patchPending(event.clientMsgId, {
          status: 'failed',
          error: event.message,
          retryAt: event.retryAt ?? null,
        });
      }
    } else if (event.code === 'ERR_NOT_FOUND' && !this.joined) {
      this.end('not_found');
    } else {
      this.update({ notice: event.message });
    }
  }

  private onTyping(alias: string): void {
    if (alias === this.view.you?.alias) return;
    this.typingUntil.get(alias)?.();
    this.typingUntil.set(
      alias,
      this.options.env.schedule(() => this.clearTyping(alias), TYPING_SHOWN_MS),
    );
    this.update({ typing: [...this.typingUntil.keys()] });
  }

  private clearTyping(alias: string): void {
    const cancel = this.typingUntil.get(alias);
    if (!cancel) return;
    cancel();
    this.typingUntil.delete(alias);
    this.update({ typing: [...this.typingUntil.keys()] });
  }

  private advance(messages: readonly ChatMessage[]): void {
    for (const m of messages) if (this.lastSeq === undefined || m.seq > this.lastSeq) this.lastSeq = m.seq;
  }

  private announceMessage(message: TimelineMessage): void {
    this.options.announce?.(`${message.alias}: ${message.body}`);
  }

  private patchPending(clientMsgId: string, patch: Partial<PendingMessage>): void {
    const message = this.pending.get(clientMsgId);
    if (!message) return;
    this.pending.set(clientMsgId, { ...message, ...patch });
    if (patch.status === 'held') this.options.announce?.('Your message is waiting. Here is why, below the box.');
    this.emit();
  }

  private update(patch: Partial<ChatView>): void {
    this.view = { ...this.view, ...patch };
    this.emit();
  }

  private emit(): void {
    this.view = { ...this.view, messages: this.timeline.list(), pending: [...this.pending.values()] };
    for (const listener of this.listeners) listener(this.view);
  }
}
