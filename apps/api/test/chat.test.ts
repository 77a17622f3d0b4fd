import type { Database } from '@bedrock/db';
import { CHAT_CATCH_UP_MAX } from '@bedrock/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAlias, insertMessage } from '../src/chat/repository.ts';
import { ChatClient, clientId, createGroup, groupRoom, joinGroup, wsUrl } from './chat.helpers.ts';
import { buildTestApp, signup } from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let url: string;
let groupId: string;
let roomId: string;
const alice = { cookie: '', userId: '' };
const bob = { cookie: '', userId: '' };

beforeAll(async () => {
  ({ app, database, close } = await buildTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = wsUrl(app);
  groupId = await createGroup(database, 'open');
  for (const member of [alice, bob]) {
    const account = await signup(app);
    Object.assign(member, { cookie: account.cookie, userId: account.userId });
    await joinGroup(database, groupId, account.userId);
  }
  roomId = await groupRoom(app, alice.cookie, groupId);
});

afterAll(async () => {
  await close();
});

describe('durable send, ack and catch-up', () => {
  it('acks after storing, broadcasts to the room, and shows history on join', async () => {
    const a = await ChatClient.connect(url, alice.cookie);
    const b = await ChatClient.connect(url, bob.cookie);
    a.send({ type: 'join', room: roomId });
    b.send({ type: 'join', room: roomId });
    const joined = await a.next('joined');
    expect(joined.room.id).toBe(roomId);
    expect(joined.messages).toEqual([]);
    await b.next('joined');

    const id = clientId();
    a.send({ type: 'send', room: roomId, clientMsgId: id, body: 'Hello, is anyone up?' });
    const ack = await a.next('ack');
    expect(ack).toMatchObject({ room: roomId, clientMsgId: id, seq: 1 });
    const seen = await b.next('message');
    expect(seen).toMatchObject({ room: roomId, seq: 1, id: ack.id, body: 'Hello, is anyone up?' });
    expect(seen.alias).toBe(joined.you.alias);
    // Nothing in the broadcast identifies the account.
    expect(JSON.stringify(seen)).not.toContain(alice.userId);

    const late = await ChatClient.connect(url, bob.cookie);
    late.send({ type: 'join', room: roomId });
    const history = await late.next('joined');
    expect(history.messages.map((m) => m.body)).toEqual(['Hello, is anyone up?']);
    expect(history.messages[0]?.mine).toBeUndefined();
    for (const c of [a, b, late]) c.close();
  });

  it('replays exactly the missed messages, in order, after a socket dies mid-stream', async () => {
    const sender = await ChatClient.connect(url, alice.cookie);
    const reader = await ChatClient.connect(url, bob.cookie);
    sender.send({ type: 'join', room: roomId });
    reader.send({ type: 'join', room: roomId });
    const start = (await sender.next('joined')).room.latestSeq;
    await reader.next('joined');

    const bodies = Array.from({ length: 8 }, (_, i) => `line ${i + 1}`);
    for (const body of bodies.slice(0, 3)) sender.send({ type: 'send', room: roomId, clientMsgId: clientId(), body });
    const third = await reader.next('message', (m) => m.body === 'line 3');
    reader.close(); // killed mid-stream, without a goodbye
    for (const body of bodies.slice(3)) sender.send({ type: 'send', room: roomId, clientMsgId: clientId(), body });
    await sender.next('ack', (a) => a.seq === start + 8);

    const back = await ChatClient.connect(url, bob.cookie);
    back.send({ type: 'join', room: roomId, lastSeq: third.seq });
    const joined = await back.next('joined');
    expect(joined.gap).toBeNull();
    expect(joined.messages.map((m) => m.body)).toEqual(bodies.slice(3));
    expect(joined.messages.map((m) => m.seq)).toEqual([4, 5, 6, 7, 8].map((n) => start + n));

    // And it is live again: the next message arrives once.
    sender.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'still here' });
    expect((await back.next('message')).body).toBe('still here');
    sender.close();
    back.close();
  });

  it('never stores a resend twice', async () => {
    // Bob has not written yet, so the flood limit (10 in 10 s) cannot get in the way.
    const a = await ChatClient.connect(url, bob.cookie);
    a.send({ type: 'join', room: roomId });
    await a.next('joined');
    const id = clientId();
    a.send({ type: 'send', room: roomId, clientMsgId: id, body: 'Good evening, everyone.' });
    const first = await a.next('ack');
    a.send({ type: 'send', room: roomId, clientMsgId: id, body: 'Good evening, everyone.' });
    const second = await a.next('ack');
    expect(second).toEqual(first);

    const page = await app.inject({
      method: 'GET',
      url: `/api/chat/rooms/${roomId}/messages?after=0&limit=100`,
      headers: { cookie: bob.cookie },
    });
    const bodies = page.json<{ messages: { body: string; mine?: boolean }[] }>().messages;
    expect(bodies.filter((m) => m.body === 'Good evening, everyone.')).toEqual([
      expect.objectContaining({ mine: true }),
    ]);
    a.close();
  });

  it('pages history over REST and answers a big gap with a marker', async () => {
    const a = await ChatClient.connect(url, alice.cookie);
    a.send({ type: 'join', room: roomId });
    const before = (await a.next('joined')).room.latestSeq;
    // More than the catch-up cap, stored through the same insert the socket uses (the flood limit
    // would take minutes over the socket).
    for (let i = 0; i < CHAT_CATCH_UP_MAX + 5; i++) {
      await insertMessage(database.db, {
        roomId,
        authorId: bob.userId,
        clientMsgId: clientId(),
        alias: 'Bulk',
        body: `bulk ${i}`,
        labels: [],
        held: false,
      });
    }
    const latest = before + CHAT_CATCH_UP_MAX + 5;
    const back = await ChatClient.connect(url, alice.cookie);
    back.send({ type: 'join', room: roomId, lastSeq: before });
    const joined = await back.next('joined');
    expect(joined.messages).toHaveLength(CHAT_CATCH_UP_MAX);
    expect(joined.messages.at(-1)?.seq).toBe(latest);
    expect(joined.gap).toEqual({ afterSeq: before, beforeSeq: latest - CHAT_CATCH_UP_MAX + 1 });

    // The hole is filled over REST, page by page.
    const page = await app.inject({
      method: 'GET',
      url: `/api/chat/rooms/${roomId}/messages?after=${before}&limit=100`,
      headers: { cookie: alice.cookie },
    });
    const body = page.json<{ messages: { seq: number }[]; more: boolean }>();
    expect(body.messages.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => before + 1 + i));
    expect(body.more).toBe(true);
    const older = await app.inject({
      method: 'GET',
      url: `/api/chat/rooms/${roomId}/messages?before=${latest}&limit=2`,
      headers: { cookie: alice.cookie },
    });
    expect(older.json<{ messages: { seq: number }[] }>().messages.map((m) => m.seq)).toEqual([latest - 2, latest - 1]);
    a.close();
    back.close();
  });

  it('gives each member a room alias of their own, stable across joins', async () => {
    const first = await ChatClient.connect(url, alice.cookie);
    first.send({ type: 'join', room: roomId });
    const again = await ChatClient.connect(url, alice.cookie);
    again.send({ type: 'join', room: roomId });
    const other = await ChatClient.connect(url, bob.cookie);
    other.send({ type: 'join', room: roomId });
    const [a1, a2, b1] = [await first.next('joined'), await again.next('joined'), await other.next('joined')];
    expect(a1.you.alias).toBe(a2.you.alias);
    expect(a1.you.alias).not.toBe(b1.you.alias);
    for (const c of [first, again, other]) c.close();

    // When two members' first candidates collide, the second claims the next one.
    const room = await insertRoomForAliases();
    const candidate = (n: number) => (n === 0 ? 'Same Heron' : `Other Heron ${n}`);
    expect(await claimAlias(database.db, room, alice.userId, candidate)).toBe('Same Heron');
    expect(await claimAlias(database.db, room, bob.userId, candidate)).toBe('Other Heron 1');
    expect(await claimAlias(database.db, room, alice.userId, candidate)).toBe('Same Heron');
  });
});

async function insertRoomForAliases(): Promise<string> {
  const other = await createGroup(database, 'open');
  return groupRoom(app, alice.cookie, other);
}
