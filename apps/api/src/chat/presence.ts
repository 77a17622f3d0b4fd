import type { Broker } from './broker.ts';

/**
 * "7 here" across instances, never stored: each instance announces how many distinct members it holds
 * in a room, and every instance adds up the fresh announcements. Announcements are repeated, so the
 * counts of an instance that died fade out.
 */
export const PRESENCE_CHANNEL = 'chat:presence';
const REFRESH_MS = 15_000;
const STALE_MS = 45_000;
// Many joins at once (a session starting) become one presence event per room.
const COALESCE_MS = 1000;

type Announcement = { k: 'count'; i: string; r: string; c: number } | { k: 'ask'; i: string; r: string };

interface RoomPresence {
  local: number;
  byInstance: Map<string, { count: number; at: number }>;
  lastSent: number;
  timer: NodeJS.Timeout | null;
}

export class Presence {
  private readonly rooms = new Map<string, RoomPresence>();
  private readonly refresher: NodeJS.Timeout;
  private subscribed: Promise<void> | null = null;

  constructor(
    private readonly broker: Broker,
    private readonly instanceId: string,
    private readonly send: (roomId: string, data: string) => void,
  ) {
    this.refresher = setInterval(() => {
      for (const [roomId, room] of this.rooms) this.announce(roomId, room.local);
    }, REFRESH_MS);
    this.refresher.unref();
  }

  /** Subscribes once; called before the first room is entered. */
  start(): Promise<void> {
    this.subscribed ??= this.broker.subscribe(PRESENCE_CHANNEL, (payload) => this.onAnnouncement(payload));
    return this.subscribed;
  }

  changed(roomId: string, localCount: number): void {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = { local: localCount, byInstance: new Map(), lastSent: -1, timer: null };
      this.rooms.set(roomId, room);
      this.publish({ k: 'ask', i: this.instanceId, r: roomId });
    }
    if (room.local === localCount && room.byInstance.has(this.instanceId)) return;
    room.local = localCount;
    this.announce(roomId, localCount);
  }

  forget(roomId: string): void {
    const room = this.rooms.get(roomId);
    if (room?.timer) clearTimeout(room.timer);
    this.rooms.delete(roomId);
    this.announce(roomId, 0);
  }

  total(roomId: string): number {
    const room = this.rooms.get(roomId);
    if (!room) return 0;
    const now = Date.now();
    let sum = 0;
    for (const [instance, entry] of room.byInstance) {
      if (instance === this.instanceId) sum += room.local;
      else if (now - entry.at < STALE_MS) sum += entry.count;
    }
    if (!room.byInstance.has(this.instanceId)) sum += room.local;
    return sum;
  }

  /** The current count to one socket that just finished joining. */
  sendCurrent(roomId: string, write: (data: string) => void): void {
    write(this.event(roomId));
  }

  stop(): void {
    clearInterval(this.refresher);
    for (const room of this.rooms.values()) if (room.timer) clearTimeout(room.timer);
  }

  private event(roomId: string): string {
    return JSON.stringify({ type: 'presence', room: roomId, count: this.total(roomId) });
  }

  private announce(roomId: string, count: number): void {
    this.publish({ k: 'count', i: this.instanceId, r: roomId, c: count });
  }

  private publish(message: Announcement): void {
    this.broker.publish(PRESENCE_CHANNEL, JSON.stringify(message)).catch(() => {});
  }

  private onAnnouncement(payload: string): void {
    const message = JSON.parse(payload) as Announcement;
    const room = this.rooms.get(message.r);
    if (!room) return;
    if (message.k === 'ask') {
      if (message.i !== this.instanceId) this.announce(message.r, room.local);
      return;
    }
    room.byInstance.set(message.i, { count: message.c, at: Date.now() });
    this.schedule(message.r, room);
  }

  private schedule(roomId: string, room: RoomPresence): void {
    if (room.timer) return;
    room.timer = setTimeout(() => {
      room.timer = null;
      const total = this.total(roomId);
      if (total === room.lastSent || !this.rooms.has(roomId)) return;
      room.lastSent = total;
      this.send(roomId, this.event(roomId));
    }, COALESCE_MS);
  }
}
