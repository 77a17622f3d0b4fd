import type { Database } from '@bedrock/db';
import { CHAT_CLOSE, type ModQueueEvent, modQueueEventSchema } from '@bedrock/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ChatClient, createGroup, groupRoom, joinGroup, wsUrl } from './chat.helpers.ts';
import type { Persona } from './forum-setup.ts';
import { makeRole, signup } from './helpers.ts';
import { startInstances } from './instances.ts';
import { SAMPLES } from './moderation.helpers.ts';

// Two API instances on different ports sharing one PostgreSQL and one Redis (as chat-instances does):
// sanctions decided on one end sessions and sockets on both; queue items reach moderators on both.

let databases: Database[] = [];
let apps: FastifyInstance[] = [];
let closeInstances: (() => Promise<void>) | undefined;
let groupId: string;
let slug: string;
let roomId: string;
let threadId: string;
let moderator: Persona;

beforeAll(async () => {
  ({ apps, databases, close: closeInstances } = await startInstances('mod'));
  const [one] = apps as [FastifyInstance];
  groupId = await createGroup(databases[0]!, 'open');
  moderator = await signup(one);
  await makeRole(databases[0]!, moderator.userId, 'moderator');
  const starter = await signup(one);
  await joinGroup(databases[0]!, groupId, starter.userId);
  const groups = await one.inject({ method: 'GET', url: '/api/groups', headers: { cookie: starter.cookie } });
  slug = groups.json<{ groups: { id: string; slug: string }[] }>().groups.find((g) => g.id === groupId)?.slug ?? '';
  const thread = await one.inject({
    method: 'POST',
    url: `/api/groups/${slug}/threads`,
    headers: { cookie: starter.cookie },
    payload: { title: 'Tonight', body: 'Is anyone else awake tonight?' },
  });
  threadId = thread.json().thread.id;
  roomId = await groupRoom(one, starter.cookie, groupId);
});

afterAll(async () => {
  await closeInstances?.();
});

class QueueSocket {
  readonly events: ModQueueEvent[] = [];
  private waiters: (() => void)[] = [];
  closeCode: number | null = null;
  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.events.push(modQueueEventSchema.parse(JSON.parse(data.toString())));
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }
  static open(app: FastifyInstance, cookie: string): Promise<QueueSocket> {
    const url = wsUrl(app).replace('/api/chat/ws', '/api/mod/ws');
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers: { cookie } });
      socket.once('open', () => resolve(new QueueSocket(socket)));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }
  async until(match: (e: ModQueueEvent) => boolean): Promise<ModQueueEvent> {
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.closeCode !== null) throw new Error(`queue socket closed (${this.closeCode})`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

async function flaggedAuthor() {
  const [one, two] = apps as [FastifyInstance, FastifyInstance];
  const author = await signup(one);
  await joinGroup(databases[0]!, groupId, author.userId);
  // The same account signed in on the second instance too.
  const login = await two.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: author.username, password: 'correct horse battery staple' },
  });
  const cookieTwo = login.cookies.find((c) => c.name === 'bedrock_session');
  const reply = await one.inject({
    method: 'POST',
    url: `/api/threads/${threadId}/replies`,
    headers: { cookie: author.cookie },
    payload: { body: SAMPLES.blame_shifting },
  });
  return { author, cookieTwo: `${cookieTwo?.name}=${cookieTwo?.value}`, postId: reply.json().post.id as string };
}

async function queueItemId(app: FastifyInstance, postId: string): Promise<string> {
  const queue = await app.inject({
    method: 'GET',
    url: '/api/mod/queue?limit=100',
    headers: { cookie: moderator.cookie },
  });
  const item = queue.json().items.find((i: { target: { id: string } }) => i.target.id === postId);
  if (!item) throw new Error('no queue item');
  return item.id;
}

describe('two instances', () => {
  it('pushes a new queue item to moderators on the other instance', async () => {
    const watcher = await QueueSocket.open(apps[1]!, moderator.cookie);
    const { postId } = await flaggedAuthor();
    const id = await queueItemId(apps[0]!, postId);
    const event = await watcher.until((e) => e.type === 'item' && e.id === id);
    expect(event).toMatchObject({ type: 'item', labels: ['blame_shifting'] });
    expect(JSON.stringify(watcher.events)).not.toContain(SAMPLES.blame_shifting);
    watcher.socket.close();
  });

  it('announces a held forum post only after it has committed, so moderators can open it at once', async () => {
    const watcher = await QueueSocket.open(apps[1]!, moderator.cookie);
    const announced = watcher.until((e) => e.type === 'item');
    await flaggedAuthor();
    const event = await announced;
    const item = await apps[1]!.inject({
      method: 'GET',
      url: `/api/mod/queue/${event.type === 'item' ? event.id : ''}`,
      headers: { cookie: moderator.cookie },
    });
    expect(item.statusCode).toBe(200);
    watcher.socket.close();
  });

  it('refuses the queue socket to members', async () => {
    const member = await signup(apps[0]!);
    await expect(QueueSocket.open(apps[1]!, member.cookie)).rejects.toThrow(/403/);
  });

  for (const action of ['suspend', 'ban'] as const) {
    it(`${action}: ends the account's sessions and closes its sockets on both instances`, async () => {
      const [one, two] = apps as [FastifyInstance, FastifyInstance];
      const { author, cookieTwo, postId } = await flaggedAuthor();
      const sockets = [
        await ChatClient.connect(wsUrl(one), author.cookie),
        await ChatClient.connect(wsUrl(two), cookieTwo),
      ];
      for (const socket of sockets) {
        socket.send({ type: 'join', room: roomId });
        await socket.next('joined');
      }
      const id = await queueItemId(two, postId);
      const decided = await two.inject({
        method: 'POST',
        url: `/api/mod/queue/${id}/action`,
        headers: { cookie: moderator.cookie },
        payload: { action, reason: 'Repeated blame after warnings.', ...(action === 'suspend' ? { days: 3 } : {}) },
      });
      expect(decided.statusCode).toBe(200);
      for (const socket of sockets) expect(await socket.closed()).toBe(CHAT_CLOSE.SESSION_ENDED);
      for (const [app, cookie] of [
        [one, author.cookie],
        [two, cookieTwo],
      ] as const) {
        expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
      }
      const login = await one.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: author.username, password: 'correct horse battery staple' },
      });
      expect(login.json().error.code).toBe('ERR_ACCOUNT_SUSPENDED');
      const audit = await one.inject({
        method: 'GET',
        url: `/api/mod/audit?action=sanction.${action}`,
        headers: { cookie: moderator.cookie },
      });
      expect(audit.json().entries.length).toBeGreaterThan(0);
    });
  }
});
