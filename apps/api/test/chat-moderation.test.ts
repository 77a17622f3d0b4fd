import type { Database } from '@bedrock/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient, clientId, createGroup, groupRoom, joinGroup, wsUrl } from './chat.helpers.ts';
import { buildTestApp, makeRole, signup } from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let url: string;
let groupId: string;
let roomId: string;
type Account = Awaited<ReturnType<typeof signup>>;
let alice: Account;
let bob: Account;
let moderator: Account;

beforeAll(async () => {
  ({ app, database, close } = await buildTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = wsUrl(app);
  groupId = await createGroup(database, 'open');
  alice = await signup(app);
  bob = await signup(app);
  moderator = await signup(app);
  await makeRole(database, moderator.userId, 'moderator');
  for (const account of [alice, bob]) await joinGroup(database, groupId, account.userId);
  roomId = await groupRoom(app, alice.cookie, groupId);
});

afterAll(async () => {
  await close();
});

async function inRoom(account: Account, room = roomId, extra: object = {}): Promise<ChatClient> {
  const client = await ChatClient.connect(url, account.cookie);
  client.send({ type: 'join', room, ...extra });
  await client.next('joined');
  return client;
}

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, account: Account, payload?: object) =>
  app.inject({ method, url: `/api${path}`, headers: { cookie: account.cookie }, ...(payload ? { payload } : {}) });

describe('classified before broadcast', () => {
  it('holds blame-shifting and identifying details: not broadcast, the sender is told why', async () => {
    const a = await inRoom(alice);
    const b = await inRoom(bob);
    const held = clientId();
    a.send({
      type: 'send',
      room: roomId,
      clientMsgId: held,
      body: 'Maybe if you had paid more attention to him he would not have strayed.',
    });
    const notice = await a.next('held');
    expect(notice.clientMsgId).toBe(held);
    expect(notice.labels).toEqual(['blame_shifting']);
    expect(notice.reasons[0]?.reason).toMatch(/cause of the betrayal/);

    const doxx = clientId();
    a.send({ type: 'send', room: roomId, clientMsgId: doxx, body: 'Call me on 555-123-4567 any time.' });
    expect((await a.next('held')).labels).toEqual(['identifying_info']);

    // Edited and resent under a new id, it goes through; bob's next message is that one, not the held ones.
    a.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'I hear how much this hurts.' });
    await a.next('ack');
    expect((await b.next('message')).body).toBe('I hear how much this hurts.');
    // A resend of a held id is held again, never published.
    a.send({
      type: 'send',
      room: roomId,
      clientMsgId: held,
      body: 'Maybe if you had paid more attention to him he would not have strayed.',
    });
    expect((await a.next('held')).clientMsgId).toBe(held);
    a.close();
    b.close();
  });

  it('delivers a crisis message, shows the sender resources and alerts moderators live', async () => {
    const mod = await ChatClient.connect(url, moderator.cookie);
    const a = await inRoom(alice);
    const b = await inRoom(bob);
    const id = clientId();
    a.send({
      type: 'send',
      room: roomId,
      clientMsgId: id,
      body: 'I do not want to be here anymore. I am going to end my life tonight.',
    });
    const ack = await a.next('ack');
    const crisis = await a.next('crisis');
    expect(crisis.clientMsgId).toBe(id);
    expect(crisis.resources.length).toBeGreaterThan(0);
    expect((await b.next('message')).seq).toBe(ack.seq);
    // Resources go to the author only.
    expect(b.events.some((e) => e.type === 'crisis')).toBe(false);
    expect(await mod.next('mod_alert')).toEqual({ type: 'mod_alert', room: roomId, seq: ack.seq, labels: ['crisis'] });
    for (const c of [mod, a, b]) c.close();
  });
});

describe('moderator tools', () => {
  it('deletes a message for everyone, live and in history', async () => {
    const a = await inRoom(alice);
    const b = await inRoom(bob);
    a.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'to be removed' });
    const { seq } = await a.next('ack');
    expect((await api('DELETE', `/chat/rooms/${roomId}/messages/${seq}`, bob)).statusCode).toBe(403);
    expect((await api('DELETE', `/chat/rooms/${roomId}/messages/${seq}`, moderator)).statusCode).toBe(200);
    expect(await b.next('removed')).toEqual({ type: 'removed', room: roomId, seq });
    const back = await inRoom(bob, roomId, { lastSeq: seq - 1 });
    const joined = back.events.find((e) => e.type === 'joined');
    expect(joined?.type === 'joined' && joined.messages.map((m) => m.seq)).not.toContain(seq);
    expect(joined?.type === 'joined' && joined.removed).toContain(seq);
    for (const c of [a, b, back]) c.close();
  });

  it('mutes the author of a message for N minutes', async () => {
    const b = await inRoom(bob);
    b.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'hello' });
    const { seq } = await b.next('ack');
    const mute = await api('POST', `/chat/rooms/${roomId}/mutes`, moderator, { seq, minutes: 5 });
    expect(mute.statusCode).toBe(200);
    b.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'am I muted?' });
    const error = await b.next('error');
    expect(error.code).toBe('ERR_CHAT_MUTED');
    expect(error.retryAt).toBe(mute.json<{ until: string }>().until);
    b.close();
  });

  it('records in-room moderator actions in the audit log', async () => {
    // Someone not muted by the test before.
    const dana = await signup(app);
    await joinGroup(database, groupId, dana.userId);
    const b = await inRoom(dana);
    b.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'audit me' });
    const { seq } = await b.next('ack');
    expect((await api('DELETE', `/chat/rooms/${roomId}/messages/${seq}`, moderator)).statusCode).toBe(200);
    expect((await api('PATCH', `/chat/rooms/${roomId}`, moderator, { closed: true })).statusCode).toBe(200);
    expect((await api('PATCH', `/chat/rooms/${roomId}`, moderator, { closed: false })).statusCode).toBe(200);
    const log = await api('GET', '/mod/audit?limit=50', moderator);
    expect(log.statusCode).toBe(200);
    const entries = log.json<{ entries: { action: string; target: string; actor: string | null }[] }>().entries;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'chat.remove_message',
          target: `${roomId}:${seq}`,
          actor: moderator.username,
        }),
        expect.objectContaining({ action: 'chat.close_room', target: roomId }),
        expect.objectContaining({ action: 'chat.reopen_room', target: roomId }),
      ]),
    );
    b.close();
  });

  it('slow mode, close and reopen, announced live', async () => {
    // Someone who has not written here yet, so slow mode starts from their first message.
    const carol = await signup(app);
    await joinGroup(database, groupId, carol.userId);
    const a = await inRoom(carol);
    const slow = await api('PATCH', `/chat/rooms/${roomId}`, moderator, { slowModeSeconds: 60 });
    expect(slow.json<{ room: { slowModeSeconds: number } }>().room.slowModeSeconds).toBe(60);
    expect((await a.next('room')).room.slowModeSeconds).toBe(60);
    a.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'first' });
    await a.next('ack');
    a.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'second' });
    expect((await a.next('error')).code).toBe('ERR_CHAT_SLOW_MODE');

    await api('PATCH', `/chat/rooms/${roomId}`, moderator, { slowModeSeconds: 0, closed: true });
    expect((await a.next('room')).room.state).toBe('closed');
    a.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'closed?' });
    expect((await a.next('error')).code).toBe('ERR_CHAT_ROOM_CLOSED');
    await api('PATCH', `/chat/rooms/${roomId}`, moderator, { closed: false });
    expect((await a.next('room')).room.state).toBe('open');
    a.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'open again' });
    await a.next('ack');
    a.close();
  });

  it('facilitated sessions open at the start and turn read-only at the end', async () => {
    const hour = 3_600_000;
    const future = await api('POST', '/chat/sessions', moderator, {
      groupId,
      title: 'Evening circle',
      startsAt: new Date(Date.now() + hour).toISOString(),
      endsAt: new Date(Date.now() + 2 * hour).toISOString(),
      facilitators: [alice.username],
    });
    expect(future.statusCode).toBe(201);
    const session = future.json<{ room: { id: string; state: string } }>().room;
    expect(session.state).toBe('scheduled');
    const audited = await api('GET', '/mod/audit?action=chat.session_create', moderator);
    expect(audited.json<{ entries: { target: string }[] }>().entries.map((e) => e.target)).toContain(session.id);
    expect(
      (
        await api('POST', '/chat/sessions', alice, {
          groupId,
          title: 'Mine',
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + hour).toISOString(),
        })
      ).statusCode,
    ).toBe(403);

    const b = await inRoom(bob, session.id);
    b.send({ type: 'send', room: session.id, clientMsgId: clientId(), body: 'early' });
    expect((await b.next('error')).code).toBe('ERR_CHAT_NOT_STARTED');

    // Moved to now: open; the facilitator may moderate it.
    const now = await api('PATCH', `/chat/sessions/${session.id}`, moderator, {
      startsAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(now.json<{ room: { state: string } }>().room.state).toBe('open');
    expect((await b.next('room')).room.state).toBe('open');
    b.send({ type: 'send', room: session.id, clientMsgId: clientId(), body: 'now we talk' });
    const { seq } = await b.next('ack');
    expect((await api('DELETE', `/chat/rooms/${session.id}/messages/${seq}`, alice)).statusCode).toBe(200);

    const ended = await api('PATCH', `/chat/sessions/${session.id}`, moderator, {
      startsAt: new Date(Date.now() - 2 * hour).toISOString(),
      endsAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(ended.json<{ room: { state: string } }>().room.state).toBe('ended');
    b.send({ type: 'send', room: session.id, clientMsgId: clientId(), body: 'late' });
    expect((await b.next('error')).code).toBe('ERR_CHAT_ENDED');

    const list = await api('GET', `/chat/groups/${groupId}/sessions`, bob);
    expect(list.json<{ sessions: { id: string }[] }>().sessions.map((s) => s.id)).toEqual([session.id]);
    expect((await api('DELETE', `/chat/sessions/${session.id}`, moderator)).statusCode).toBe(200);
    b.close();
  });

  it('shows the username only to those who choose it, per room', async () => {
    const a = await inRoom(alice, roomId, { showUsername: true });
    const joined = a.events.find((e) => e.type === 'joined');
    expect(joined?.type === 'joined' && joined.you).toMatchObject({ alias: alice.username, showUsername: true });
    const anonymous = await inRoom(alice, roomId, { showUsername: false });
    const again = anonymous.events.find((e) => e.type === 'joined');
    expect(again?.type === 'joined' && again.you.alias).not.toBe(alice.username);
    a.close();
    anonymous.close();
  });
});
