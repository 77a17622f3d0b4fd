import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { AuthUser } from '../auth/guards.ts';
import type { Broker } from './broker.ts';
import { Presence } from './presence.ts';

/** One joined room on one connection. */
export interface Membership {
  groupId: string;
  alias: string;
  moderator: boolean;
  /** Highest sequence this socket has been sent; live messages at or below it are skipped. */
  lastSeq: number;
  /** False while the join's catch-up is being read, so nothing live overtakes it. */
  ready: boolean;
  typingAt: number;
}

export interface Conn {
  socket: WebSocket;
  user: AuthUser;
  sessionId: string;
  rooms: Map<string, Membership>;
}

interface LocalRoom {
  conns: Set<Conn>;
  /** Sockets per user here, so the distinct count is a size, not a scan. */
  users: Map<string, number>;
  /** Highest sequence forwarded to local sockets; -1 until read from the database. */
  lastSeq: number;
  /** Messages that arrived ahead of a missing sequence, by sequence. */
  pending: Map<number, Buffer>;
  /** The latest forwarded messages, for sockets finishing a join. */
  recent: { seq: number; data: Buffer }[];
  gapTimer: NodeJS.Timeout | null;
}

const RECENT_MAX = 256;
// A socket this far behind is not reading: drop it, its client reconnects and catches up from the database.
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const GAP_WAIT_MS = 300;

export const roomChannel = (roomId: string) => `chat:room:${roomId}`;

export interface HubDeps {
  broker: Broker;
  /** The room's last sequence and, for gap repair, visible messages after a sequence, serialized. */
  lastSeq(roomId: string): Promise<number>;
  messagesBetween(roomId: string, afterSeq: number, uptoSeq: number): Promise<{ seq: number; data: string }[]>;
  onError(error: unknown): void;
}

/**
 * This instance's sockets and the rooms they joined. Every broadcast arrives through the broker (also
 * the ones sent from here), is serialized once upstream and forwarded as one buffer to every socket;
 * messages are forwarded strictly in sequence order, whatever order instances published them in.
 */
export class Hub {
  readonly instanceId = randomBytes(6).toString('hex');
  readonly rooms = new Map<string, LocalRoom>();
  readonly users = new Map<string, Set<Conn>>();
  readonly presence: Presence;

  constructor(private readonly deps: HubDeps) {
    this.presence = new Presence(deps.broker, this.instanceId, (roomId, data) => this.sendToRoom(roomId, data));
  }

  addConn(conn: Conn): number {
    const set = this.users.get(conn.user.id) ?? new Set<Conn>();
    this.users.set(conn.user.id, set);
    set.add(conn);
    return set.size;
  }

  removeConn(conn: Conn): void {
    for (const roomId of [...conn.rooms.keys()]) this.leave(conn, roomId);
    const set = this.users.get(conn.user.id);
    set?.delete(conn);
    if (set?.size === 0) this.users.delete(conn.user.id);
  }

  /** Starts receiving a room's broadcasts (not yet forwarded to this socket: see `ready`). */
  async enter(conn: Conn, roomId: string, membership: Membership): Promise<void> {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = { conns: new Set(), users: new Map(), lastSeq: -1, pending: new Map(), recent: [], gapTimer: null };
      this.rooms.set(roomId, room);
      const created = room;
      // Subscribe before reading the last sequence, so nothing published in between is missed.
      await this.deps.broker.subscribe(roomChannel(roomId), (payload) => this.onRoomPayload(roomId, payload));
      const lastSeq = await this.deps.lastSeq(roomId);
      created.lastSeq = Math.max(lastSeq, created.lastSeq);
      this.drainPending(roomId, created);
    }
    conn.rooms.set(roomId, membership);
    if (!room.conns.has(conn)) {
      room.conns.add(conn);
      room.users.set(conn.user.id, (room.users.get(conn.user.id) ?? 0) + 1);
    }
    this.presence.changed(roomId, room.users.size);
  }

  /** The join's catch-up went out up to `sentUpTo`: forward whatever was broadcast meanwhile, then go live. */
  async ready(conn: Conn, roomId: string, sentUpTo: number): Promise<void> {
    const room = this.rooms.get(roomId);
    const membership = conn.rooms.get(roomId);
    if (!room || !membership) return;
    membership.lastSeq = sentUpTo;
    const oldest = room.recent[0]?.seq ?? room.lastSeq + 1;
    if (room.lastSeq > sentUpTo && oldest > sentUpTo + 1) {
      for (const row of await this.deps.messagesBetween(roomId, sentUpTo, oldest - 1)) {
        if (row.seq > membership.lastSeq) this.write(conn, Buffer.from(row.data));
        membership.lastSeq = row.seq;
      }
    }
    for (const entry of room.recent) {
      if (entry.seq > membership.lastSeq) {
        this.write(conn, entry.data);
        membership.lastSeq = entry.seq;
      }
    }
    membership.ready = true;
    this.presence.sendCurrent(roomId, (data) => this.write(conn, data));
  }

  leave(conn: Conn, roomId: string): void {
    conn.rooms.delete(roomId);
    const room = this.rooms.get(roomId);
    if (!room?.conns.delete(conn)) return;
    const left = (room.users.get(conn.user.id) ?? 1) - 1;
    if (left > 0) room.users.set(conn.user.id, left);
    else room.users.delete(conn.user.id);
    this.presence.changed(roomId, room.users.size);
    if (room.conns.size === 0) {
      this.rooms.delete(roomId);
      if (room.gapTimer) clearTimeout(room.gapTimer);
      this.presence.forget(roomId);
      this.deps.broker.unsubscribe(roomChannel(roomId)).catch(this.deps.onError);
    }
  }

  /** Local sockets of one user (all rooms). */
  connsOf(userId: string): Conn[] {
    return [...(this.users.get(userId) ?? [])];
  }

  allConns(): Conn[] {
    return [...this.users.values()].flatMap((set) => [...set]);
  }

  write(conn: Conn, data: Buffer | string): void {
    const { socket } = conn;
    if (socket.readyState !== 1) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(data, { binary: false });
  }

  /** A non-sequenced event (removed, typing, room state) to every ready socket in the room here. */
  sendToRoom(roomId: string, data: Buffer | string): void {
    const room = this.rooms.get(roomId);
    if (!room) return;
    const buffer = typeof data === 'string' ? Buffer.from(data) : data;
    for (const conn of room.conns) if (conn.rooms.get(roomId)?.ready) this.write(conn, buffer);
  }

  /** Room payloads are `<seq>|<json>` for messages and `-|<json>` for everything else. */
  private onRoomPayload(roomId: string, payload: string): void {
    const bar = payload.indexOf('|');
    const head = payload.slice(0, bar);
    const data = Buffer.from(payload.slice(bar + 1));
    if (head === '-') {
      this.sendToRoom(roomId, data);
      return;
    }
    const room = this.rooms.get(roomId);
    if (!room) return;
    const seq = Number(head);
    if (room.lastSeq >= 0 && seq <= room.lastSeq) return;
    room.pending.set(seq, data);
    this.drainPending(roomId, room);
  }

  private drainPending(roomId: string, room: LocalRoom): void {
    if (room.lastSeq < 0) return;
    for (const seq of room.pending.keys()) if (seq <= room.lastSeq) room.pending.delete(seq);
    let next = room.pending.get(room.lastSeq + 1);
    while (next) {
      room.pending.delete(room.lastSeq + 1);
      this.forward(roomId, room, room.lastSeq + 1, next);
      next = room.pending.get(room.lastSeq + 1);
    }
    if (room.pending.size > 0 && !room.gapTimer) {
      // Another instance committed an earlier sequence but its broadcast has not arrived (or never will):
      // after a short wait, fill the hole from the database.
      room.gapTimer = setTimeout(() => {
        room.gapTimer = null;
        this.repairGap(roomId, room).catch(this.deps.onError);
      }, GAP_WAIT_MS);
    }
  }

  private async repairGap(roomId: string, room: LocalRoom): Promise<void> {
    if (room.pending.size === 0) return;
    const upto = Math.max(...room.pending.keys());
    const rows = await this.deps.messagesBetween(roomId, room.lastSeq, upto);
    for (const row of rows) if (!room.pending.has(row.seq)) room.pending.set(row.seq, Buffer.from(row.data));
    // Sequences still missing were removed or never became visible: skip over them.
    for (const seq of [...room.pending.keys()].sort((a, b) => a - b)) {
      const data = room.pending.get(seq);
      if (data && seq > room.lastSeq) this.forward(roomId, room, seq, data);
    }
    room.pending.clear();
    room.lastSeq = Math.max(room.lastSeq, upto);
  }

  private forward(roomId: string, room: LocalRoom, seq: number, data: Buffer): void {
    room.lastSeq = seq;
    room.recent.push({ seq, data });
    if (room.recent.length > RECENT_MAX) room.recent.shift();
    for (const conn of room.conns) {
      const membership = conn.rooms.get(roomId);
      if (!membership?.ready || seq <= membership.lastSeq) continue;
      membership.lastSeq = seq;
      this.write(conn, data);
    }
  }

  async close(): Promise<void> {
    for (const room of this.rooms.values()) if (room.gapTimer) clearTimeout(room.gapTimer);
    this.presence.stop();
  }
}
