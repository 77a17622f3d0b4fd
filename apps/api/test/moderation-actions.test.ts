import type { Notice, QueueItem, QueueItemDetail } from '@bedrock/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, expectStatus, type Persona } from './forum-setup.ts';
import { buildTestApp, signup } from './helpers.ts';
import { itemFor, KIND_TEXT, moderationWorld, reply, SAMPLES, threadPostIds } from './moderation.helpers.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let world: Awaited<ReturnType<typeof moderationWorld>>;

beforeAll(async () => {
  ctx = await buildTestApp();
  world = await moderationWorld(ctx.app, ctx.database);
});
afterAll(async () => ctx.close());

const act = (moderator: Persona, id: string, body: object) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/mod/queue/${id}/action`,
    headers: { cookie: moderator.cookie },
    payload: body,
  });
const notices = async (persona: Persona) =>
  (await client(ctx.app, persona).get('/api/me/notices')).json<{ notices: Notice[] }>().notices;
const auditFor = async (targetId: string) =>
  (await client(ctx.app, world.modOne).get(`/api/mod/audit?targetId=${targetId}`)).json<{
    entries: { action: string; actor: string | null; reason: string | null; target: string }[];
  }>().entries;

describe('each action: visibility, the author notice, the audit log', () => {
  it('approve publishes a held reply and tells the author', async () => {
    const post = await reply(ctx.app, world.author, world.threadId, SAMPLES.blame_shifting);
    const item = await itemFor(ctx.app, world.modOne, post.id);
    expect(await threadPostIds(ctx.app, world.reader, world.threadId)).not.toContain(post.id);
    const done = await expectStatus(await act(world.modOne, item.id, { action: 'approve' }), 200);
    expect(done.json().item).toMatchObject({ status: 'resolved', decision: 'approve' });
    expect(await threadPostIds(ctx.app, world.reader, world.threadId)).toContain(post.id);
    expect((await notices(world.author)).find((n) => n.target?.id === post.id && n.kind === 'approved')).toBeDefined();
    expect((await auditFor(post.id)).map((e) => e.action)).toContain('moderation.approve');
    expect((await act(world.modOne, item.id, { action: 'approve' })).json().error.code).toBe('ERR_ALREADY_RESOLVED');
  });

  it('remove hides a reply for everyone else, with the reason shown to the author', async () => {
    const post = await reply(ctx.app, world.author, world.threadId, SAMPLES.minimizing);
    const item = await itemFor(ctx.app, world.modOne, post.id);
    const missing = await act(world.modOne, item.id, { action: 'remove' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('ERR_REASON_REQUIRED');
    const reason = 'Please do not tell members how long healing should take.';
    await expectStatus(await act(world.modOne, item.id, { action: 'remove', reason }), 200);
    expect(await threadPostIds(ctx.app, world.reader, world.threadId)).not.toContain(post.id);
    expect(await threadPostIds(ctx.app, world.author, world.threadId)).toContain(post.id);
    const notice = (await notices(world.author)).find((n) => n.target?.id === post.id && n.kind === 'removed');
    expect(notice).toMatchObject({ reason, canAppeal: true, appeal: null });
    expect(await auditFor(post.id)).toContainEqual(
      expect.objectContaining({ action: 'moderation.remove', reason, actor: world.modOne.username }),
    );
  });

  it('return keeps a reply held with a note; the author edits it and it is shared', async () => {
    const post = await reply(ctx.app, world.author, world.threadId, SAMPLES.invalidating);
    const item = await itemFor(ctx.app, world.modOne, post.id);
    const note = 'Could you say how it felt to you instead?';
    await expectStatus(await act(world.modOne, item.id, { action: 'return', note }), 200);
    expect((await notices(world.author)).find((n) => n.kind === 'returned' && n.target?.id === post.id)?.reason).toBe(
      note,
    );
    const edited = await client(ctx.app, world.author).patch(`/api/posts/${post.id}`, { body: KIND_TEXT });
    expect(edited.json().post.status).toBe('published');
    expect(await threadPostIds(ctx.app, world.reader, world.threadId)).toContain(post.id);
  });

  it('a dismissed report leaves the post as it was', async () => {
    const post = await reply(ctx.app, world.author, world.threadId, 'Some days are better than others.');
    await client(ctx.app, world.reader).post(`/api/posts/${post.id}/reports`, { reason: 'spam' });
    const item = await itemFor(ctx.app, world.modOne, post.id, 'report');
    expect((await act(world.modOne, item.id, { action: 'approve_all' })).statusCode).toBe(400);
    await expectStatus(await act(world.modOne, item.id, { action: 'dismiss' }), 200);
    expect(await threadPostIds(ctx.app, world.reader, world.threadId)).toContain(post.id);
    expect((await auditFor(post.id)).map((e) => e.action)).toContain('moderation.dismiss');
  });

  it('warn and mute: the author is told, the handle history shows them, and a mute makes the account read-only', async () => {
    const first = await reply(ctx.app, world.author, world.threadId, SAMPLES.codependency_label);
    const warnItem = await itemFor(ctx.app, world.modOne, first.id);
    await expectStatus(await act(world.modOne, warnItem.id, { action: 'warn', reason: 'Please avoid labels.' }), 200);
    const second = await reply(ctx.app, world.author, world.threadId, SAMPLES.codependency_label);
    const muteItem = await itemFor(ctx.app, world.modOne, second.id);
    const detail = (await client(ctx.app, world.modOne).get(`/api/mod/queue/${muteItem.id}`)).json<QueueItemDetail>();
    expect(detail.history.sanctions.map((s) => s.kind)).toContain('warn');
    expect(detail.history.flags.map((f) => f.id)).toContain(warnItem.id);
    expect(detail.context.some((c) => c.isTarget && c.id === second.id)).toBe(true);
    await expectStatus(
      await act(world.modOne, muteItem.id, {
        action: 'mute',
        hours: 2,
        reason: 'Take a breather.',
        removeContent: true,
      }),
      200,
    );
    const kinds = (await notices(world.author)).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['warned', 'muted', 'removed']));
    const refused = await client(ctx.app, world.author).post(`/api/threads/${world.threadId}/replies`, {
      body: 'Hello',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ERR_MODERATION_MUTED');
    expect((await client(ctx.app, world.author).get(`/api/threads/${world.threadId}`)).statusCode).toBe(200);
    const sanctions = (await client(ctx.app, world.modOne).get('/api/mod/audit?targetType=account')).json().entries;
    expect(sanctions.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['sanction.warn', 'sanction.mute']),
    );
    expect(
      sanctions.every((e: { target: string }) => e.target !== world.author.userId && e.target.startsWith('M-')),
    ).toBe(true);
  });

  it('a per-group ban closes the group to the author', async () => {
    const other = await signup(ctx.app);
    await client(ctx.app, other).post(`/api/groups/${world.group.slug}/join`);
    const post = await reply(ctx.app, other, world.threadId, SAMPLES.identifying_info);
    const item = await itemFor(ctx.app, world.modOne, post.id);
    await expectStatus(
      await act(world.modOne, item.id, { action: 'group_ban', reason: 'Sharing contact details.' }),
      200,
    );
    const refused = await client(ctx.app, other).post(`/api/threads/${world.threadId}/replies`, { body: 'Hi' });
    expect(refused.json().error.code).toBe('ERR_GROUP_BANNED');
    expect((await notices(other)).map((n) => n.kind)).toContain('group_banned');
  });
});

describe('claims and bulk actions', () => {
  it('refuses a second moderator while the first holds the claim, with a clear code', async () => {
    const post = await reply(ctx.app, world.reader, world.threadId, SAMPLES.blame_shifting);
    const item = await itemFor(ctx.app, world.modOne, post.id);
    const claim = await expectStatus(await client(ctx.app, world.modOne).post(`/api/mod/queue/${item.id}/claim`), 200);
    expect(claim.json()).toEqual({ claimedBy: world.modOne.username });
    const taken = await client(ctx.app, world.modTwo).post(`/api/mod/queue/${item.id}/claim`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('ERR_CLAIMED_BY_OTHER');
    const blocked = await act(world.modTwo, item.id, { action: 'approve' });
    expect(blocked.json().error.code).toBe('ERR_CLAIMED_BY_OTHER');
    expect((await client(ctx.app, world.modTwo).post(`/api/mod/queue/${item.id}/unclaim`)).statusCode).toBe(409);
    const mine = (await client(ctx.app, world.modOne).get('/api/mod/queue?claimedBy=me')).json<{
      items: QueueItem[];
    }>();
    expect(mine.items.map((i) => i.id)).toEqual([item.id]);
    await expectStatus(await client(ctx.app, world.modOne).post(`/api/mod/queue/${item.id}/unclaim`), 200);
    await expectStatus(await client(ctx.app, world.modTwo).post(`/api/mod/queue/${item.id}/claim`), 200);
    await expectStatus(await act(world.modTwo, item.id, { action: 'approve' }), 200);
    // The item's history shows who held it; refused attempts leave no entry.
    const history = (await auditFor(post.id)).map((e) => [e.action, e.actor]);
    expect(history).toEqual(
      expect.arrayContaining([
        ['moderation.claim', world.modOne.username],
        ['moderation.release', world.modOne.username],
        ['moderation.claim', world.modTwo.username],
        ['moderation.approve', world.modTwo.username],
      ]),
    );
    expect(history.filter(([action]) => action === 'moderation.claim')).toHaveLength(2);
  });

  it("records an admin's release of another moderator's claim", async () => {
    const post = await reply(ctx.app, world.reader, world.threadId, SAMPLES.minimizing);
    const item = await itemFor(ctx.app, world.modOne, post.id);
    await expectStatus(await client(ctx.app, world.modOne).post(`/api/mod/queue/${item.id}/claim`), 200);
    await expectStatus(await client(ctx.app, world.admin).post(`/api/mod/queue/${item.id}/unclaim`), 200);
    expect((await auditFor(post.id)).map((e) => [e.action, e.actor])).toContainEqual([
      'moderation.release_other',
      world.admin.username,
    ]);
  });

  it('acts on many items at once and reports each result', async () => {
    const a = await reply(ctx.app, world.reader, world.threadId, SAMPLES.minimizing);
    const b = await reply(ctx.app, world.reader, world.threadId, SAMPLES.invalidating);
    const ids = [(await itemFor(ctx.app, world.modOne, a.id)).id, (await itemFor(ctx.app, world.modOne, b.id)).id];
    await expectStatus(await act(world.modOne, ids[0]!, { action: 'approve' }), 200);
    const bulk = await ctx.app.inject({
      method: 'POST',
      url: '/api/mod/queue/bulk',
      headers: { cookie: world.modOne.cookie },
      payload: { ids: [...ids, 'missing'], action: 'approve' },
    });
    expect(bulk.json().results).toEqual([
      { id: ids[0], ok: false, code: 'ERR_ALREADY_RESOLVED' },
      { id: ids[1], ok: true, code: null },
      { id: 'missing', ok: false, code: 'ERR_FLAG_NOT_FOUND' },
    ]);
    expect(await threadPostIds(ctx.app, world.author, world.threadId)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('keeps the queue and the audit log to moderators', async () => {
    for (const url of ['/api/mod/queue', '/api/mod/audit', '/api/mod/stats', '/api/mod/stats/chart.svg']) {
      expect((await client(ctx.app, world.reader).get(url)).statusCode).toBe(403);
      expect((await client(ctx.app).get(url)).statusCode).toBe(401);
    }
  });
});

describe('appeals', () => {
  it('are made once per decision and decided by a different moderator', async () => {
    const post = await reply(ctx.app, world.reader, world.threadId, SAMPLES.codependency_label);
    const item = await itemFor(ctx.app, world.modOne, post.id);
    await expectStatus(await act(world.modOne, item.id, { action: 'remove', reason: 'Labels hurt here.' }), 200);
    const notice = (await notices(world.reader)).find((n) => n.kind === 'removed' && n.target?.id === post.id)!;
    const appealed = await expectStatus(
      await client(ctx.app, world.reader).post(`/api/me/notices/${notice.id}/appeal`, {
        message: 'I was quoting my counsellor, not labelling anyone.',
      }),
      201,
    );
    expect(appealed.json().notice).toMatchObject({ canAppeal: false, appeal: { status: 'pending' } });
    const twice = await client(ctx.app, world.reader).post(`/api/me/notices/${notice.id}/appeal`, { message: 'Again' });
    expect(twice.json().error.code).toBe('ERR_APPEAL_EXISTS');
    const stranger = await client(ctx.app, world.author).post(`/api/me/notices/${notice.id}/appeal`, {
      message: 'Mine',
    });
    expect(stranger.json().error.code).toBe('ERR_NOTICE_NOT_FOUND');

    const appeal = await itemFor(ctx.app, world.modTwo, post.id, 'appeal');
    expect(appeal.appeal).toEqual({
      message: 'I was quoting my counsellor, not labelling anyone.',
      decision: 'removed',
      decisionReason: 'Labels hurt here.',
    });
    expect((await act(world.modOne, appeal.id, { action: 'approve' })).json().error.code).toBe(
      'ERR_ACTION_NOT_ALLOWED',
    );
    const same = await act(world.modOne, appeal.id, { action: 'overturn' });
    expect(same.statusCode).toBe(403);
    expect(same.json().error.code).toBe('ERR_APPEAL_SAME_MODERATOR');
    await expectStatus(await act(world.modTwo, appeal.id, { action: 'overturn' }), 200);
    expect(await threadPostIds(ctx.app, world.author, world.threadId)).toContain(post.id);
    const after = await notices(world.reader);
    expect(after.find((n) => n.id === notice.id)?.appeal?.status).toBe('overturned');
    expect(after.map((n) => n.kind)).toContain('appeal_overturned');
    expect((await auditFor(post.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['moderation.remove', 'moderation.overturn']),
    );
  });
});

describe('handles and anonymity', () => {
  it('shows moderators an opaque, stable handle, never the username, until an audited reveal', async () => {
    // A fresh author (the first one is muted by now) who only ever writes anonymously here.
    const writer = await signup(ctx.app);
    await client(ctx.app, writer).post(`/api/groups/${world.group.slug}/join`);
    const host = await expectStatus(
      await client(ctx.app, world.reader).post(`/api/groups/${world.group.slug}/threads`, {
        title: 'Evenings',
        body: 'Evenings are the hardest part for me.',
      }),
      201,
    );
    const threadId = host.json().thread.id as string;
    const anon = await reply(ctx.app, writer, threadId, SAMPLES.blame_shifting, true);
    const named = await reply(ctx.app, world.reader, threadId, SAMPLES.minimizing);
    const anonItem = await itemFor(ctx.app, world.modOne, anon.id);
    const namedItem = await itemFor(ctx.app, world.modOne, named.id);
    expect(anonItem.authorHandle).toMatch(/^M-[A-Za-z0-9]{10}$/);
    expect(anonItem.authorHandle).not.toBe(namedItem.authorHandle);
    for (const persona of [writer, world.reader]) {
      const handle = persona === writer ? anonItem.authorHandle : namedItem.authorHandle;
      expect(handle.toLowerCase()).not.toContain(persona.username.toLowerCase());
      expect(handle).not.toContain(persona.userId);
    }
    // Stable: the same account's earlier item carries the same handle.
    const again = await reply(ctx.app, writer, threadId, SAMPLES.invalidating, true);
    expect((await itemFor(ctx.app, world.modOne, again.id)).authorHandle).toBe(anonItem.authorHandle);

    const seen = [
      (await client(ctx.app, world.modOne).get('/api/mod/queue?limit=100')).body,
      (await client(ctx.app, world.modOne).get(`/api/mod/queue/${anonItem.id}`)).body,
      (await client(ctx.app, world.modOne).get('/api/mod/audit')).body,
    ].join('\n');
    expect(seen).not.toContain(writer.username);
    expect(seen).not.toContain(writer.userId);

    expect(
      (
        await client(ctx.app, world.modOne).post('/api/admin/reveal', {
          postId: anon.id,
          reason: 'I would like to know who wrote this one.',
        })
      ).statusCode,
    ).toBe(403);
    const reveal = await expectStatus(
      await client(ctx.app, world.admin).post('/api/admin/reveal', {
        postId: anon.id,
        reason: 'Repeated identifying posts; safety check.',
      }),
      200,
    );
    expect(reveal.json().author.username).toBe(writer.username);
    expect(await auditFor(anon.id)).toContainEqual(
      expect.objectContaining({ action: 'post.reveal_author', actor: world.admin.username }),
    );
  });
});

describe('stats', () => {
  it('counts flags per label per day, the median time to decision and approval rates, with an SVG chart', async () => {
    const stats = await expectStatus(await client(ctx.app, world.modOne).get('/api/mod/stats'), 200);
    const body = stats.json();
    expect(body.days).toHaveLength(30);
    const today = new Date().toISOString().slice(0, 10);
    expect(body.days.at(-1).date).toBe(today);
    expect(body.days.at(-1).counts.blame_shifting).toBeGreaterThan(0);
    expect(body.medianDecisionSeconds).toBeGreaterThanOrEqual(0);
    const blame = body.approvalRate.find((r: { label: string }) => r.label === 'blame_shifting');
    expect(blame.decided).toBeGreaterThan(0);
    expect(blame.rate).toBe(blame.approved / blame.decided);
    const chart = await expectStatus(await client(ctx.app, world.modOne).get('/api/mod/stats/chart.svg'), 200);
    expect(chart.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(chart.body).toMatch(/^<svg [^>]*role="img"/);
    expect(chart.body).toContain('<rect');
  });
});
