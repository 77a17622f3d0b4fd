import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, expectStatus, forumWorld, type Persona } from './forum-setup.ts';
import { buildTestApp } from './helpers.ts';

/**
 * The access matrix: every role × every action on an open and a partners-only group, with exact
 * statuses, and proof that a partners-only URL answers byte for byte like a missing one.
 */

let t: Awaited<ReturnType<typeof buildTestApp>>;
let w: Awaited<ReturnType<typeof forumWorld>>;
const fixtures: Record<'open' | 'partners', { slug: string; threadId: string; postId: string }> = {} as never;

const ROLES = ['visitor', 'unverified', 'verified', 'member', 'banned', 'moderator', 'admin'] as const;
type Role = (typeof ROLES)[number];
const ACTIONS = ['directory', 'list', 'read', 'post', 'reply', 'react', 'report', 'edit', 'delete'] as const;
type Action = (typeof ACTIONS)[number];

//                 visitor unverified verified member banned moderator admin
const OPEN: Record<Action, number[]> = {
  directory: [200, 200, 200, 200, 200, 200, 200],
  list: [401, 200, 200, 200, 403, 200, 200],
  read: [401, 200, 200, 200, 403, 200, 200],
  post: [401, 403, 403, 201, 403, 201, 201],
  reply: [401, 403, 403, 201, 403, 201, 201],
  react: [401, 403, 403, 200, 403, 200, 200],
  report: [401, 201, 201, 201, 403, 201, 201],
  // edit and delete target the member's own post: only its author may change it.
  edit: [401, 403, 403, 200, 403, 403, 403],
  delete: [401, 403, 403, 200, 403, 403, 403],
};
const PARTNERS: Record<Action, number[]> = {
  directory: [200, 200, 200, 200, 200, 200, 200],
  list: [404, 404, 404, 200, 404, 200, 200],
  read: [404, 404, 404, 200, 404, 200, 200],
  post: [404, 404, 404, 201, 404, 201, 201],
  reply: [404, 404, 404, 201, 404, 201, 201],
  react: [404, 404, 404, 200, 404, 200, 200],
  report: [404, 404, 404, 201, 404, 201, 201],
  edit: [404, 404, 404, 200, 404, 403, 403],
  delete: [404, 404, 404, 200, 404, 403, 403],
};

function persona(role: Role): Persona | undefined {
  return role === 'visitor' ? undefined : w[role];
}

async function act(role: Role, action: Action, group: 'open' | 'partners'): Promise<LightMyRequestResponse> {
  const c = client(t.app, persona(role));
  const { slug, threadId, postId } = fixtures[group];
  switch (action) {
    case 'directory':
      return c.get('/api/groups');
    case 'list':
      return c.get(`/api/groups/${slug}/threads`);
    case 'read':
      return c.get(`/api/threads/${threadId}`);
    case 'post':
      return c.post(`/api/groups/${slug}/threads`, { title: `By ${role}`, body: 'Hello' });
    case 'reply':
      return c.post(`/api/threads/${threadId}/replies`, { body: `Reply by ${role}` });
    case 'react':
      return c.post(`/api/posts/${postId}/reactions`, { kind: 'hug' });
    case 'report':
      return c.post(`/api/posts/${postId}/reports`, { reason: 'spam' });
    case 'edit':
      return c.patch(`/api/posts/${postId}`, { body: `Edited while ${role} watched` });
    case 'delete': {
      // A fresh reply by the member each time, so the shared fixtures survive.
      const reply = await client(t.app, w.member).post(`/api/threads/${threadId}/replies`, { body: 'Delete me' });
      return c.delete(`/api/posts/${reply.json().post.id}`);
    }
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await forumWorld(t.app, t.database);
  for (const [key, group] of [
    ['open', w.open],
    ['partners', w.partners],
  ] as const) {
    const created = await expectStatus(
      await client(t.app, w.member).post(`/api/groups/${group.slug}/threads`, {
        title: 'Fixture',
        body: 'Fixture body',
      }),
      201,
    );
    fixtures[key] = { slug: group.slug, threadId: created.json().thread.id, postId: created.json().post.id };
  }
});
afterAll(() => t.close());

describe.each([
  ['open', OPEN],
  ['partners', PARTNERS],
] as const)('access matrix: %s group', (group, table) => {
  for (const action of ACTIONS) {
    it(`${action}`, async () => {
      const actual: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const [i, role] of ROLES.entries()) {
        actual[role] = (await act(role, action, group)).statusCode;
        expected[role] = table[action][i]!;
      }
      expect(actual).toEqual(expected);
    });
  }
});

/** Everything but the clock: `date` is the only header allowed to differ (it is the same for every response). */
function fingerprint(response: LightMyRequestResponse) {
  const { date: _date, ...headers } = response.headers;
  return { status: response.statusCode, body: response.body, headers };
}

describe('a partners-only URL answers exactly like a missing one', () => {
  const missingId = 'AAAAAAAAAAAAAAAAAAAAAA';
  const pairs: [
    string,
    (c: ReturnType<typeof client>) => [Promise<LightMyRequestResponse>, Promise<LightMyRequestResponse>],
  ][] = [
    [
      'thread list',
      (c) => [c.get(`/api/groups/${fixtures.partners.slug}/threads`), c.get('/api/groups/no-such-group/threads')],
    ],
    [
      'thread list, page 2',
      (c) => [
        c.get(`/api/groups/${fixtures.partners.slug}/threads?cursor=x`),
        c.get('/api/groups/nope/threads?cursor=x'),
      ],
    ],
    [
      'new thread',
      (c) => [
        c.post(`/api/groups/${fixtures.partners.slug}/threads`, { title: 'Hi there', body: 'x' }),
        c.post('/api/groups/nope/threads', { title: 'Hi there', body: 'x' }),
      ],
    ],
    ['thread page', (c) => [c.get(`/api/threads/${fixtures.partners.threadId}`), c.get(`/api/threads/${missingId}`)]],
    [
      'reply',
      (c) => [
        c.post(`/api/threads/${fixtures.partners.threadId}/replies`, { body: 'x' }),
        c.post(`/api/threads/${missingId}/replies`, { body: 'x' }),
      ],
    ],
    [
      'react',
      (c) => [
        c.post(`/api/posts/${fixtures.partners.postId}/reactions`, { kind: 'hug' }),
        c.post(`/api/posts/${missingId}/reactions`, { kind: 'hug' }),
      ],
    ],
    [
      'report',
      (c) => [
        c.post(`/api/posts/${fixtures.partners.postId}/reports`, { reason: 'spam' }),
        c.post(`/api/posts/${missingId}/reports`, { reason: 'spam' }),
      ],
    ],
    [
      'edit',
      (c) => [
        c.patch(`/api/posts/${fixtures.partners.postId}`, { body: 'x' }),
        c.patch(`/api/posts/${missingId}`, { body: 'x' }),
      ],
    ],
    ['delete', (c) => [c.delete(`/api/posts/${fixtures.partners.postId}`), c.delete(`/api/posts/${missingId}`)]],
    [
      'revisions',
      (c) => [c.get(`/api/posts/${fixtures.partners.postId}/revisions`), c.get(`/api/posts/${missingId}/revisions`)],
    ],
  ];

  for (const role of ['visitor', 'unverified', 'verified', 'banned'] as const) {
    it.each(pairs)(`for a ${role}: %s`, async (_name, make) => {
      const [hidden, missing] = await Promise.all(make(client(t.app, persona(role))));
      expect(hidden.statusCode).toBe(404);
      expect(fingerprint(hidden)).toEqual(fingerprint(missing));
    });
  }

  it('the directory still lists the group by name, description and kind only', async () => {
    const response = await client(t.app).get('/api/groups');
    const entry = response.json().groups.find((g: { slug: string }) => g.slug === fixtures.partners.slug);
    expect(entry).toMatchObject({ kind: 'partners_only', viewer: { joined: false, canRead: false, canPost: false } });
    expect(response.body).not.toContain('Fixture');
  });
});
