import type { Database } from '@bedrock/db';
import { CHAT_CLOSE, CHAT_FRAME_MAX_BYTES, CHAT_MESSAGE_MAX } from '@bedrock/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOCKETS_PER_ACCOUNT } from '../src/chat/socket.ts';
import { ChatClient, clientId, createGroup, groupRoom, joinGroup, verifyPartner, wsUrl } from './chat.helpers.ts';
import { buildTestApp, makeRole, signup } from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let url: string;
let openGroup: string;
let openRoom: string;
let partnersRoom: string;
let partnersGroup: string;
type Account = Awaited<ReturnType<typeof signup>>;
let partner: Account;
let outsider: Account;
let moderator: Account;

beforeAll(async () => {
  ({ app, database, close } = await buildTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = wsUrl(app);
  openGroup = await createGroup(database, 'open');
  partnersGroup = await createGroup(database, 'partners_only');
  partner = await signup(app);
  outsider = await signup(app);
  moderator = await signup(app);
  await makeRole(database, moderator.userId, 'moderator');
  await verifyPartner(database, partner.userId);
  for (const account of [partner, outsider]) await joinGroup(database, openGroup, account.userId);
  await joinGroup(database, partnersGroup, partner.userId);
  openRoom = await groupRoom(app, partner.cookie, openGroup);
  partnersRoom = await groupRoom(app, partner.cookie, partnersGroup);
});

afterAll(async () => {
  await close();
});

/** Everything but the per-response Date header. */
function comparable(response: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  const { date: _date, ...headers } = response.headers;
  return { status: response.statusCode, body: response.body, headers };
}

describe('who may enter', () => {
  it('refuses a partners-only room exactly as a missing one, over the socket and REST', async () => {
    const client = await ChatClient.connect(url, outsider.cookie);
    client.send({ type: 'join', room: partnersRoom });
    const hidden = await client.next('error');
    client.send({ type: 'join', room: 'no-such-room' });
    const missing = await client.next('error');
    expect(hidden).toEqual({ ...missing, room: partnersRoom });
    expect(hidden.code).toBe('ERR_NOT_FOUND');

    const get = (path: string) => app.inject({ method: 'GET', url: path, headers: { cookie: outsider.cookie } });
    for (const suffix of ['', '/messages']) {
      const a = await get(`/api/chat/rooms/${partnersRoom}${suffix}`);
      const b = await get(`/api/chat/rooms/no-such-room${suffix}`);
      expect(a.statusCode).toBe(404);
      expect(comparable(a)).toEqual(comparable(b));
    }
    client.close();
  });

  it('lets the verified member in', async () => {
    const client = await ChatClient.connect(url, partner.cookie);
    client.send({ type: 'join', room: partnersRoom });
    expect((await client.next('joined')).room.id).toBe(partnersRoom);
    client.close();
  });

  it('refuses upgrades without a session or from another origin', async () => {
    await expect(ChatClient.connect(url, '')).rejects.toThrow('upgrade refused: 401');
    await expect(ChatClient.connect(url, partner.cookie, { origin: 'https://evil.example' })).rejects.toThrow(
      'upgrade refused: 403',
    );
    const ours = await ChatClient.connect(url, partner.cookie, { origin: app.config.PUBLIC_ORIGIN });
    ours.close();
  });

  it('drops a member banned from the group at once, and refuses them afterwards', async () => {
    const client = await ChatClient.connect(url, outsider.cookie);
    client.send({ type: 'join', room: openRoom });
    await client.next('joined');
    const slug = await app.inject({ method: 'GET', url: '/api/groups', headers: { cookie: moderator.cookie } });
    const group = slug.json<{ groups: { id: string; slug: string }[] }>().groups.find((g) => g.id === openGroup);
    const ban = await app.inject({
      method: 'POST',
      url: `/api/groups/${group?.slug}/members/ban`,
      headers: { cookie: moderator.cookie },
      payload: { username: outsider.username, reason: 'test' },
    });
    expect(ban.statusCode).toBe(200);
    expect(await client.next('left')).toEqual({ type: 'left', room: openRoom });
    client.send({ type: 'join', room: openRoom });
    expect((await client.next('error')).code).toBe('ERR_NOT_FOUND');
    client.close();
  });

  it('drops a partner whose verification is revoked from partners-only rooms at once', async () => {
    const other = await signup(app);
    const verificationId = await verifyPartner(database, other.userId);
    await joinGroup(database, partnersGroup, other.userId);
    const client = await ChatClient.connect(url, other.cookie);
    client.send({ type: 'join', room: partnersRoom });
    await client.next('joined');
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/mod/verifications/${verificationId}/revoke`,
      headers: { cookie: moderator.cookie },
      payload: { reason: 'Revoked in a test of live access.' },
    });
    expect(revoke.statusCode).toBe(200);
    expect(await client.next('left')).toEqual({ type: 'left', room: partnersRoom });
    client.send({ type: 'join', room: partnersRoom });
    expect((await client.next('error')).code).toBe('ERR_NOT_FOUND');
    client.close();
  });

  it('closes the sockets of a session that logs out', async () => {
    const account = await signup(app);
    const client = await ChatClient.connect(url, account.cookie);
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: account.cookie } });
    expect(logout.statusCode).toBe(200);
    expect(await client.closed()).toBe(CHAT_CLOSE.SESSION_ENDED);
  });
});

describe('limits answer with error events and keep the connection open', () => {
  it('malformed, unknown, invalid, too long and too large frames', async () => {
    const client = await ChatClient.connect(url, partner.cookie);
    client.send('{not json');
    expect((await client.next('error')).code).toBe('ERR_CHAT_BAD_FRAME');
    client.send({ type: 'dance', room: openRoom });
    expect((await client.next('error')).code).toBe('ERR_CHAT_UNKNOWN_EVENT');
    client.send({ type: 'join' });
    expect((await client.next('error')).code).toBe('ERR_CHAT_INVALID_EVENT');
    client.send({ type: 'send', room: openRoom, clientMsgId: clientId(), body: 'x'.repeat(CHAT_MESSAGE_MAX + 1) });
    expect(await client.next('error')).toMatchObject({ code: 'ERR_CHAT_MESSAGE_TOO_LONG', room: openRoom });
    client.send({ type: 'send', room: openRoom, clientMsgId: clientId(), body: 'y'.repeat(CHAT_FRAME_MAX_BYTES) });
    expect((await client.next('error')).code).toBe('ERR_CHAT_FRAME_TOO_LARGE');
    client.send({ type: 'send', room: openRoom, clientMsgId: clientId(), body: 'not joined yet' });
    expect((await client.next('error')).code).toBe('ERR_CHAT_NOT_JOINED');

    // Still open and working.
    client.send({ type: 'join', room: openRoom });
    expect((await client.next('joined')).room.id).toBe(openRoom);
    client.close();
  });

  it('refuses a flood beyond 10 messages in 10 seconds', async () => {
    const client = await ChatClient.connect(url, partner.cookie);
    client.send({ type: 'join', room: openRoom });
    await client.next('joined');
    const ids = Array.from({ length: 11 }, () => clientId());
    for (const [i, id] of ids.entries()) client.send({ type: 'send', room: openRoom, clientMsgId: id, body: `m${i}` });
    for (const id of ids.slice(0, 10)) await client.next('ack', (a) => a.clientMsgId === id);
    expect(await client.next('error')).toMatchObject({ code: 'ERR_CHAT_FLOOD', clientMsgId: ids[10] });
    client.send({ type: 'typing', room: openRoom });
    expect((await client.next('typing')).room).toBe(openRoom);
    client.close();
  });

  it('limits sockets per account', async () => {
    const account = await signup(app);
    const open = [];
    for (let i = 0; i < MAX_SOCKETS_PER_ACCOUNT; i++) open.push(await ChatClient.connect(url, account.cookie));
    const extra = await ChatClient.connect(url, account.cookie);
    expect((await extra.next('error')).code).toBe('ERR_CHAT_TOO_MANY_SOCKETS');
    expect(await extra.closed()).toBe(CHAT_CLOSE.TOO_MANY_SOCKETS);
    for (const c of open) c.close();
  });
});
