import { randomBytes } from 'node:crypto';
import { createDatabase, type Database, defaultMigrationsFolder } from '@bedrock/db';
import { CHAT_CLOSE } from '@bedrock/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { ChatClient, clientId, createGroup, groupRoom, joinGroup, wsUrl } from './chat.helpers.ts';
import { makeRole, signup, testConfig } from './helpers.ts';

// Two API instances on different ports, sharing one PostgreSQL database and one Redis, as behind a
// load balancer. Two PGlite instances cannot share a database, so this file always uses the server.
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = 'redis://127.0.0.1:6379';
const dbName = `bedrock_chat_${randomBytes(6).toString('hex')}`;

async function admin(statement: string): Promise<void> {
  const server = await createDatabase({ url: SERVER_URL, poolSize: 1 });
  await server.db.execute(sql.raw(statement));
  await server.close();
}

let databases: Database[] = [];
let apps: FastifyInstance[] = [];
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
  await admin(`create database "${dbName}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  databases = [await createDatabase({ url: url.toString() }), await createDatabase({ url: url.toString() })];
  await databases[0]!.migrate(defaultMigrationsFolder);
  const config = testConfig({ REDIS_URL });
  apps = await Promise.all(databases.map((database) => buildApp({ config, database, logger: false })));
  for (const app of apps) await app.listen({ port: 0, host: '127.0.0.1' });
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
  for (const app of apps) await app.close();
  for (const database of databases) await database.close();
  await admin(`drop database if exists "${dbName}" with (force)`);
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
