import { chatMessages, type Database } from '@bedrock/db';
import { LABELS, PRIORITY } from '@bedrock/shared';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ChatClient, clientId, createGroup, groupRoom, joinGroup, wsUrl } from './chat.helpers.ts';
import { expectStatus, type Persona } from './forum-setup.ts';
import { buildTestApp, makeRole, signup } from './helpers.ts';
import { itemFor, KIND_TEXT, SAMPLES, setPolicy } from './moderation.helpers.ts';

// Chat follows the same per-group policy as the forum, through chat's moderation seam.
let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let url: string;
let groupId: string;
let roomId: string;
let admin: Persona;
let moderator: Persona;
let listener: Persona;

beforeAll(async () => {
  ({ app, database, close } = await buildTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = wsUrl(app);
  groupId = await createGroup(database, 'open');
  [admin, moderator, listener] = [await signup(app), await signup(app), await signup(app)];
  await makeRole(database, admin.userId, 'admin');
  await makeRole(database, moderator.userId, 'moderator');
  await joinGroup(database, groupId, listener.userId);
  roomId = await groupRoom(app, listener.cookie, groupId);
});
afterAll(async () => close());

async function member(): Promise<{ persona: Persona; socket: ChatClient }> {
  const persona = await signup(app);
  await joinGroup(database, groupId, persona.userId);
  return { persona, socket: await joined(persona) };
}

async function joined(persona: Persona): Promise<ChatClient> {
  const socket = await ChatClient.connect(url, persona.cookie);
  socket.send({ type: 'join', room: roomId });
  await socket.next('joined');
  return socket;
}

const act = (id: string, body: object) =>
  app.inject({
    method: 'POST',
    url: `/api/mod/queue/${id}/action`,
    headers: { cookie: moderator.cookie },
    payload: body,
  });

describe('chat policy matrix: each label held or delivered', () => {
  for (const label of LABELS) {
    for (const action of ['hold', 'publish'] as const) {
      it(`${label} → ${action}`, async () => {
        await setPolicy(app, admin, groupId, label, action);
        onTestFinished(() => setPolicy(app, admin, groupId, label, label === 'crisis' ? 'publish' : 'hold'));
        const { socket: sender } = await member();
        const reader = await joined(listener);
        const id = clientId();
        sender.send({ type: 'send', room: roomId, clientMsgId: id, body: SAMPLES[label] });
        if (action === 'hold') {
          const held = await sender.next('held', (e) => e.clientMsgId === id);
          expect(held.labels).toContain(label);
          expect(held.reasons.every((r) => r.reason.length > 0)).toBe(true);
        } else {
          await sender.next('ack', (e) => e.clientMsgId === id);
        }
        // A marker after it: the reader sees the flagged message first only when it was delivered.
        const marker = clientId();
        sender.send({ type: 'send', room: roomId, clientMsgId: marker, body: KIND_TEXT });
        const first = await reader.next('message');
        expect(first.body).toBe(action === 'hold' ? KIND_TEXT : SAMPLES[label]);
        if (label === 'crisis' && action === 'publish') {
          const crisis = await sender.next('crisis', (e) => e.clientMsgId === id);
          expect(crisis.resources.length).toBeGreaterThan(0);
        }
        // Either way the message is in the moderators' queue, crisis first.
        const queue = await app.inject({
          method: 'GET',
          url: '/api/mod/queue?limit=100',
          headers: { cookie: moderator.cookie },
        });
        const item = queue
          .json()
          .items.find(
            (i: { labels: string[]; target: { type: string; status: string } }) =>
              i.labels.includes(label) &&
              i.target.type === 'chat_message' &&
              i.target.status === (action === 'hold' ? 'held' : 'visible'),
          );
        expect(item?.priority).toBe(label === 'crisis' ? PRIORITY.crisis : PRIORITY.classifier);
        sender.close();
        reader.close();
      });
    }
  }
});

describe('moderator decisions reach the room live', () => {
  it('approving a held message delivers it with the next sequence; removing one takes it away', async () => {
    const { socket: sender } = await member();
    const reader = await joined(listener);
    const heldId = clientId();
    sender.send({ type: 'send', room: roomId, clientMsgId: heldId, body: SAMPLES.invalidating });
    await sender.next('held', (e) => e.clientMsgId === heldId);
    const queue = await app.inject({
      method: 'GET',
      url: '/api/mod/queue?limit=100',
      headers: { cookie: moderator.cookie },
    });
    const item = queue
      .json()
      .items.find(
        (i: { target: { type: string; status: string; text: string } }) =>
          i.target.type === 'chat_message' && i.target.status === 'held' && i.target.text === SAMPLES.invalidating,
      );
    expect(item).toBeDefined();
    await expectStatus(await act(item.id, { action: 'approve' }), 200);
    const delivered = await reader.next('message', (m) => m.body === SAMPLES.invalidating);
    expect(delivered.seq).toBeGreaterThan(0);

    const other = await itemFor(app, moderator, item.target.id).catch(() => null);
    expect(other).toBeNull();
    const crisisId = clientId();
    sender.send({ type: 'send', room: roomId, clientMsgId: crisisId, body: SAMPLES.crisis });
    const ack = await sender.next('ack', (e) => e.clientMsgId === crisisId);
    const crisisItem = await itemFor(app, moderator, ack.id);
    await expectStatus(await act(crisisItem.id, { action: 'remove', reason: 'Moved to a private check-in.' }), 200);
    const removed = await reader.next('removed', (e) => e.seq === ack.seq);
    expect(removed.room).toBe(roomId);
    sender.close();
    reader.close();
  });

  it('a muted member cannot send, with a clear error event', async () => {
    const { persona, socket } = await member();
    const id = clientId();
    socket.send({ type: 'send', room: roomId, clientMsgId: id, body: SAMPLES.minimizing });
    await socket.next('held', (e) => e.clientMsgId === id);
    const item = await itemFor(app, moderator, (await heldMessageId(persona.userId))!);
    await expectStatus(await act(item.id, { action: 'mute', hours: 1, reason: 'A short pause.' }), 200);
    const next = clientId();
    socket.send({ type: 'send', room: roomId, clientMsgId: next, body: 'Hello again' });
    const error = await socket.next('error', (e) => e.clientMsgId === next);
    expect(error.code).toBe('ERR_MODERATION_MUTED');
    socket.close();
  });
});

async function heldMessageId(userId: string): Promise<string | undefined> {
  const [row] = await database.db
    .select({ id: chatMessages.id })
    .from(chatMessages)
    .where(and(eq(chatMessages.authorId, userId), eq(chatMessages.status, 'held')));
  return row?.id;
}
