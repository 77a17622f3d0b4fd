import type { Database } from '@bedrock/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { makeRole, signup } from './helpers.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Persona = Awaited<ReturnType<typeof signup>>;

/** A tiny client bound to one persona's cookie (or none, for a visitor). */
export function client(app: FastifyInstance, persona?: { cookie: string }) {
  const send = (method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, ...(payload ? { payload } : {}), headers: persona ? { cookie: persona.cookie } : {} });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: object) => send('POST', url, payload ?? {}),
    patch: (url: string, payload: object) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

export async function expectStatus(response: LightMyRequestResponse, status: number): Promise<LightMyRequestResponse> {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  }
  return response;
}

export const SITUATION = 'I found messages on his phone last month and I do not know who to talk to.';

/** Applies for partner verification and has `moderator` approve it, through the API. */
export async function verify(app: FastifyInstance, persona: Persona, moderator: Persona): Promise<void> {
  await expectStatus(
    await client(app, persona).post('/api/verification', {
      situation: SITUATION,
      foundVia: 'A search late at night',
      agreeToGuidelines: true,
    }),
    201,
  );
  const list = await client(app, moderator).get('/api/mod/verifications');
  const application = list
    .json()
    .applications.find((a: { situation: string; status: string }) => a.status === 'pending');
  await expectStatus(await client(app, moderator).post(`/api/mod/verifications/${application.id}/approve`), 200);
}

export async function createGroup(app: FastifyInstance, admin: Persona, slug: string, kind: 'open' | 'partners_only') {
  const response = await client(app, admin).post('/api/groups', {
    slug,
    name: `Group ${slug}`,
    description: `About ${slug}`,
    kind,
    rules: 'Be *kind*.',
  });
  await expectStatus(response, 201);
  return response.json().group as { id: string; slug: string };
}

/**
 * The cast of the access matrix: two groups (open, partners-only) and one persona per role. `member`
 * and `banned` are verified and joined both groups; `banned` was then banned from both.
 */
export async function forumWorld(app: FastifyInstance, database: Database) {
  const [admin, moderator, member, unverified, verified, banned] = (await Promise.all(
    ['admin', 'moderator', 'member', 'unverified', 'verified', 'banned'].map((p) =>
      signup(app, `${p}_${Math.random().toString(36).slice(2, 7)}`),
    ),
  )) as [Persona, Persona, Persona, Persona, Persona, Persona];
  await makeRole(database, admin.userId, 'admin');
  await makeRole(database, moderator.userId, 'moderator');
  const open = await createGroup(app, admin, `open-${Math.random().toString(36).slice(2, 7)}`, 'open');
  const partners = await createGroup(app, admin, `partners-${Math.random().toString(36).slice(2, 7)}`, 'partners_only');
  for (const persona of [member, verified, banned]) await verify(app, persona, moderator);
  for (const persona of [member, banned]) {
    for (const group of [open, partners])
      await expectStatus(await client(app, persona).post(`/api/groups/${group.slug}/join`), 200);
  }
  for (const group of [open, partners]) {
    await expectStatus(
      await client(app, moderator).post(`/api/groups/${group.slug}/members/ban`, {
        username: banned.username,
        reason: 'test',
      }),
      200,
    );
  }
  return { admin, moderator, member, unverified, verified, banned, open, partners };
}
