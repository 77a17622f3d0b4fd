import type { ChatMessage, ChatServerEvent } from '@bedrock/shared';
import type { ChatEnv, SocketHandlers } from './types.ts';

/** A socket the test plays the server for: it sees every frame the client sends and answers by hand. */
export class FakeSocket {
  readonly sent: Record<string, unknown>[] = [];
  closedWith: number | null = null;

  constructor(private readonly handlers: SocketHandlers) {}

  open(): void {
    this.handlers.open();
  }

  serve(event: ChatServerEvent): void {
    this.handlers.message(JSON.stringify(event));
  }

  serveRaw(data: string): void {
    this.handlers.message(data);
  }

  /** The connection is lost (or closed by the server with `code`). */
  drop(code = 1006): void {
    this.handlers.close(code);
  }

  sentOfType(type: string): Record<string, unknown>[] {
    return this.sent.filter((e) => e.type === type);
  }
}

export interface FakeTimer {
  ms: number;
  run(): void;
  cancelled: boolean;
}

export function fakeEnv(history: ChatMessage[] = []) {
  const sockets: FakeSocket[] = [];
  const timers: FakeTimer[] = [];
  const state = { online: true, signedIn: true, now: 1_700_000_000_000, nextId: 0 };
  const env: ChatEnv = {
    openSocket(handlers) {
      const socket = new FakeSocket(handlers);
      sockets.push(socket);
      return {
        send: (data) => socket.sent.push(JSON.parse(data) as Record<string, unknown>),
        close: (code) => {
          socket.closedWith = code ?? 1000;
        },
      };
    },
    async fetchHistory({ after, before, limit }) {
      let rows = history.filter(
        (m) => (after === undefined || m.seq > after) && (before === undefined || m.seq < before),
      );
      const more = rows.length > limit;
      rows = after !== undefined ? rows.slice(0, limit) : rows.slice(-limit);
      return { messages: rows, more };
    },
    schedule(run, ms) {
      const timer: FakeTimer = { ms, cancelled: false, run };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    now: () => state.now,
    random: () => 0.5,
    isOnline: () => state.online,
    signedIn: async () => state.signedIn,
    newId: () => `client-msg-${String(++state.nextId).padStart(4, '0')}`,
  };
  return {
    env,
    sockets,
    state,
    /** The newest socket the client opened. */
    last(): FakeSocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was opened');
      return socket;
    },
    /** Timers still waiting to run. */
    waiting(): FakeTimer[] {
      return timers.filter((t) => !t.cancelled);
    },
    /** Runs every waiting timer whose delay is `ms` or less, once. */
    runTimers(): void {
      for (const timer of timers.filter((t) => !t.cancelled)) {
        timer.cancelled = true;
        timer.run();
      }
    },
  };
}

export const ROOM = 'room-1';

export function msg(seq: number, alias = 'Quiet Harbor', body = `message ${seq}`): ChatMessage {
  return { room: ROOM, seq, id: `id-${seq}`, alias, body, at: '2026-11-23T21:00:00.000Z' };
}

export function joined(messages: ChatMessage[], extra: Partial<Extract<ChatServerEvent, { type: 'joined' }>> = {}) {
  const latestSeq = messages.reduce((max, m) => Math.max(max, m.seq), 0);
  return {
    type: 'joined' as const,
    room: {
      id: ROOM,
      groupId: 'group-1',
      kind: 'group' as const,
      title: null,
      startsAt: null,
      endsAt: null,
      state: 'open' as const,
      slowModeSeconds: 0,
      latestSeq,
    },
    you: { alias: 'Gentle Fern', showUsername: false, moderator: false },
    messages,
    gap: null,
    removed: [],
    ...extra,
  };
}
