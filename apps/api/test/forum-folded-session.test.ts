import { type Database, sessions, users } from '@bedrock/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPostStatus } from '../src/forum/posts.ts';
import { client, createGroup, expectStatus, type Persona } from './forum-setup.ts';
import { buildTestApp, makeRole, signup } from './helpers.ts';

/**
 * The thread page and thread list read the session inside their own statement (one round trip). These
 * check that they still do everything the auth hook does: role and status read fresh on every request,
 * logged-out and expired sessions refused with a blank cookie, a half-used session extended.
 */

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let admin: Persona;
let slug: string;
let threadId: string;
let heldReplyId: string;

const DAY = 24 * 60 * 60_000;

function pages() {
  return [`/api/threads/${threadId}`, `/api/groups/${slug}/threads`];
}

function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((c) => c.name === 'bedrock_session');
}

async function member(): Promise<Persona> {
  const persona = await signup(app);
  await expectStatus(await client(app, persona).post(`/api/groups/${slug}/join`), 200);
  return persona;
}

async function sessionIdOf(persona: Persona) {
  const [row] = await database.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, persona.userId));
  return row!.id;
}

beforeAll(async () => {
  ({ app, database, close } = await buildTestApp());
  admin = await signup(app);
  await makeRole(database, admin.userId, 'admin');
  slug = (await createGroup(app, admin, `folded-${Math.random().toString(36).slice(2, 7)}`, 'open')).slug;
  const author = await member();
  const created = await client(app, author).post(`/api/groups/${slug}/threads`, { title: 'A thread', body: 'Hello' });
  threadId = (await expectStatus(created, 201)).json().thread.id;
  const reply = await client(app, author).post(`/api/threads/${threadId}/replies`, { body: 'Held reply' });
  heldReplyId = (await expectStatus(reply, 201)).json().post.id;
  await setPostStatus(database.db, heldReplyId, 'held');
});

afterAll(async () => {
  await close();
});

describe('the folded session on the thread page and thread list', () => {
  it('serves a signed-in member and sets no cookie on a fresh session', async () => {
    const reader = await member();
    for (const url of pages()) {
      const response = await expectStatus(await client(app, reader).get(url), 200);
      expect(sessionCookieOf(response)).toBeUndefined();
    }
  });

  it('refuses an account banned after signing in, on the very next request', async () => {
    const reader = await member();
    await expectStatus(await client(app, reader).get(pages()[0]!), 200);
    await database.db.update(users).set({ status: 'banned' }).where(eq(users.id, reader.userId));
    for (const url of pages()) {
      const response = await expectStatus(await client(app, reader).get(url), 403);
      expect(response.json().error.code).toBe('ERR_ACCOUNT_SUSPENDED');
    }
  });

  it('treats a suspension that has ended as active, as the auth hook does', async () => {
    const reader = await member();
    const ended = new Date(Date.now() - 60_000);
    await database.db
      .update(users)
      .set({ status: 'suspended', suspendedUntil: ended })
      .where(eq(users.id, reader.userId));
    for (const url of pages()) await expectStatus(await client(app, reader).get(url), 200);
    await database.db
      .update(users)
      .set({ suspendedUntil: new Date(Date.now() + DAY) })
      .where(eq(users.id, reader.userId));
    for (const url of pages()) await expectStatus(await client(app, reader).get(url), 403);
  });

  it('reads the role fresh: a member promoted to moderator sees held posts at once, and loses them at once', async () => {
    const reader = await member();
    const ids = async () =>
      (await expectStatus(await client(app, reader).get(pages()[0]!), 200))
        .json()
        .posts.map((p: { id: string }) => p.id);
    expect(await ids()).not.toContain(heldReplyId);
    await makeRole(database, reader.userId, 'moderator');
    expect(await ids()).toContain(heldReplyId);
    // A moderator whose suspension has ended is a moderator again; a suspended one is not.
    await database.db
      .update(users)
      .set({ status: 'suspended', suspendedUntil: new Date(Date.now() - 60_000) })
      .where(eq(users.id, reader.userId));
    expect(await ids()).toContain(heldReplyId);
    await makeRole(database, reader.userId, 'member');
    await database.db.update(users).set({ status: 'active', suspendedUntil: null }).where(eq(users.id, reader.userId));
    expect(await ids()).not.toContain(heldReplyId);
  });

  it('refuses a logged-out session like a visitor and clears its cookie', async () => {
    const reader = await member();
    await expectStatus(await client(app, reader).post('/api/auth/logout'), 200);
    for (const url of pages()) {
      const response = await expectStatus(await client(app, reader).get(url), 401);
      expect(response.json().error.code).toBe('ERR_UNAUTHENTICATED');
      expect(sessionCookieOf(response)?.value).toBe('');
    }
  });

  it('refuses an expired session, deletes it and clears its cookie', async () => {
    const reader = await member();
    const id = await sessionIdOf(reader);
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, id));
    const response = await expectStatus(await client(app, reader).get(pages()[0]!), 401);
    expect(sessionCookieOf(response)?.value).toBe('');
    expect(await database.db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0);
  });

  it('extends a session past half its lifetime and sends its cookie again', async () => {
    for (const url of pages()) {
      const reader = await member();
      const id = await sessionIdOf(reader);
      const soon = new Date(Date.now() + 2 * DAY);
      await database.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, id));
      const response = await expectStatus(await client(app, reader).get(url), 200);
      expect(`bedrock_session=${sessionCookieOf(response)?.value}`).toBe(reader.cookie);
      const [row] = await database.db.select().from(sessions).where(eq(sessions.id, id));
      expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 20 * DAY);
    }
  });

  it('refreshes last-seen at most every few minutes', async () => {
    const reader = await member();
    const id = await sessionIdOf(reader);
    const old = new Date(Date.now() - 60 * 60_000);
    await database.db.update(sessions).set({ lastSeenAt: old }).where(eq(sessions.id, id));
    await expectStatus(await client(app, reader).get(pages()[1]!), 200);
    const [row] = await database.db.select().from(sessions).where(eq(sessions.id, id));
    expect(row!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('still clears a dead session cookie when the request is refused before the page is read', async () => {
    const reader = await member();
    await expectStatus(await client(app, reader).post('/api/auth/logout'), 200);
    const response = await expectStatus(await client(app, reader).get(`${pages()[0]!}?limit=100000`), 400);
    expect(sessionCookieOf(response)?.value).toBe('');
  });

  it('answers a missing thread and a missing group exactly as before, signed in or not', async () => {
    const reader = await member();
    for (const persona of [reader, undefined]) {
      const thread = await client(app, persona).get('/api/threads/no-such-thread');
      expect(thread.statusCode).toBe(404);
      expect(thread.json().error.code).toBe('ERR_THREAD_NOT_FOUND');
      const group = await client(app, persona).get('/api/groups/no-such-group/threads');
      expect(group.statusCode).toBe(404);
      expect(group.json().error.code).toBe('ERR_GROUP_NOT_FOUND');
    }
  });
});
