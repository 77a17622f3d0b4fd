import type { Database } from '@bedrock/db';
import type { Label, QueueItem } from '@bedrock/shared';
import type { FastifyInstance } from 'fastify';
import { client, createGroup, expectStatus, type Persona } from './forum-setup.ts';
import { makeRole, signup } from './helpers.ts';

/** One clear example per label, from the "must be caught" column of GUIDELINES.md. */
export const SAMPLES: Record<Label, string> = {
  blame_shifting: "Maybe if you'd kept yourself up he wouldn't have needed to look elsewhere.",
  codependency_label: 'Sounds like classic codependency to me.',
  minimizing: "It's only porn, every man watches it.",
  invalidating: 'Honestly you sound a bit hysterical.',
  crisis: "I don't see the point in being here anymore.",
  identifying_info: 'Text me on 07700 900123.',
};
export const KIND_TEXT = 'Thank you all for being here tonight, it helps.';

/** Admin, two moderators, an author and a reader who both joined one open group. */
export async function moderationWorld(app: FastifyInstance, database: Database) {
  const names = ['admin', 'mod_one', 'mod_two', 'author', 'reader'];
  const [admin, modOne, modTwo, author, reader] = (await Promise.all(
    names.map((n) => signup(app, `${n}_${Math.random().toString(36).slice(2, 7)}`)),
  )) as [Persona, Persona, Persona, Persona, Persona];
  await makeRole(database, admin.userId, 'admin');
  await makeRole(database, modOne.userId, 'moderator');
  await makeRole(database, modTwo.userId, 'moderator');
  const group = await createGroup(app, admin, `mod-${Math.random().toString(36).slice(2, 7)}`, 'open');
  for (const p of [author, reader])
    await expectStatus(await client(app, p).post(`/api/groups/${group.slug}/join`), 200);
  const thread = await expectStatus(
    await client(app, author).post(`/api/groups/${group.slug}/threads`, {
      title: 'Finding my feet',
      body: 'It has been a hard week and I wanted somewhere to put it down.',
    }),
    201,
  );
  return { admin, modOne, modTwo, author, reader, group, threadId: thread.json().thread.id as string };
}

export async function setPolicy(app: FastifyInstance, admin: Persona, groupId: string, label: Label, action: string) {
  await expectStatus(
    await app.inject({
      method: 'PUT',
      url: `/api/mod/policy/${groupId}`,
      headers: { cookie: admin.cookie },
      payload: { rules: [{ label, action }] },
    }),
    200,
  );
}

export async function reply(app: FastifyInstance, persona: Persona, threadId: string, body: string, anonymous = false) {
  const response = await expectStatus(
    await client(app, persona).post(`/api/threads/${threadId}/replies`, { body, anonymous }),
    201,
  );
  return response.json().post as { id: string; status: string; statusNote: string | null };
}

/** The open queue item for a target, as a moderator sees it. */
export async function itemFor(app: FastifyInstance, moderator: Persona, targetId: string, source?: string) {
  const response = await expectStatus(
    await client(app, moderator).get(`/api/mod/queue?limit=100${source ? `&source=${source}` : ''}`),
    200,
  );
  const item = (response.json().items as QueueItem[]).find((i) => i.target.id === targetId);
  if (!item) throw new Error(`no open queue item for ${targetId}`);
  return item;
}

export async function threadPostIds(app: FastifyInstance, persona: Persona | undefined, threadId: string) {
  const response = await client(app, persona).get(`/api/threads/${threadId}?limit=100`);
  if (response.statusCode !== 200) return [];
  return (response.json().posts as { id: string }[]).map((p) => p.id);
}
