import { groups, posts, threadReads, threads } from '@bedrock/db';
import { buildApp } from '../src/app.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPostStatus } from '../src/forum/posts.ts';
import { client, createGroup, expectStatus, type Persona } from './forum-setup.ts';
import { makeRole, signup, testConfig } from './helpers.ts';
import { startInstances } from './instances.ts';

/**
 * The thread page and the thread list keep a shared view per instance (src/forum/page-cache.ts), checked
 * against versions that database triggers move (migrations/0008). These tests write on one instance and
 * read on the other, whose cache is warm, and compare warm answers with cold ones for every kind of reader.
 */

let instances: Awaited<ReturnType<typeof startInstances>>;
let a: FastifyInstance;
let b: FastifyInstance;
let admin: Persona;
let moderator: Persona;
let author: Persona;
let reader: Persona;
let other: Persona;
let slug: string;
const password = 'correct horse battery staple';

beforeAll(async () => {
  instances = await startInstances('pagecache');
  [a, b] = instances.apps;
  const database = instances.databases[0];
  [admin, moderator, author, reader, other] = (await Promise.all(
    ['admin', 'moderator', 'author', 'reader', 'other'].map((name) =>
      signup(a, `${name}_${Math.random().toString(36).slice(2, 7)}`, password),
    ),
  )) as [Persona, Persona, Persona, Persona, Persona];
  await makeRole(database, admin.userId, 'admin');
  await makeRole(database, moderator.userId, 'moderator');
  slug = (await createGroup(a, admin, `cache-${Math.random().toString(36).slice(2, 7)}`, 'open')).slug;
  for (const persona of [author, reader, other])
    await expectStatus(await client(a, persona).post(`/api/groups/${slug}/join`), 200);
}, 60_000);
afterAll(() => instances.close());

async function newThread(app: FastifyInstance, persona: Persona, title = 'A thread', extra: object = {}) {
  const response = await client(app, persona).post(`/api/groups/${slug}/threads`, { title, body: 'Opening', ...extra });
  await expectStatus(response, 201);
  return response.json().thread.id as string;
}

async function reply(app: FastifyInstance, persona: Persona, threadId: string, body: string, anonymous = false) {
  const response = await client(app, persona).post(`/api/threads/${threadId}/replies`, { body, anonymous });
  await expectStatus(response, 201);
  return response.json().post.id as string;
}

async function page(app: FastifyInstance, persona: Persona | undefined, threadId: string, query = '') {
  const response = await client(app, persona).get(`/api/threads/${threadId}${query}`);
  await expectStatus(response, 200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  return response.json() as {
    posts: {
      id: string;
      bodyHtml: string;
      deleted: boolean;
      isMine: boolean;
      bodySource: string | null;
      isNew: boolean;
      status: string;
      reactions: { kind: string; count: number; mine: boolean }[];
      author: unknown;
    }[];
    nextCursor: string | null;
  };
}

async function list(app: FastifyInstance, persona: Persona | undefined, query = '') {
  const response = await client(app, persona).get(`/api/groups/${slug}/threads${query}`);
  await expectStatus(response, 200);
  return response.json() as {
    threads: { id: string; title: string; replyCount: number; isMine: boolean; unread: boolean }[];
    nextCursor: string | null;
  };
}

/** A fresh instance on the same database: its cache is empty, so it reads every row. */
async function cold<T>(read: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const app = await buildApp({ config: testConfig(), database: instances.databases[1], logger: false });
  try {
    return await read(app);
  } finally {
    await app.close();
  }
}

/**
 * A page as a cold read answers it and as `b`'s warm cache answers it, both from the reader's marker as
 * it was: each read moves the marker, so it is put back in between.
 */
async function coldAndWarm(persona: Persona, threadId: string, query = '') {
  const { db } = instances.databases[0];
  const mark = and(eq(threadReads.userId, persona.userId), eq(threadReads.threadId, threadId));
  const [marker] = await db.select().from(threadReads).where(mark);
  const expected = await cold((app) => page(app, persona, threadId, query));
  if (marker) await db.update(threadReads).set({ readAt: marker.readAt }).where(mark);
  else await db.delete(threadReads).where(mark);
  return { expected, warm: await page(b, persona, threadId, query) };
}

describe('thread page cache', () => {
  it('shows every write made on the other instance at once', async () => {
    const threadId = await newThread(a, author);
    await page(b, reader, threadId); // warm b
    const replyId = await reply(a, author, threadId, 'First words', true);
    expect((await page(b, reader, threadId)).posts.map((p) => p.id)).toContain(replyId);

    await expectStatus(await client(a, author).patch(`/api/posts/${replyId}`, { body: 'Second words' }), 200);
    expect((await page(b, reader, threadId)).posts.find((p) => p.id === replyId)?.bodyHtml).toBe(
      '<p>Second words</p>\n',
    );

    await expectStatus(await client(a, other).post(`/api/posts/${replyId}/reactions`, { kind: 'hug' }), 200);
    const hugs = (await page(b, reader, threadId)).posts.find((p) => p.id === replyId)?.reactions;
    expect(hugs?.find((r) => r.kind === 'hug')).toEqual({ kind: 'hug', count: 1, mine: false });
    await expectStatus(await client(a, other).post(`/api/posts/${replyId}/reactions`, { kind: 'hug' }), 200);
    const taken = (await page(b, reader, threadId)).posts.find((p) => p.id === replyId)?.reactions;
    expect(taken?.find((r) => r.kind === 'hug')?.count).toBe(0); // a second tap takes it back

    await setPostStatus(instances.databases[0].db, replyId, 'held');
    expect((await page(b, reader, threadId)).posts.map((p) => p.id)).not.toContain(replyId);
    expect((await page(b, author, threadId)).posts.find((p) => p.id === replyId)?.status).toBe('held');
    // The author's view (held post included) did not become the shared one.
    expect((await page(b, reader, threadId)).posts.map((p) => p.id)).not.toContain(replyId);
    await setPostStatus(instances.databases[0].db, replyId, 'published');
    expect((await page(b, reader, threadId)).posts.map((p) => p.id)).toContain(replyId);

    await expectStatus(await client(a, author).delete(`/api/posts/${replyId}`), 200);
    const deleted = (await page(b, reader, threadId)).posts.find((p) => p.id === replyId);
    expect(deleted).toMatchObject({ deleted: true, bodyHtml: '', author: { kind: 'deleted' } });
  });

  it('answers each reader exactly as a cold read does, with their own marks', async () => {
    const threadId = await newThread(a, author, 'Marks', { anonymous: true });
    const mine = await reply(a, author, threadId, 'My own words');
    const theirs = await reply(a, other, threadId, 'Other words', true);
    await expectStatus(await client(a, reader).post(`/api/posts/${theirs}/reactions`, { kind: 'strength' }), 200);
    await expectStatus(await client(a, author).post(`/api/posts/${theirs}/reactions`, { kind: 'hug' }), 200);
    const held = await reply(a, other, threadId, 'Waiting words');
    await setPostStatus(instances.databases[0].db, held, 'held');
    await page(b, reader, threadId); // the shared view, stored by the reader's first read
    expect((await client(b, undefined).get(`/api/threads/${threadId}`)).statusCode).toBe(401);

    const readers: [string, Persona][] = [
      ['author', author],
      ['reader', reader],
      ['other (has a held post)', other],
      ['moderator', moderator],
    ];
    for (const [name, persona] of readers) {
      const { expected, warm } = await coldAndWarm(persona, threadId);
      expect(warm, name).toEqual(expected);
    }
    const forAuthor = await page(b, author, threadId);
    expect(forAuthor.posts.find((p) => p.id === mine)).toMatchObject({ isMine: true, bodySource: 'My own words' });
    expect(forAuthor.posts.find((p) => p.id === theirs)?.reactions.find((r) => r.kind === 'hug')?.mine).toBe(true);
    const forReader = await page(b, reader, threadId);
    expect(forReader.posts.every((p) => !p.isMine && p.bodySource === null)).toBe(true);
    expect(forReader.posts.map((p) => p.id)).not.toContain(held);
    expect(forReader.posts.find((p) => p.id === theirs)?.reactions.find((r) => r.kind === 'strength')?.mine).toBe(true);
    expect((await page(b, other, threadId)).posts.map((p) => p.id)).toContain(held);
    expect((await page(b, moderator, threadId)).posts.map((p) => p.id)).toContain(held);
  });

  it('marks posts new since the reader last read, and pages with cursors, as a cold read does', async () => {
    const threadId = await newThread(a, author, 'Pages');
    for (let i = 0; i < 5; i++) await reply(a, author, threadId, `Reply ${i}`);
    await page(b, reader, threadId); // reads the thread: nothing is new after this
    const newer = await reply(a, other, threadId, 'Newer');
    const { expected, warm } = await coldAndWarm(reader, threadId);
    expect(warm).toEqual(expected);
    expect(warm.posts.filter((p) => p.isNew).map((p) => p.id)).toEqual([newer]);

    const first = await page(b, reader, threadId, '?limit=3');
    expect(first.posts.map((p) => p.isNew)).toEqual([false, false, false]);
    const next = await page(b, reader, threadId, `?limit=3&cursor=${first.nextCursor}`);
    const later = await coldAndWarm(reader, threadId, `?limit=3&cursor=${first.nextCursor}`);
    expect(later.warm).toEqual(later.expected);
    expect(next.posts).toHaveLength(3);
  });

  it('serves the shared view from memory until the version moves', async () => {
    const threadId = await newThread(a, author, 'Memory');
    const replyId = await reply(a, author, threadId, 'Kept words');
    await page(b, reader, threadId);
    const { db } = instances.databases[0];
    // Behind the triggers' back, the cache is what answers: proof that it is used at all.
    await db.execute(sql`alter table posts disable trigger posts_bump_versions`);
    try {
      await db.update(posts).set({ bodyHtml: '<p>Changed behind its back</p>' }).where(eq(posts.id, replyId));
      expect((await page(b, reader, threadId)).posts.find((p) => p.id === replyId)?.bodyHtml).toBe(
        '<p>Kept words</p>\n',
      );
      await db
        .update(threads)
        .set({ pageVersion: sql`${threads.pageVersion} + 1` })
        .where(eq(threads.id, threadId));
      expect((await page(b, reader, threadId)).posts.find((p) => p.id === replyId)?.bodyHtml).toBe(
        '<p>Changed behind its back</p>',
      );
    } finally {
      await db.execute(sql`alter table posts enable trigger posts_bump_versions`);
    }
  });

  it('shows a deleted account as deleted on a warm page', async () => {
    const leaving = await signup(a, `leaving_${Math.random().toString(36).slice(2, 7)}`, password);
    await expectStatus(await client(a, leaving).post(`/api/groups/${slug}/join`), 200);
    const threadId = await newThread(a, author, 'Leaving');
    const replyId = await reply(a, leaving, threadId, 'Named words');
    expect((await page(b, reader, threadId)).posts.find((p) => p.id === replyId)?.author).toEqual({
      kind: 'member',
      username: leaving.username,
    });
    await expectStatus(await client(a, leaving).post('/api/account/delete', { password }), 200);
    const after = (await page(b, reader, threadId)).posts.find((p) => p.id === replyId);
    expect(after).toMatchObject({ deleted: true, author: { kind: 'deleted' } });
    expect(JSON.stringify(after)).not.toContain(leaving.username);
  });
});

describe('thread list cache', () => {
  it('shows new threads, replies and held openings at once, and matches a cold read for every reader', async () => {
    await list(b, reader); // warm b
    const first = await newThread(a, author, 'Listed first');
    const second = await newThread(a, other, 'Listed second');
    expect((await list(b, reader)).threads.slice(0, 2).map((t) => t.id)).toEqual([second, first]);

    await reply(a, other, first, 'Bump');
    const bumped = (await list(b, reader)).threads;
    expect(bumped[0]).toMatchObject({ id: first, replyCount: 1 });

    const firstOpening = (await page(a, author, first)).posts[0]!.id;
    await expectStatus(
      await client(a, author).patch(`/api/posts/${firstOpening}`, { title: 'Renamed first', body: 'Opening' }),
      200,
    );
    expect((await list(b, reader)).threads.find((t) => t.id === first)?.title).toBe('Renamed first');

    await page(b, reader, first); // read: no longer unread for the reader
    const versionBefore = (await instances.databases[0].db.select().from(groups).where(eq(groups.slug, slug)))[0]!
      .listVersion;
    expect((await list(b, reader)).threads.find((t) => t.id === first)?.unread).toBe(false);
    // Reading a thread is not a change to the list.
    expect((await instances.databases[0].db.select().from(groups).where(eq(groups.slug, slug)))[0]!.listVersion).toBe(
      versionBefore,
    );

    const opening = (await page(a, other, second)).posts[0]!.id;
    await setPostStatus(instances.databases[0].db, opening, 'held');
    expect((await list(b, reader)).threads.map((t) => t.id)).not.toContain(second);
    expect((await list(b, other)).threads.map((t) => t.id)).toContain(second);

    // A visitor may not read a group's list; the refusal comes before any cache.
    expect((await client(b, undefined).get(`/api/groups/${slug}/threads`)).statusCode).toBe(401);
    for (const persona of [author, reader, other, moderator]) {
      const expected = await cold((app) => list(app, persona, '?limit=2'));
      expect(await list(b, persona, '?limit=2')).toEqual(expected);
      expect(await list(b, persona, '?limit=2')).toEqual(expected);
    }
    const forAuthor = await list(b, author);
    expect(forAuthor.threads.find((t) => t.id === first)?.isMine).toBe(true);
    expect((await list(b, reader)).threads.every((t) => !t.isMine)).toBe(true);
  });
});
