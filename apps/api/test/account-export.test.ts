import type { Database } from '@bedrock/db';
import { accountExportSchema } from '@bedrock/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient, clientId, groupRoom, wsUrl } from './chat.helpers.ts';
import { client, expectStatus, forumWorld, type Persona, SITUATION, verify } from './forum-setup.ts';
import { buildTestApp, signup } from './helpers.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let w: Awaited<ReturnType<typeof forumWorld>>;
let her: Persona;
let herThread: string;
let herAnonymous: string;
let pseudonymSeen: string;
let alias: string;

beforeAll(async () => {
  ({ app, database, close } = await buildTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  w = await forumWorld(app, database);
  her = await signup(app);
  await verify(app, her, w.moderator);
  await expectStatus(await client(app, her).post(`/api/groups/${w.partners.slug}/join`), 200);

  const mine = client(app, her);
  const other = client(app, w.member);
  herThread = (
    await expectStatus(
      await mine.post(`/api/groups/${w.partners.slug}/threads`, {
        title: 'Her own anonymous thread',
        body: 'Her anonymous opening words',
        anonymous: true,
      }),
      201,
    )
  ).json().thread.id;
  const otherAnswer = (
    await expectStatus(
      await other.post(`/api/threads/${herThread}/replies`, { body: 'Words of the other member' }),
      201,
    )
  ).json().post.id;
  herAnonymous = (
    await expectStatus(
      await mine.post(`/api/threads/${herThread}/replies`, { body: 'Her anonymous follow-up', anonymous: true }),
      201,
    )
  ).json().post.id;
  const otherThread = (
    await expectStatus(
      await other.post(`/api/groups/${w.partners.slug}/threads`, {
        title: 'A title the other member wrote',
        body: 'The other member opens',
      }),
      201,
    )
  ).json().thread.id;
  await expectStatus(await mine.post(`/api/threads/${otherThread}/replies`, { body: 'Her named reply' }), 201);
  await expectStatus(await mine.post(`/api/posts/${otherAnswer}/reactions`, { kind: 'thank_you' }), 200);

  // The pseudonym other members see for her anonymous posts: the export must never link it to her.
  const page = (await other.get(`/api/threads/${herThread}`)).json();
  pseudonymSeen = page.posts[0].author.pseudonym;
  expect(pseudonymSeen).toBeTruthy();

  const roomId = await groupRoom(app, her.cookie, w.partners.id);
  const chat = await ChatClient.connect(wsUrl(app), her.cookie);
  chat.send({ type: 'join', room: roomId });
  alias = (await chat.next('joined')).you.alias;
  chat.send({ type: 'send', room: roomId, clientMsgId: clientId(), body: 'Her words in the live chat' });
  await chat.next('ack');
  chat.close();
});

afterAll(async () => {
  await close();
});

const download = (cookie?: string) =>
  app.inject({ method: 'GET', url: '/api/account/export', ...(cookie ? { headers: { cookie } } : {}) });

describe('downloading one’s data', () => {
  it('needs a session', async () => {
    const response = await download();
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('ERR_UNAUTHENTICATED');
  });

  it('is a JSON attachment that no cache keeps', async () => {
    const response = await download(her.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="bedrock-data.json"');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('holds her account, posts (anonymous ones marked), chat, reactions, groups, verification and sessions', async () => {
    const data = accountExportSchema.parse((await download(her.cookie)).json());
    expect(data.account).toMatchObject({ username: her.username, role: 'member' });
    expect(data.verification).toMatchObject({ status: 'approved', situation: SITUATION, reason: null });
    expect(data.groups.map((g) => g.slug)).toEqual([w.partners.slug]);
    expect(data.threads).toEqual([
      expect.objectContaining({ id: herThread, title: 'Her own anonymous thread', anonymous: true }),
    ]);
    expect(data.posts.map((p) => [p.body, p.anonymous, p.opensThread, p.groupSlug])).toEqual([
      ['Her anonymous opening words', true, true, w.partners.slug],
      ['Her anonymous follow-up', true, false, w.partners.slug],
      ['Her named reply', false, false, w.partners.slug],
    ]);
    expect(data.posts[1]?.id).toBe(herAnonymous);
    expect(data.chatMessages).toEqual([
      expect.objectContaining({ groupSlug: w.partners.slug, body: 'Her words in the live chat', status: 'visible' }),
    ]);
    expect(data.reactions).toEqual([expect.objectContaining({ threadId: herThread, kind: 'thank_you' })]);
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]?.device).toBeTruthy();
  });

  it('says nothing about any other member and nothing that links her pseudonyms', async () => {
    const text = (await download(her.cookie)).body;
    for (const foreign of [
      w.member.username,
      w.moderator.username,
      w.admin.username,
      w.member.userId,
      w.moderator.userId,
      her.userId,
      'Words of the other member',
      'A title the other member wrote',
      'The other member opens',
      pseudonymSeen,
      alias,
    ]) {
      expect(text).not.toContain(foreign);
    }
    expect(text).not.toMatch(/pseudonym|alias|authorId|decidedBy|"userId"/i);
  });

  it('shows only her own data to each member', async () => {
    const theirs = accountExportSchema.parse((await download(w.member.cookie)).json());
    expect(theirs.account.username).toBe(w.member.username);
    expect(JSON.stringify(theirs)).not.toContain('Her ');
    expect(JSON.stringify(theirs)).not.toContain(her.username);
  });
});
