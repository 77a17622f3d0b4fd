import { postReports } from '@bedrock/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInertHtml } from '../src/forum/inert-html.ts';
import { setPostStatus } from '../src/forum/posts.ts';
import { forumIsEmpty, seedDemoContent } from '../src/forum/seed.ts';
import { client, createGroup, expectStatus, forumWorld } from './forum-setup.ts';
import { buildTestApp } from './helpers.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let w: Awaited<ReturnType<typeof forumWorld>>;

beforeAll(async () => {
  t = await buildTestApp();
  w = await forumWorld(t.app, t.database);
});
afterAll(() => t.close());

async function newThread(body = 'Opening body', extra: object = {}) {
  const response = await client(t.app, w.member).post(`/api/groups/${w.open.slug}/threads`, {
    title: 'A thread',
    body,
    ...extra,
  });
  await expectStatus(response, 201);
  return response.json() as { thread: { id: string }; post: { id: string } };
}

describe('posting', () => {
  it('renders markdown once and keeps the source for the author only', async () => {
    const { thread, post } = await newThread('Hello *friend*\n\n- one\n- two');
    expect((await client(t.app, w.member).get(`/api/threads/${thread.id}`)).json().posts[0]).toMatchObject({
      id: post.id,
      bodyHtml: '<p>Hello <em>friend</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n',
      bodySource: 'Hello *friend*\n\n- one\n- two',
    });
    expect((await client(t.app, w.verified).get(`/api/threads/${thread.id}`)).json().posts[0].bodySource).toBeNull();
  });

  it('refuses over-long and empty input with clear messages', async () => {
    const c = client(t.app, w.member);
    const long = await c.post(`/api/groups/${w.open.slug}/threads`, {
      title: 'x'.repeat(151),
      body: 'y'.repeat(10_001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toMatchObject({
      code: 'ERR_VALIDATION',
      fields: {
        title: 'Keep the title to 150 characters or fewer.',
        body: 'Keep the post to 10,000 characters or fewer.',
      },
    });
    const { thread } = await newThread();
    const empty = await c.post(`/api/threads/${thread.id}/replies`, { body: '   ' });
    expect(empty.json().error.fields).toEqual({ body: 'Write your reply first.' });
    const badWarning = await c.post(`/api/threads/${thread.id}/replies`, {
      body: 'x',
      contentWarning: { category: 'gore' },
    });
    expect(badWarning.statusCode).toBe(400);
  });

  it('keeps a content warning with its category and text', async () => {
    const { post } = await newThread('Details', {
      contentWarning: { category: 'affair_details', text: 'names a place' },
    });
    const page = (await client(t.app, w.verified).get(`/api/threads/${(await newThread()).thread.id}`)).json();
    expect(page.posts[0].contentWarning).toBeNull();
    const mine = (await client(t.app, w.member).get('/api/me/posts')).json();
    const found = mine.posts.find((p: { post: { id: string } }) => p.post.id === post.id);
    expect(found.post.contentWarning).toEqual({ category: 'affair_details', text: 'names a place' });
  });

  it('renders XSS payloads in every text field inert', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1))';
    const group = await createGroup(t.app, w.admin, 'xss-check', 'open');
    await client(t.app, w.admin).post('/api/groups', {
      slug: 'xss-two',
      name: payload,
      description: payload,
      kind: 'open',
      rules: payload,
    });
    await client(t.app, w.member).post(`/api/groups/${group.slug}/join`);
    const created = await client(t.app, w.member).post(`/api/groups/${group.slug}/threads`, {
      title: payload,
      body: payload,
      contentWarning: { category: 'violence', text: payload },
    });
    await expectStatus(created, 201);
    const { thread } = created.json();
    const reply = await client(t.app, w.member).post(`/api/threads/${thread.id}/replies`, { body: payload });
    await client(t.app, w.member).patch(`/api/posts/${reply.json().post.id}`, { body: `${payload} edited` });
    await client(t.app, w.verified).post(`/api/posts/${reply.json().post.id}/reports`, {
      reason: 'other',
      note: payload,
    });

    const page = (await client(t.app, w.moderator).get(`/api/threads/${thread.id}`)).json();
    for (const post of page.posts) expect(isInertHtml(post.bodyHtml)).toBe(true);
    const revisions = (await client(t.app, w.moderator).get(`/api/posts/${reply.json().post.id}/revisions`)).json();
    expect(isInertHtml(revisions.revisions[0].bodyHtml)).toBe(true);
    const detail = (await client(t.app, w.member).get('/api/groups/xss-two')).json().group;
    expect(isInertHtml(detail.rulesHtml)).toBe(true);
    // Plain-text fields come back verbatim as JSON strings, for the web app to escape as text.
    expect(page.thread.title).toBe(payload);
    expect(detail.name).toBe(payload);
    expect(page.posts[0].contentWarning.text).toBe(payload);
  });
});

describe('statuses', () => {
  it('shows a held post to its author (with a note) and moderators only', async () => {
    const { thread } = await newThread();
    const reply = (
      await client(t.app, w.member).post(`/api/threads/${thread.id}/replies`, { body: 'Held reply' })
    ).json().post;
    await setPostStatus(t.database.db, reply.id, 'held');
    const forAuthor = (await client(t.app, w.member).get(`/api/threads/${thread.id}`)).json();
    expect(forAuthor.posts[1]).toMatchObject({
      status: 'held',
      statusNote: expect.stringContaining('waiting for a moderator'),
    });
    const forModerator = (await client(t.app, w.moderator).get(`/api/threads/${thread.id}`)).json();
    expect(forModerator.posts[1]).toMatchObject({ status: 'held', statusNote: null });
    const forOthers = (await client(t.app, w.verified).get(`/api/threads/${thread.id}`)).json();
    expect(forOthers.posts).toHaveLength(1);
    expect(forOthers.thread.replyCount).toBe(0);
    expect((await client(t.app, w.verified).post(`/api/posts/${reply.id}/reactions`, { kind: 'hug' })).statusCode).toBe(
      404,
    );
    await setPostStatus(t.database.db, reply.id, 'published');
    expect((await client(t.app, w.verified).get(`/api/threads/${thread.id}`)).json().thread.replyCount).toBe(1);
  });

  it('hides a held or removed thread from everyone but its author and moderators', async () => {
    const { thread, post } = await newThread('Held thread');
    for (const status of ['held', 'removed'] as const) {
      await setPostStatus(t.database.db, post.id, status);
      expect((await client(t.app, w.verified).get(`/api/threads/${thread.id}`)).statusCode).toBe(404);
      const list = (await client(t.app, w.verified).get(`/api/groups/${w.open.slug}/threads?limit=100`)).json();
      expect(list.threads.some((x: { id: string }) => x.id === thread.id)).toBe(false);
      expect((await client(t.app, w.member).get(`/api/threads/${thread.id}`)).json().thread.status).toBe(status);
      expect((await client(t.app, w.moderator).get(`/api/threads/${thread.id}`)).statusCode).toBe(200);
    }
  });
});

describe('editing and deleting', () => {
  it('keeps edit history for moderators only', async () => {
    const { thread, post } = await newThread('First version');
    const edited = await client(t.app, w.member).patch(`/api/posts/${post.id}`, {
      body: 'Second version',
      title: 'New title',
    });
    expect(edited.json().post).toMatchObject({ edited: true, bodyHtml: '<p>Second version</p>\n' });
    expect((await client(t.app, w.member).get(`/api/threads/${thread.id}`)).json().thread.title).toBe('New title');
    const history = (await client(t.app, w.moderator).get(`/api/posts/${post.id}/revisions`)).json();
    expect(history.revisions).toEqual([
      { title: 'A thread', bodyHtml: '<p>First version</p>\n', replacedAt: expect.any(String) },
    ]);
    expect((await client(t.app, w.member).get(`/api/posts/${post.id}/revisions`)).statusCode).toBe(403);
    const reply = (await client(t.app, w.member).post(`/api/threads/${thread.id}/replies`, { body: 'r' })).json().post;
    const titled = await client(t.app, w.member).patch(`/api/posts/${reply.id}`, { body: 'r2', title: 'Nope' });
    expect(titled.json().error.code).toBe('ERR_NOT_OPENING_POST');
  });

  it('deletes a post to a placeholder, scrubbing body, warning and history', async () => {
    const { thread } = await newThread();
    const reply = (
      await client(t.app, w.member).post(`/api/threads/${thread.id}/replies`, {
        body: 'Too much detail',
        anonymous: true,
        contentWarning: { category: 'discovery' },
      })
    ).json().post;
    await client(t.app, w.member).patch(`/api/posts/${reply.id}`, { body: 'Still too much' });
    const deleted = await expectStatus(await client(t.app, w.member).delete(`/api/posts/${reply.id}`), 200);
    expect(deleted.json().post).toMatchObject({
      deleted: true,
      bodyHtml: '',
      bodySource: null,
      contentWarning: null,
      author: { kind: 'deleted' },
    });
    const page = await client(t.app, w.moderator).get(`/api/threads/${thread.id}`);
    expect(page.json().posts[1]).toMatchObject({ id: reply.id, deleted: true, author: { kind: 'deleted' } });
    expect(page.body).not.toContain('Too much');
    expect((await client(t.app, w.moderator).get(`/api/posts/${reply.id}/revisions`)).json().revisions).toEqual([]);
    expect((await client(t.app, w.member).patch(`/api/posts/${reply.id}`, { body: 'again' })).json().error.code).toBe(
      'ERR_POST_DELETED',
    );
  });
});

describe('reactions and reports', () => {
  it('toggles support reactions with counts and "you reacted"', async () => {
    const { post } = await newThread();
    const react = (who: typeof w.member, kind: string) =>
      client(t.app, who).post(`/api/posts/${post.id}/reactions`, { kind });
    await react(w.moderator, 'hug');
    const mine = (await react(w.member, 'hug')).json().reactions;
    expect(mine).toEqual([
      { kind: 'hug', count: 2, mine: true },
      { kind: 'me_too', count: 0, mine: false },
      { kind: 'thank_you', count: 0, mine: false },
      { kind: 'strength', count: 0, mine: false },
    ]);
    expect((await react(w.member, 'hug')).json().reactions[0]).toEqual({ kind: 'hug', count: 1, mine: false });
    expect((await react(w.member, 'downvote')).statusCode).toBe(400);
  });

  it('stores reports with a reason and note', async () => {
    const { post } = await newThread();
    await expectStatus(
      await client(t.app, w.verified).post(`/api/posts/${post.id}/reports`, {
        reason: 'minimizing',
        note: 'Says it was nothing',
      }),
      201,
    );
    expect((await client(t.app, w.verified).post(`/api/posts/${post.id}/reports`, { reason: 'rude' })).statusCode).toBe(
      400,
    );
    const rows = await t.database.db.select().from(postReports);
    expect(rows.find((r) => r.postId === post.id)).toMatchObject({
      reason: 'minimizing',
      note: 'Says it was nothing',
      reporterId: w.verified.userId,
    });
  });
});

describe('lists', () => {
  it('pages threads by latest activity with an opaque cursor, and marks unread ones', async () => {
    const group = await createGroup(t.app, w.admin, 'paging', 'open');
    await client(t.app, w.member).post(`/api/groups/${group.slug}/join`);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (
          await client(t.app, w.member).post(`/api/groups/${group.slug}/threads`, { title: `Thread ${i}`, body: 'b' })
        ).json().thread.id,
      );
    }
    // Activity moves thread 1 to the top.
    await client(t.app, w.member).post(`/api/threads/${ids[1]}/replies`, { body: 'bump' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { threads: { id: string; unread: boolean }[]; nextCursor: string | null } = (
        await client(t.app, w.verified).get(
          `/api/groups/${group.slug}/threads?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.threads.map((x) => x.id));
      expect(page.threads.every((x) => x.unread)).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[1], ids[4], ids[3], ids[2], ids[0]]);
    await client(t.app, w.verified).get(`/api/threads/${ids[4]}`);
    const after = (await client(t.app, w.verified).get(`/api/groups/${group.slug}/threads`)).json();
    expect(after.threads.find((x: { id: string }) => x.id === ids[4]).unread).toBe(false);
    await client(t.app, w.member).post(`/api/threads/${ids[4]}/replies`, { body: 'new' });
    const again = (await client(t.app, w.verified).get(`/api/groups/${group.slug}/threads`)).json();
    expect(again.threads[0]).toMatchObject({ id: ids[4], unread: true });
  });

  it('pages replies, opening post first', async () => {
    const { thread, post } = await newThread();
    for (let i = 0; i < 4; i++)
      await client(t.app, w.member).post(`/api/threads/${thread.id}/replies`, { body: `r${i}` });
    const first = (await client(t.app, w.verified).get(`/api/threads/${thread.id}?limit=3`)).json();
    expect(first.posts[0].id).toBe(post.id);
    const second = (
      await client(t.app, w.verified).get(`/api/threads/${thread.id}?limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.posts, ...second.posts].map((p: { bodyHtml: string }) => p.bodyHtml)).toEqual([
      '<p>Opening body</p>\n',
      '<p>r0</p>\n',
      '<p>r1</p>\n',
      '<p>r2</p>\n',
      '<p>r3</p>\n',
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('verification', () => {
  it('applies, is declined with a reason the applicant sees, re-applies, is approved, then revoked', async () => {
    const applicant = (await import('./helpers.ts')).signup;
    const a = await applicant(t.app);
    const c = client(t.app, a);
    const mod = client(t.app, w.moderator);
    expect((await c.get('/api/verification')).json().verification.status).toBe('none');
    const missingConsent = await c.post('/api/verification', {
      situation: 'x'.repeat(30),
      foundVia: 'friend',
      agreeToGuidelines: false,
    });
    expect(missingConsent.statusCode).toBe(400);
    const apply = () =>
      c.post('/api/verification', {
        situation: 'My husband had a long affair I found out about.',
        foundVia: 'A friend',
      });
    expect((await apply()).statusCode).toBe(400);
    const body = {
      situation: 'My husband had a long affair I found out about.',
      foundVia: 'A friend',
      agreeToGuidelines: true,
    };
    await expectStatus(await c.post('/api/verification', body), 201);
    expect((await c.post('/api/verification', body)).json().error.code).toBe('ERR_VERIFICATION_PENDING');
    expect((await client(t.app, w.member).get('/api/mod/verifications')).statusCode).toBe(403);
    const pending = (await mod.get('/api/mod/verifications')).json().applications;
    const application = pending.find((p: { situation: string }) => p.situation === body.situation);
    expect(Object.keys(application).sort()).toEqual(['foundVia', 'id', 'reason', 'situation', 'status', 'submittedAt']);
    await expectStatus(
      await mod.post(`/api/mod/verifications/${application.id}/decline`, { reason: 'Please tell us a little more.' }),
      200,
    );
    expect((await c.get('/api/verification')).json().verification).toMatchObject({
      status: 'declined',
      reason: 'Please tell us a little more.',
    });
    expect((await c.post(`/api/groups/${w.partners.slug}/join`)).json().error.code).toBe('ERR_VERIFICATION_REQUIRED');

    await expectStatus(await c.post('/api/verification', body), 201);
    const again = (await mod.get('/api/mod/verifications'))
      .json()
      .applications.find((p: { situation: string }) => p.situation === body.situation);
    await expectStatus(await mod.post(`/api/mod/verifications/${again.id}/approve`), 200);
    expect((await mod.post(`/api/mod/verifications/${again.id}/approve`)).json().error.code).toBe(
      'ERR_ALREADY_DECIDED',
    );
    await expectStatus(await c.post(`/api/groups/${w.partners.slug}/join`), 200);
    expect((await c.get(`/api/groups/${w.partners.slug}/threads`)).statusCode).toBe(200);

    await expectStatus(
      await mod.post(`/api/mod/verifications/${again.id}/revoke`, { reason: 'Revoked after review.' }),
      200,
    );
    expect((await c.get('/api/verification')).json().verification).toMatchObject({
      status: 'revoked',
      reason: 'Revoked after review.',
    });
    // Revocation bites at once: the group's content is gone for them, exactly like a missing group.
    expect((await c.get(`/api/groups/${w.partners.slug}/threads`)).statusCode).toBe(404);
  });
});

describe('group moderation', () => {
  it('removes and bans members from one group, audited', async () => {
    const target = await (await import('./helpers.ts')).signup(t.app);
    const c = client(t.app, target);
    const mod = client(t.app, w.moderator);
    await expectStatus(await c.post(`/api/groups/${w.open.slug}/join`), 200);
    const members = (await mod.get(`/api/groups/${w.open.slug}/members`)).json().members;
    expect(members.map((m: { username: string }) => m.username)).toContain(target.username);
    expect((await client(t.app, w.member).get(`/api/groups/${w.open.slug}/members`)).statusCode).toBe(403);
    await expectStatus(await mod.post(`/api/groups/${w.open.slug}/members/remove`, { username: target.username }), 200);
    expect((await c.post(`/api/groups/${w.open.slug}/threads`, { title: 'Hello', body: 'x' })).json().error.code).toBe(
      'ERR_NOT_MEMBER',
    );
    await expectStatus(
      await mod.post(`/api/groups/${w.open.slug}/members/ban`, {
        username: target.username,
        reason: 'Repeated blame.',
      }),
      200,
    );
    expect((await c.post(`/api/groups/${w.open.slug}/join`)).json().error.code).toBe('ERR_GROUP_BANNED');
    expect((await c.get(`/api/groups/${w.open.slug}/threads`)).json().error.code).toBe('ERR_GROUP_BANNED');
    await expectStatus(await mod.post(`/api/groups/${w.open.slug}/members/unban`, { username: target.username }), 200);
    await expectStatus(await c.post(`/api/groups/${w.open.slug}/join`), 200);
    expect((await mod.post(`/api/groups/${w.open.slug}/members/ban`, { username: 'nobody_here' })).statusCode).toBe(
      404,
    );
  });

  it('lets only admins create groups, with unique slugs', async () => {
    const body = { slug: 'only-admins', name: 'Only admins', description: 'x', kind: 'open' };
    expect((await client(t.app, w.moderator).post('/api/groups', body)).statusCode).toBe(403);
    await expectStatus(await client(t.app, w.admin).post('/api/groups', body), 201);
    expect((await client(t.app, w.admin).post('/api/groups', body)).json().error.code).toBe('ERR_GROUP_SLUG_TAKEN');
    expect((await client(t.app, w.admin).post('/api/groups', { ...body, slug: 'Bad Slug' })).statusCode).toBe(400);
  });
});

describe('demo content', () => {
  it('seeds open and partners-only groups with marked threads, once', async () => {
    expect(await forumIsEmpty(t.database)).toBe(false);
    expect(await seedDemoContent(t.database)).toEqual({ groups: 4 });
    expect(await seedDemoContent(t.database)).toEqual({ groups: 0 });
    const directory = (await client(t.app).get('/api/groups')).json().groups;
    const demo = directory.filter((g: { isDemo: boolean }) => g.isDemo);
    expect(new Set(demo.map((g: { kind: string }) => g.kind))).toEqual(new Set(['open', 'partners_only']));
    const list = (await client(t.app, w.member).get('/api/groups/just-found-out/threads')).json();
    expect(list.threads.length).toBeGreaterThan(0);
    expect(list.threads.every((x: { isDemo: boolean }) => x.isDemo)).toBe(true);
    const page = (await client(t.app, w.member).get(`/api/threads/${list.threads[0].id}`)).json();
    expect(page.posts[0].bodyHtml).toContain('Demo content');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-maple', password: 'demo-account-cannot-sign-in' },
    });
    expect(login.statusCode).toBe(401);
  });
});
