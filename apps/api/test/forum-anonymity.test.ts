import { createHash } from 'node:crypto';
import { auditLog } from '@bedrock/db';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPostStatus } from '../src/forum/posts.ts';
import { client, expectStatus, forumWorld, type Persona, verify } from './forum-setup.ts';
import { buildTestApp, signup } from './helpers.ts';

/**
 * Anonymity: another member (and a moderator) walk every endpoint that can show an anonymous post and
 * never receive a byte that names its author: not the account id, the username or the session.
 */

let t: Awaited<ReturnType<typeof buildTestApp>>;
let w: Awaited<ReturnType<typeof forumWorld>>;
let author: Persona;
const threadIds: string[] = [];
const authorPostIds: string[] = [];
let mixedThread = '';

function secrets(): string[] {
  const token = author.cookie.split('=')[1]!;
  return [
    author.userId,
    author.username,
    author.username.toLowerCase(),
    token,
    createHash('sha256').update(token).digest('hex').slice(0, 32),
  ];
}

/** Fails if any byte of the response (status line aside) carries one of the author's secrets. */
function assertClean(response: LightMyRequestResponse, where: string) {
  const bytes = `${JSON.stringify(response.headers)}\n${response.body}`;
  for (const secret of secrets()) {
    if (bytes.includes(secret))
      throw new Error(`${where} leaked ${secret === author.username ? 'the username' : 'an identifier'}`);
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await forumWorld(t.app, t.database);
  author = await signup(t.app);
  await verify(t.app, author, w.moderator);
  const a = client(t.app, author);
  for (const group of [w.open, w.partners]) await expectStatus(await a.post(`/api/groups/${group.slug}/join`), 200);

  // Four anonymous threads, across both groups, each with an anonymous reply by the author.
  for (const [i, group] of [w.partners, w.open, w.partners, w.open].entries()) {
    const created = await expectStatus(
      await a.post(`/api/groups/${group.slug}/threads`, {
        title: `Anonymous story ${i}`,
        body: `My story ${i}`,
        anonymous: true,
        contentWarning: { category: 'discovery', text: 'finding out' },
      }),
      201,
    );
    const { thread, post } = created.json();
    threadIds.push(thread.id);
    authorPostIds.push(post.id);
    const reply = await expectStatus(
      await a.post(`/api/threads/${thread.id}/replies`, { body: 'Thank you all', anonymous: true }),
      201,
    );
    authorPostIds.push(reply.json().post.id);
  }
  // A thread by another member where the author answers anonymously among named replies.
  const b = client(t.app, w.member);
  mixedThread = (
    await b.post(`/api/groups/${w.partners.slug}/threads`, { title: 'Named thread', body: 'Hello' })
  ).json().thread.id;
  authorPostIds.push(
    (await a.post(`/api/threads/${mixedThread}/replies`, { body: 'Me too', anonymous: true })).json().post.id,
  );
  await b.post(`/api/threads/${mixedThread}/replies`, { body: 'Named answer' });
  authorPostIds.push(
    (await a.post(`/api/threads/${mixedThread}/replies`, { body: 'Again', anonymous: true })).json().post.id,
  );
  // An edit (history for moderators), a held post and a reaction by the author.
  await expectStatus(await a.patch(`/api/posts/${authorPostIds[0]}`, { body: 'My story, edited' }), 200);
  const held = await a.post(`/api/threads/${mixedThread}/replies`, { body: 'Held one', anonymous: true });
  await setPostStatus(t.database.db, held.json().post.id, 'held');
  authorPostIds.push(held.json().post.id);
  await a.post(`/api/posts/${authorPostIds[1]}/reactions`, { kind: 'strength' });
});
afterAll(() => t.close());

async function walk(viewer: Persona, label: string): Promise<LightMyRequestResponse[]> {
  const c = client(t.app, viewer);
  const seen: LightMyRequestResponse[] = [];
  const visit = async (p: Promise<LightMyRequestResponse>, where: string) => {
    const response = await p;
    assertClean(response, `${label}: ${where}`);
    seen.push(response);
    return response;
  };
  await visit(c.get('/api/groups'), 'directory');
  for (const group of [w.open, w.partners]) {
    await visit(c.get(`/api/groups/${group.slug}`), 'group');
    let cursor: string | null = null;
    do {
      const page: LightMyRequestResponse = await visit(
        c.get(`/api/groups/${group.slug}/threads?limit=1${cursor ? `&cursor=${cursor}` : ''}`),
        'thread list',
      );
      cursor = page.json().nextCursor;
    } while (cursor);
  }
  for (const id of [...threadIds, mixedThread]) {
    await visit(c.get(`/api/threads/${id}`), 'thread page');
    await visit(c.get(`/api/threads/${id}?limit=1`), 'thread page 1');
  }
  for (const id of authorPostIds) {
    await visit(c.post(`/api/posts/${id}/reactions`, { kind: 'hug' }), 'react');
    await visit(c.post(`/api/posts/${id}/reactions`, { kind: 'hug' }), 'unreact');
    await visit(c.post(`/api/posts/${id}/reports`, { reason: 'other', note: 'checking' }), 'report');
    await visit(c.patch(`/api/posts/${id}`, { body: 'not mine' }), 'edit refused');
    await visit(c.delete(`/api/posts/${id}`), 'delete refused');
    await visit(c.get(`/api/posts/${id}/revisions`), 'revisions');
  }
  await visit(c.get('/api/me/posts'), 'my posts');
  await visit(c.get('/api/openapi.json'), 'openapi');
  return seen;
}

describe('anonymous posts', () => {
  it('never reveal their author to another member', async () => {
    const seen = await walk(w.member, 'member');
    // The walk really saw the anonymous posts, and named posts do carry names.
    const all = seen.map((r) => r.body).join('\n');
    expect(all).toContain('Anonymous story 3');
    expect(all).toContain(w.member.username);
  });

  it('never reveal their author to a moderator, who also sees held posts and edit history', async () => {
    const seen = await walk(w.moderator, 'moderator');
    const all = seen.map((r) => r.body).join('\n');
    expect(all).toContain('Held one');
    expect(all).toContain('My story 0');
  });

  it('show stable pseudonyms within a thread and different ones across threads', async () => {
    const names: string[] = [];
    for (const id of [...threadIds, mixedThread]) {
      const page = (await client(t.app, w.member).get(`/api/threads/${id}`)).json();
      const anonymous = page.posts.filter((p: { author: { kind: string } }) => p.author.kind === 'anonymous');
      const inThread = new Set(anonymous.map((p: { author: { pseudonym: string } }) => p.author.pseudonym));
      expect(inThread.size).toBe(1);
      expect([...inThread][0]).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      names.push([...inThread][0] as string);
      for (const post of anonymous) expect(post.isMine).toBe(false);
    }
    expect(new Set(names).size).toBeGreaterThan(1);
  });

  it('round every timestamp to the minute', async () => {
    const page = (await client(t.app, w.member).get(`/api/threads/${mixedThread}`)).json();
    for (const post of page.posts) expect(post.createdAt).toMatch(/:00\.000Z$/);
    expect(page.thread.lastActivityAt).toMatch(/:00\.000Z$/);
  });

  it('are the author\'s own: "isMine" and the private "my posts" list', async () => {
    const a = client(t.app, author);
    const page = (await a.get(`/api/threads/${threadIds[0]}`)).json();
    expect(page.posts.every((p: { isMine: boolean }) => p.isMine)).toBe(true);
    const mine = (await a.get('/api/me/posts?limit=100')).json();
    expect(mine.posts.map((p: { post: { id: string } }) => p.post.id).sort()).toEqual([...authorPostIds].sort());
    const other = (await client(t.app, w.member).get('/api/me/posts?limit=100')).json();
    expect(other.posts.some((p: { post: { id: string } }) => authorPostIds.includes(p.post.id))).toBe(false);
  });

  it('can be traced back only by an admin, with a reason, in the audit log', async () => {
    const postId = authorPostIds[0]!;
    const reason = 'Credible threat to another member, reviewed by two moderators.';
    const asModerator = await client(t.app, w.moderator).post('/api/admin/reveal', { postId, reason });
    expect(asModerator.statusCode).toBe(403);
    assertClean(asModerator, 'reveal refused');
    const noReason = await client(t.app, w.admin).post('/api/admin/reveal', { postId, reason: 'because' });
    expect(noReason.statusCode).toBe(400);
    const revealed = await expectStatus(
      await client(t.app, w.admin).post('/api/admin/reveal', { postId, reason }),
      200,
    );
    expect(revealed.json().author).toEqual({ id: author.userId, username: author.username });
    const rows = await t.database.db.select().from(auditLog);
    const entry = rows.find((r) => r.id === revealed.json().auditId);
    expect(entry).toMatchObject({ actorId: w.admin.userId, action: 'post.reveal_author', targetId: postId, reason });
  });
});
