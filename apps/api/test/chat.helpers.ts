import { randomBytes } from 'node:crypto';
import { type Database, groupBans, groupMembers, groups, partnerVerifications } from '@bedrock/db';
import type { ChatServerEvent } from '@bedrock/shared';
import { chatServerEventSchema } from '@bedrock/shared';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';

/** A forum group created directly in the database (the forum's own routes are tested elsewhere). */
export async function createGroup(database: Database, kind: 'open' | 'partners_only'): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await database.db.insert(groups).values({
    id,
    slug: `g-${id.slice(0, 8).toLowerCase()}`,
    name: `Group ${id.slice(0, 4)}`,
    description: 'A test group',
    kind,
  });
  return id;
}

export async function joinGroup(database: Database, groupId: string, userId: string): Promise<void> {
  await database.db.insert(groupMembers).values({ groupId, userId });
}

/** Marks the account as a verified partner; returns the verification's id. */
export async function verifyPartner(database: Database, userId: string): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  await database.db.insert(partnerVerifications).values({
    id,
    userId,
    situation: 'test',
    foundVia: 'test',
    agreedAt: new Date(),
    status: 'approved',
  });
  return id;
}

export async function banFromGroup(database: Database, groupId: string, userId: string): Promise<void> {
  await database.db.insert(groupBans).values({ groupId, userId, reason: 'test' });
}

/** The group's standing room id, through the REST endpoint. */
export async function groupRoom(app: FastifyInstance, cookie: string, groupId: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url: `/api/chat/groups/${groupId}/room`, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`room lookup failed: ${response.statusCode} ${response.body}`);
  return response.json<{ room: { id: string } }>().room.id;
}

export function wsUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('app is not listening');
  return `ws://127.0.0.1:${address.port}/api/chat/ws`;
}

/**
 * A real websocket client that parses every server event with the shared schema and lets a test wait
 * for the next event matching a predicate (events are queued, so none is missed between waits).
 */
export class ChatClient {
  readonly events: ChatServerEvent[] = [];
  closeCode: number | null = null;
  private cursor = 0;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.events.push(chatServerEventSchema.parse(JSON.parse(data.toString())));
      this.wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  static connect(url: string, cookie: string, headers: Record<string, string> = {}): Promise<ChatClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers: { cookie, ...headers } });
      const client = new ChatClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  send(event: unknown): void {
    this.socket.send(typeof event === 'string' ? event : JSON.stringify(event));
  }

  /** The next event (after the previous `next`) of this type, skipping others. */
  async next<T extends ChatServerEvent['type']>(
    type: T,
    where: (event: Extract<ChatServerEvent, { type: T }>) => boolean = () => true,
  ): Promise<Extract<ChatServerEvent, { type: T }>> {
    for (;;) {
      while (this.cursor < this.events.length) {
        const event = this.events[this.cursor++]!;
        if (event.type === type && where(event as Extract<ChatServerEvent, { type: T }>)) {
          return event as Extract<ChatServerEvent, { type: T }>;
        }
      }
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) while waiting for ${type}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves with the close code once the server closes the socket. */
  async closed(): Promise<number> {
    while (this.closeCode === null) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.closeCode;
  }

  /** Every message event received so far, in arrival order. */
  messages() {
    return this.events.filter((e) => e.type === 'message');
  }

  close(): void {
    this.socket.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

let idCounter = 0;
export function clientId(): string {
  idCounter += 1;
  return `c${idCounter}-${randomBytes(6).toString('hex')}`;
}
