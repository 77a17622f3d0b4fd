import { moderationFlags } from '@bedrock/db';
import { type CheckResponse, LABELS, type OutcomeResponse, PRIORITY, type QueueItem } from '@bedrock/shared';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { client, expectStatus } from './forum-setup.ts';
import { buildApp } from '../src/app.ts';
import { buildTestApp, testConfig } from './helpers.ts';
import { itemFor, KIND_TEXT, moderationWorld, reply, SAMPLES, setPolicy, threadPostIds } from './moderation.helpers.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let world: Awaited<ReturnType<typeof moderationWorld>>;

beforeAll(async () => {
  ctx = await buildTestApp();
  world = await moderationWorld(ctx.app, ctx.database);
});
afterAll(async () => ctx.close());

describe('forum policy matrix: each label held or published, and who sees it', () => {
  for (const label of LABELS) {
    for (const action of ['hold', 'publish'] as const) {
      it(`${label} → ${action}`, async () => {
        const { app } = ctx;
        await setPolicy(app, world.admin, world.group.id, label, action);
        onTestFinished(() =>
          setPolicy(app, world.admin, world.group.id, label, label === 'crisis' ? 'publish' : 'hold'),
        );
        const post = await reply(app, world.author, world.threadId, SAMPLES[label]);
        const held = action === 'hold';
        expect(post.status).toBe(held ? 'held' : 'published');
        // The author always sees it (with a kind note when held), moderators always, others only when published.
        expect(await threadPostIds(app, world.author, world.threadId)).toContain(post.id);
        expect(await threadPostIds(app, world.modOne, world.threadId)).toContain(post.id);
        expect((await threadPostIds(app, world.reader, world.threadId)).includes(post.id)).toBe(!held);
        const item = await itemFor(app, world.modOne, post.id);
        expect(item.source).toBe('classifier');
        expect(item.labels).toContain(label);
        expect(item.flags.some((f) => f.label === label && f.end > f.start)).toBe(true);
        expect(item.priority).toBe(label === 'crisis' ? PRIORITY.crisis : PRIORITY.classifier);
        const outcome = await expectStatus(
          await client(app, world.author).get(`/api/moderation/outcome?targetType=post&targetId=${post.id}`),
          200,
        );
        const body = outcome.json<OutcomeResponse>();
        expect(body.status).toBe(post.status);
        if (held) expect(body.message).toMatch(/^Your reply is waiting for a moderator\. Here is why: /);
        expect(body.crisis !== null).toBe(label === 'crisis');
      });
    }
  }

  it('publishes kind words without a flag, and keeps held replies out of the public reply count', async () => {
    const { app } = ctx;
    const before = (await client(app, world.reader).get(`/api/threads/${world.threadId}`)).json().thread.replyCount;
    const kind = await reply(app, world.author, world.threadId, KIND_TEXT);
    expect(kind.status).toBe('published');
    await reply(app, world.author, world.threadId, SAMPLES.blame_shifting);
    const after = (await client(app, world.reader).get(`/api/threads/${world.threadId}`)).json().thread.replyCount;
    expect(after).toBe(before + 1);
    await expect(itemFor(app, world.modOne, kind.id)).rejects.toThrow(/no open queue item/);
  });

  it('holds a new thread whose title or body is flagged, and re-checks edits', async () => {
    const { app } = ctx;
    const created = await expectStatus(
      await client(app, world.author).post(`/api/groups/${world.group.slug}/threads`, {
        title: 'A question for everyone',
        body: SAMPLES.invalidating,
      }),
      201,
    );
    const postId = created.json().post.id as string;
    expect(created.json().post.status).toBe('held');
    const list = await client(app, world.reader).get(`/api/groups/${world.group.slug}/threads`);
    expect(list.json().threads.map((t: { id: string }) => t.id)).not.toContain(created.json().thread.id);
    // Editing the flagged words away publishes it; editing them back holds it again.
    const edited = await client(app, world.author).patch(`/api/posts/${postId}`, { body: KIND_TEXT });
    expect(edited.json().post.status).toBe('published');
    const again = await client(app, world.author).patch(`/api/posts/${postId}`, { body: SAMPLES.minimizing });
    expect(again.json().post.status).toBe('held');
    expect((await itemFor(app, world.modOne, postId)).labels).toEqual(['minimizing']);
  });

  it('lists crisis first in the queue, and shows the crisis panel to the author only', async () => {
    const { app } = ctx;
    await reply(app, world.author, world.threadId, SAMPLES.codependency_label);
    const crisis = await reply(app, world.author, world.threadId, SAMPLES.crisis);
    const queue = (await client(app, world.modOne).get('/api/mod/queue')).json<{ items: QueueItem[] }>().items;
    expect(queue[0]?.priority).toBe(PRIORITY.crisis);
    const priorities = queue.map((i) => i.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const mine = await client(app, world.author).get(`/api/moderation/outcome?targetType=post&targetId=${crisis.id}`);
    expect(mine.json<OutcomeResponse>().crisis?.resources.length).toBeGreaterThan(0);
    const theirs = await client(app, world.reader).get(`/api/moderation/outcome?targetType=post&targetId=${crisis.id}`);
    expect(theirs.statusCode).toBe(404);
  });

  it('turns a member report into a flag with the reporter reason', async () => {
    const { app } = ctx;
    const post = await reply(app, world.author, world.threadId, 'He works nights and I never know where he is.');
    await expectStatus(
      await client(app, world.reader).post(`/api/posts/${post.id}/reports`, { reason: 'other', note: 'Feels off' }),
      201,
    );
    const item = await itemFor(app, world.modOne, post.id, 'report');
    expect(item.report).toEqual({ reason: 'other', note: 'Feels off' });
    expect(item.priority).toBe(PRIORITY.report);
  });

  it('filters the queue by label, group, source and claim', async () => {
    const { app } = ctx;
    const m = client(app, world.modOne);
    const byLabel = (await m.get('/api/mod/queue?label=minimizing')).json<{ items: QueueItem[] }>().items;
    expect(byLabel.length).toBeGreaterThan(0);
    expect(byLabel.every((i) => i.labels.includes('minimizing'))).toBe(true);
    const bySource = (await m.get('/api/mod/queue?source=report')).json<{ items: QueueItem[] }>().items;
    expect(bySource.every((i) => i.source === 'report')).toBe(true);
    const byGroup = (await m.get(`/api/mod/queue?groupId=${world.group.id}`)).json<{ items: QueueItem[] }>().items;
    expect(byGroup.every((i) => i.target.groupId === world.group.id)).toBe(true);
    expect((await m.get('/api/mod/queue?groupId=nope')).json().items).toEqual([]);
    expect((await m.get('/api/mod/queue?claimedBy=me')).json().items).toEqual([]);
  });
});

describe('the nudge: POST /api/moderation/check', () => {
  it('answers labels, spans, reasons and what the group policy would do, storing nothing', async () => {
    const { app, database } = ctx;
    const [before] = await database.db.select({ n: count() }).from(moderationFlags);
    const text = SAMPLES.blame_shifting;
    const response = await expectStatus(
      await client(app, world.reader).post('/api/moderation/check', { text, context: { groupId: world.group.id } }),
      200,
    );
    const body = response.json<CheckResponse>();
    expect(body.labels).toEqual(['blame_shifting']);
    expect(body.outcome).toBe('hold');
    expect(body.holdLabels).toEqual(['blame_shifting']);
    expect(body.message).toMatch(/edit/);
    const flag = body.flags[0]!;
    expect(text.slice(flag.start, flag.end)).toMatch(/kept yourself up/);
    expect(flag.reason.length).toBeGreaterThan(10);
    const [after] = await database.db.select({ n: count() }).from(moderationFlags);
    expect(after?.n).toBe(before?.n);
  });

  it('follows the group policy and shows the crisis panel for crisis drafts', async () => {
    const { app } = ctx;
    await setPolicy(app, world.admin, world.group.id, 'invalidating', 'publish');
    const relaxed = await client(app, world.reader).post('/api/moderation/check', {
      text: SAMPLES.invalidating,
      context: { groupId: world.group.id },
    });
    expect(relaxed.json<CheckResponse>().outcome).toBe('publish');
    const defaults = await client(app, world.reader).post('/api/moderation/check', { text: SAMPLES.invalidating });
    expect(defaults.json<CheckResponse>().outcome).toBe('hold');
    await setPolicy(app, world.admin, world.group.id, 'invalidating', 'hold');
    const crisis = await client(app, world.reader).post('/api/moderation/check', { text: SAMPLES.crisis });
    expect(crisis.json<CheckResponse>()).toMatchObject({ outcome: 'publish', labels: ['crisis'] });
    expect(crisis.json<CheckResponse>().crisis?.message.length).toBeGreaterThan(10);
    const clean = await client(app, world.reader).post('/api/moderation/check', { text: KIND_TEXT });
    expect(clean.json<CheckResponse>()).toEqual({
      labels: [],
      flags: [],
      outcome: 'publish',
      holdLabels: [],
      message: null,
      crisis: null,
    });
  });

  it('needs a signed-in member, refuses oversized drafts clearly, and is rate-limited', async () => {
    const { app } = ctx;
    expect((await client(app).post('/api/moderation/check', { text: 'hi' })).statusCode).toBe(401);
    const huge = await client(app, world.modTwo).post('/api/moderation/check', { text: 'a'.repeat(10_001) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.code).toBe('ERR_VALIDATION');
    expect(huge.body).not.toContain('aaaa');
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await client(app, world.modTwo).post('/api/moderation/check', { text: 'hello' })).statusCode);
    }
    expect(statuses.slice(0, 59).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('the nudge leaves no trace', () => {
  it('never writes the draft into a log line, even at debug level and on refusals', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => lines.push(line) };
    const logged = await buildApp({
      config: testConfig({ LOG_LEVEL: 'trace' }),
      database: ctx.database,
      logger: { stream },
    });
    try {
      const secret = 'Maybe if you had kept yourself up zebra-quartz-1729 he would not have strayed.';
      const ok = await logged.inject({
        method: 'POST',
        url: '/api/moderation/check',
        headers: { cookie: world.reader.cookie },
        payload: { text: secret },
      });
      expect(ok.statusCode).toBe(200);
      const refused = await logged.inject({
        method: 'POST',
        url: '/api/moderation/check',
        headers: { cookie: world.reader.cookie },
        payload: { text: secret, context: 'zebra-quartz-1729' },
      });
      expect(refused.statusCode).toBe(400);
      // The logger does write (other routes' request lines arrive), just never the draft.
      await logged.inject({ method: 'GET', url: '/api/health' });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain('zebra-quartz-1729');
    } finally {
      await logged.close();
    }
  });
});

describe('policy administration', () => {
  it('lets moderators read and only admins change a group policy, audited', async () => {
    const { app } = ctx;
    const read = await expectStatus(await client(app, world.modOne).get(`/api/mod/policy/${world.group.id}`), 200);
    expect(read.json().rules).toHaveLength(LABELS.length);
    const denied = await app.inject({
      method: 'PUT',
      url: `/api/mod/policy/${world.group.id}`,
      headers: { cookie: world.modOne.cookie },
      payload: { rules: [{ label: 'crisis', action: 'hold' }] },
    });
    expect(denied.statusCode).toBe(403);
    expect((await client(app, world.reader).get(`/api/mod/policy/${world.group.id}`)).statusCode).toBe(403);
    const missing = await app.inject({
      method: 'PUT',
      url: '/api/mod/policy/no-such-group',
      headers: { cookie: world.admin.cookie },
      payload: { rules: [{ label: 'crisis', action: 'hold' }] },
    });
    expect(missing.json().error.code).toBe('ERR_GROUP_NOT_FOUND');
    expect((await client(app, world.modOne).get('/api/mod/policy/no-such-group')).statusCode).toBe(404);
    const log = await client(app, world.modOne).get(`/api/mod/audit?action=policy.update&targetId=${world.group.id}`);
    expect(log.json().entries.length).toBeGreaterThan(0);
  });
});
