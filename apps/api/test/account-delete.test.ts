import {
  chatMembers,
  type Database,
  groupMembers,
  moderationFlags,
  partnerVerifications,
  postReactions,
  posts,
  recoveryCodes,
  sessions,
  users,
} from '@bedrock/db';
import { CHAT_CLOSE, DELETED_CHAT_ALIAS, DELETED_CHAT_BODY } from '@bedrock/shared';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient, clientId, groupRoom, wsUrl } from './chat.helpers.ts';
import { client, expectStatus, forumWorld, type Persona, verify } from './forum-setup.ts';
import { buildTestApp, makeRole, sessionCookie, signup } from './helpers.ts';

const PASSWORD = 'correct horse battery staple';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let w: Awaited<ReturnType<typeof forumWorld>>;
let her: Persona;
let secondDevice: string;
let herThread: string;
let herOpening: string;
let otherReply: string;
let otherThread: string;
let herAnonymous: string;
let herNamed: string;
let roomId: string;

const remove = (cookie: string | undefined, password: string) =>
  app.inject({
    method: 'POST',
    url: '/api/account/delete',
    payload: { password },
    ...(cookie ? { headers: { cookie } } : {}),
  });

const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function countRows(userId: string) {
  const count = async (table: typeof recoveryCodes | typeof sessions | typeof groupMembers, column: unknown) =>
    (
      await database.db
        .select()
        .from(table)
        .where(eq(column as typeof sessions.userId, userId))
    ).length;
  return {
    recoveryCodes: await count(recoveryCodes, recoveryCodes.userId),
    sessions: await count(sessions, sessions.userId),
    memberships: await count(groupMembers, groupMembers.userId),
    reactions: (await database.db.select().from(postReactions).where(eq(postReactions.userId, userId))).length,
    verifications: (
      await database.db.select().from(partnerVerifications).where(eq(partnerVerifications.userId, userId))
    ).length,
    chatAliases: (await database.db.select().from(chatMembers).where(eq(chatMembers.userId, userId))).length,
    liveBodies: (await database.db.select().from(posts).where(eq(posts.authorId, userId))).filter((p) => p.body !== '')
      .length,
  };
}

beforeAll(async () => {
  ({ app, database, close } = await buildTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  w = await forumWorld(app, database);
  her = await signup(app, undefined, PASSWORD);
  await verify(app, her, w.moderator);
  await expectStatus(await client(app, her).post(`/api/groups/${w.open.slug}/join`), 200);
  secondDevice = sessionCookie(await expectStatus(await login(her.username, PASSWORD), 200));

  const mine = client(app, her);
  const other = client(app, w.member);
  const started = (
    await expectStatus(
      await mine.post(`/api/groups/${w.open.slug}/threads`, {
        title: 'The night I found out',
        body: 'Her named opening words',
      }),
      201,
    )
  ).json();
  herThread = started.thread.id;
  herOpening = started.post.id;
  otherReply = (
    await expectStatus(await other.post(`/api/threads/${herThread}/replies`, { body: 'The other member answers' }), 201)
  ).json().post.id;
  otherThread = (
    await expectStatus(
      await other.post(`/api/groups/${w.open.slug}/threads`, { title: 'Someone else asks', body: 'Their question' }),
      201,
    )
  ).json().thread.id;
  herAnonymous = (
    await expectStatus(
      await mine.post(`/api/threads/${otherThread}/replies`, { body: 'Her anonymous reply', anonymous: true }),
      201,
    )
  ).json().post.id;
  herNamed = (
    await expectStatus(await mine.post(`/api/threads/${otherThread}/replies`, { body: 'Her named reply' }), 201)
  ).json().post.id;
  await expectStatus(await mine.post(`/api/posts/${otherReply}/reactions`, { kind: 'hug' }), 200);
  // Another member reports her post: a moderation flag that must keep its row.
  await expectStatus(await other.post(`/api/posts/${herNamed}/reports`, { reason: 'other' }), 201);

  roomId = await groupRoom(app, her.cookie, w.open.id);
  const chat = await ChatClient.connect(wsUrl(app), her.cookie);
  chat.send({ type: 'join', room: roomId, showUsername: true });
  await chat.next('joined');
  chat.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'Her words in the chat' });
  await chat.next('ack');
  chat.close();
});

afterAll(async () => {
  await close();
});

describe('deleting an account', () => {
  it('needs a session', async () => {
    const response = await remove(undefined, PASSWORD);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('ERR_UNAUTHENTICATED');
  });

  it('needs her current password, and a wrong one changes nothing', async () => {
    const before = await countRows(her.userId);
    const response = await remove(her.cookie, 'not my password at all');
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({
      code: 'ERR_WRONG_PASSWORD',
      fields: { password: 'This is not your current password.' },
    });
    expect(await countRows(her.userId)).toEqual(before);
    expect((await me(her.cookie)).statusCode).toBe(200);
  });

  it('leaves nothing half-written when a step fails inside the transaction', async () => {
    const before = await countRows(her.userId);
    expect(before.liveBodies).toBe(3);
    // Forces the last step (the account row) to fail after every other write in the transaction ran.
    await database.db.execute(sql`create function refuse_rename() returns trigger language plpgsql as $$
      begin raise exception 'forced failure'; end $$`);
    await database.db.execute(sql`create trigger refuse_rename before update of username on users
      for each row execute function refuse_rename()`);
    try {
      const response = await remove(her.cookie, PASSWORD);
      expect(response.statusCode).toBe(500);
      expect(response.json().error.code).toBe('ERR_INTERNAL');
    } finally {
      await database.db.execute(sql`drop trigger refuse_rename on users`);
      await database.db.execute(sql`drop function refuse_rename()`);
    }
    expect(await countRows(her.userId)).toEqual(before);
    expect((await me(her.cookie)).statusCode).toBe(200);
    const page = (await client(app, w.member).get(`/api/threads/${herThread}`)).json();
    expect(page.posts[0]).toMatchObject({ deleted: false, author: { kind: 'member', username: her.username } });
  });

  it('ends everything of hers at once and leaves other members’ words readable', async () => {
    const socket = await ChatClient.connect(wsUrl(app), secondDevice);
    socket.send({ type: 'join', room: roomId });
    await socket.next('joined');
    // Another member has the room open with her message on screen.
    const watcher = await ChatClient.connect(wsUrl(app), w.member.cookie);
    watcher.send({ type: 'join', room: roomId });
    const shown = (await watcher.next('joined')).messages;
    expect(shown.map((m) => m.body)).toEqual(['Her words in the chat']);

    const response = await remove(her.cookie, PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    const cleared = response.cookies.find((c) => c.name === 'bedrock_session');
    expect(cleared?.value).toBe('');

    // Every session, on every device, and her open chat socket.
    expect(await socket.closed()).toBe(CHAT_CLOSE.SESSION_ENDED);
    // The open room shows her message as the placeholder at once, without a reload.
    expect(await watcher.next('anonymized')).toEqual({
      type: 'anonymized',
      room: roomId,
      seqs: [shown[0]!.seq],
      alias: DELETED_CHAT_ALIAS,
      body: DELETED_CHAT_BODY,
    });
    watcher.close();
    for (const cookie of [her.cookie, secondDevice]) {
      const after = await me(cookie);
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('ERR_UNAUTHENTICATED');
    }

    // Signing in fails exactly as for a name that never existed.
    const gone = await login(her.username, PASSWORD);
    const never = await login('nobody_ever_here', PASSWORD);
    expect(gone.statusCode).toBe(401);
    expect({ status: gone.statusCode, body: gone.body }).toEqual({ status: never.statusCode, body: never.body });

    // Her posts read as the forum's deleted placeholder; the other member's reply is untouched.
    const other = client(app, w.member);
    const hers = (await other.get(`/api/threads/${herThread}`)).json();
    expect(hers.posts.map((p: { id: string }) => p.id)).toEqual([herOpening, otherReply]);
    expect(hers.posts[0]).toMatchObject({ deleted: true, author: { kind: 'deleted' }, bodyHtml: '' });
    expect(hers.posts[1]).toMatchObject({ deleted: false, author: { kind: 'member', username: w.member.username } });
    expect(hers.posts[1].bodyHtml).toContain('The other member answers');
    expect(hers.posts[1].reactions.find((r: { kind: string }) => r.kind === 'hug').count).toBe(0);
    const theirs = (await other.get(`/api/threads/${otherThread}`)).json();
    const byId = new Map(theirs.posts.map((p: { id: string }) => [p.id, p]));
    for (const id of [herAnonymous, herNamed]) {
      expect(byId.get(id)).toMatchObject({ deleted: true, author: { kind: 'deleted' }, bodyHtml: '' });
    }
    expect(theirs.posts[0].bodyHtml).toContain('Their question');
    const text = JSON.stringify([hers, theirs]);
    for (const words of ['Her named opening words', 'Her anonymous reply', 'Her named reply', her.username]) {
      expect(text).not.toContain(words);
    }

    // Her chat message keeps its place but shows the placeholder and no name.
    const history = await other.get(`/api/chat/rooms/${roomId}/messages`);
    expect(history.statusCode).toBe(200);
    const messages = history.json().messages;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ alias: DELETED_CHAT_ALIAS, body: DELETED_CHAT_BODY });
    expect(history.body).not.toContain(her.username);

    // What was hers is gone; no stored post body of hers remains.
    expect(await countRows(her.userId)).toEqual({
      recoveryCodes: 0,
      sessions: 0,
      memberships: 0,
      reactions: 0,
      verifications: 0,
      chatAliases: 0,
      liveBodies: 0,
    });
    const [row] = await database.db.select().from(users).where(eq(users.id, her.userId));
    expect(row?.username.startsWith('deleted:')).toBe(true);
    expect(row?.role).toBe('member');

    // The moderation record keeps its row, settled, with no text of hers in it.
    const flags = await database.db.select().from(moderationFlags).where(eq(moderationFlags.authorId, her.userId));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ targetId: herNamed, status: 'resolved', decision: 'author_deleted' });
    expect(JSON.stringify(flags)).not.toContain('Her named reply');

    // Her username is free again.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { username: her.username, password: 'a new person entirely' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().user.id).not.toBe(her.userId);
  });
});

describe('administrators', () => {
  it('the last administrator cannot delete her account, and nothing changes', async () => {
    const before = await countRows(w.admin.userId);
    const response = await remove(w.admin.cookie, PASSWORD);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ERR_LAST_ADMIN');
    expect(await countRows(w.admin.userId)).toEqual(before);
    expect((await me(w.admin.cookie)).json().user).toMatchObject({ username: w.admin.username, role: 'admin' });
    expect((await login(w.admin.username, PASSWORD)).statusCode).toBe(200);
  });

  it('can once another administrator exists', async () => {
    const spare = await signup(app);
    await makeRole(database, spare.userId, 'admin');
    expect((await remove(w.admin.cookie, PASSWORD)).statusCode).toBe(200);
    const [row] = await database.db.select().from(users).where(eq(users.id, w.admin.userId));
    expect(row?.role).toBe('member');
    // The remaining administrator is now the last one.
    expect((await remove(spare.cookie, PASSWORD)).json().error.code).toBe('ERR_LAST_ADMIN');
  });
});
