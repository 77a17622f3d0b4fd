import type { Database } from '@bedrock/db';
import { CHAT_CLOSE } from '@bedrock/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient, clientId, createGroup, groupRoom, joinGroup, wsUrl } from './chat.helpers.ts';
import { makeRole, signup } from './helpers.ts';
import { startInstances } from './instances.ts';

// Two API instances on different ports, sharing one PostgreSQL database and one Redis, as behind a
// load balancer. Two PGlite instances cannot share a database, so this file always uses the server.

let databases: Database[] = [];
let apps: FastifyInstance[] = [];
let closeInstances: (() => Promise<void>) | undefined;
let urls: string[] = [];
let groupId: string;
let slug: string;
let roomId: string;
type Account = Awaited<ReturnType<typeof signup>>;
let alice: Account;
let bob: Account;
let carol: Account;
let moderator: Account;

beforeAll(async () => {
  ({ apps, databases, close: closeInstances } = await startInstances('chat'));
  urls = apps.map(wsUrl);
  const [one] = apps as [FastifyInstance];
  groupId = await createGroup(databases[0]!, 'open');
  alice = await signup(one);
  bob = await signup(one);
  carol = await signup(one);
  moderator = await signup(one);
  await makeRole(databases[0]!, moderator.userId, 'moderator');
  for (const account of [alice, bob, carol]) await joinGroup(databases[0]!, groupId, account.userId);
  roomId = await groupRoom(one, alice.cookie, groupId);
  const groups = await one.inject({ method: 'GET', url: '/api/groups', headers: { cookie: alice.cookie } });
  slug = groups.json<{ groups: { id: string; slug: string }[] }>().groups.find((g) => g.id === groupId)?.slug ?? '';
});

afterAll(async () => {
  await closeInstances?.();
});

async function joined(url: string, account: Account): Promise<ChatClient> {
  const client = await ChatClient.connect(url, account.cookie);
  client.send({ type: 'join', room: roomId });
  await client.next('joined');
  return client;
}

describe('two instances, one PostgreSQL, one Redis', () => {
  it('delivers every message once, in order, to clients on both instances, with presence across them', async () => {
    const a = await joined(urls[0]!, alice);
    const b = await joined(urls[1]!, bob);
    // Presence counts members on both instances.
    await a.next('presence', (p) => p.count === 2);
    await b.next('presence', (p) => p.count === 2);

    const per = 6;
    for (let i = 0; i < per; i++) {
      a.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: `from one ${i}` });
      b.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: `from two ${i}` });
    }
    for (const client of [a, b]) {
      while (client.messages().length < 2 * per) await client.next('message');
      const seqs = client.messages().map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: 2 * per }, (_, i) => i + 1));
      expect(new Set(client.messages().map((m) => m.body)).size).toBe(2 * per);
    }
    // Both saw the same thing.
    expect(a.messages().map((m) => m.id)).toEqual(b.messages().map((m) => m.id));

    // Typing crosses instances too.
    a.send({ type: 'typing', room: roomId });
    await b.next('typing');

    b.send({ type: 'leave', room: roomId });
    await a.next('presence', (p) => p.count === 1);
    a.close();
    b.close();
  });

  it('counts the flood limit across instances: 10 messages on one, the 11th on the other is refused', async () => {
    const dana = await signup(apps[0]!);
    await joinGroup(databases[0]!, groupId, dana.userId);
    const [a, b] = [await joined(urls[0]!, dana), await joined(urls[1]!, dana)];
    const ids = Array.from({ length: 10 }, () => clientId());
    for (const [i, id] of ids.entries()) a.send({ type: 'send', room: roomId, clientMsgId: id, body: `flood ${i}` });
    for (const id of ids) await a.next('ack', (ack) => ack.clientMsgId === id);
    const eleventh = clientId();
    b.send({ type: 'send', room: roomId, clientMsgId: eleventh, body: 'one too many' });
    expect(await b.next('error')).toMatchObject({ code: 'ERR_CHAT_FLOOD', clientMsgId: eleventh });
    a.close();
    b.close();
  });

  it('revokes on every instance: a ban on one drops the member on the other', async () => {
    const c = await joined(urls[1]!, carol);
    const ban = await apps[0]!.inject({
      method: 'POST',
      url: `/api/groups/${slug}/members/ban`,
      headers: { cookie: moderator.cookie },
      payload: { username: carol.username },
    });
    expect(ban.statusCode).toBe(200);
    expect(await c.next('left')).toEqual({ type: 'left', room: roomId });
    c.close();
  });

  it('logging out on one instance closes the sockets on the other', async () => {
    const b = await joined(urls[1]!, bob);
    const logout = await apps[0]!.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: bob.cookie } });
    expect(logout.statusCode).toBe(200);
    expect(await b.closed()).toBe(CHAT_CLOSE.SESSION_ENDED);
  });
});
