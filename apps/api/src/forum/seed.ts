import { type Database, groups, posts, threads, users } from '@bedrock/db';
import { count, inArray } from 'drizzle-orm';
import { newId } from './ids.ts';
import { renderMarkdown } from './markdown.ts';
import { pseudonymFor } from './pseudonym.ts';

/**
 * Demo content so a newcomer sees a living forum: a few groups and conversations, every one marked
 * `isDemo` and opening with a visible note. Written by demo accounts that cannot sign in.
 */

const NOTE = '*Demo content, written by the Bedrock team to show how the forum works.*\n\n';
// Not an argon2 hash, so verification always fails: nobody can sign in as a demo account.
const NO_LOGIN = 'demo-account-cannot-sign-in';

const DEMO_USERS = ['demo-maple', 'demo-harbor', 'demo-juniper', 'demo-linden'] as const;

type DemoPost = { by: number; anonymous?: boolean; body: string };
type DemoThread = { title: string; warning?: 'discovery' | 'affair_details'; posts: DemoPost[] };

const DEMO: {
  slug: string;
  name: string;
  description: string;
  kind: 'open' | 'partners_only';
  rules: string;
  threads: DemoThread[];
}[] = [
  {
    slug: 'just-found-out',
    name: 'Just found out',
    description: 'For the first days and weeks after discovery, when nothing makes sense yet.',
    kind: 'open',
    rules: '- Be gentle: everyone here is in shock.\n- What he did is not your fault. Please do not suggest otherwise.',
    threads: [
      {
        title: 'I cannot stop shaking',
        warning: 'discovery',
        posts: [
          {
            by: 0,
            anonymous: true,
            body: 'Found the messages two nights ago. I have not slept. How did you get through the first week?',
          },
          {
            by: 1,
            body: 'One hour at a time. Drink water, eat something small, and let yourself *not* decide anything yet.',
          },
          {
            by: 2,
            anonymous: true,
            body: 'The shaking is your body reacting to a real shock. It does ease. You are not alone here.',
          },
          { by: 0, anonymous: true, body: 'Thank you. I read this three times.' },
        ],
      },
      {
        title: 'What do I tell the kids?',
        posts: [
          { by: 3, body: 'They know something is wrong. I do not want to lie, but they are 7 and 10.' },
          {
            by: 1,
            body: 'Something simple and true helped us:\n\n> Mum and Dad are having a hard time, and it is not your fault.',
          },
        ],
      },
    ],
  },
  {
    slug: 'rebuilding-me',
    name: 'Rebuilding me',
    description: 'Sleep, work, friends, therapy: looking after yourself, whatever you decide about the relationship.',
    kind: 'open',
    rules: '- Share what helped you; nobody has to follow it.',
    threads: [
      {
        title: 'Small things that helped this week',
        posts: [
          { by: 2, body: 'I will start: a walk before work, and muting his sister on everything.' },
          { by: 3, anonymous: true, body: 'Writing down what I *know* is true, so I stop doubting my memory.' },
          { by: 1, body: 'Finally told one friend. She believed me straight away.' },
        ],
      },
    ],
  },
  {
    slug: 'partners-circle',
    name: "Partners' circle",
    description: 'A closed room for verified partners, for the things that are hard to say anywhere else.',
    kind: 'partners_only',
    rules: '- What is shared here stays here.\n- No advice unless it is asked for.',
    threads: [
      {
        title: 'The anniversary is coming up',
        warning: 'affair_details',
        posts: [
          { by: 1, anonymous: true, body: 'It was on our anniversary trip that it started. I dread the date.' },
          {
            by: 0,
            anonymous: true,
            body: 'Same for me with a birthday. Planning something completely new for the day helped a little.',
          },
        ],
      },
    ],
  },
  {
    slug: 'staying-or-leaving',
    name: 'Staying or leaving',
    description: 'For verified partners weighing what comes next. Every choice is respected here.',
    kind: 'partners_only',
    rules: '- No pressure either way.',
    threads: [
      {
        title: 'How long did you wait before deciding?',
        posts: [
          { by: 3, body: 'Everyone says not to decide in the first months. Did you wait?' },
          { by: 2, anonymous: true, body: 'Almost a year. I needed to see what he did, not what he said.' },
        ],
      },
    ],
  },
];

/**
 * Adds the demo groups that are not there yet (by slug), with their conversations. Safe to run again.
 * `secret` keys the demo pseudonyms; the server passes its own so they look like real ones.
 */
export async function seedDemoContent(
  database: Database,
  options: { secret?: string } = {},
): Promise<{ groups: number }> {
  const { db } = database;
  const secret = options.secret ?? 'bedrock-demo-content';
  const existing = await db
    .select({ slug: groups.slug })
    .from(groups)
    .where(
      inArray(
        groups.slug,
        DEMO.map((g) => g.slug),
      ),
    );
  const missing = DEMO.filter((g) => !existing.some((e) => e.slug === g.slug));
  if (missing.length === 0) return { groups: 0 };

  await db.transaction(async (tx) => {
    const known = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, [...DEMO_USERS]));
    const ids = DEMO_USERS.map((name) => known.find((u) => u.username === name)?.id ?? newId());
    const toCreate = DEMO_USERS.map((username, i) => ({ id: ids[i]!, username, passwordHash: NO_LOGIN })).filter(
      (u) => !known.some((k) => k.id === u.id),
    );
    if (toCreate.length > 0) await tx.insert(users).values(toCreate);

    let minutesAgo = 60 * 24 * 3;
    for (const group of missing) {
      const groupId = newId();
      const { threads: demoThreads, ...fields } = group;
      await tx.insert(groups).values({ id: groupId, ...fields, rulesHtml: renderMarkdown(fields.rules), isDemo: true });
      for (const demo of demoThreads) {
        const threadId = newId();
        const at = (m: number) => new Date(Date.now() - m * 60_000);
        const start = at(minutesAgo);
        const last = at(minutesAgo - (demo.posts.length - 1) * 37);
        await tx.insert(threads).values({
          id: threadId,
          groupId,
          title: demo.title,
          isDemo: true,
          replyCount: demo.posts.length - 1,
          createdAt: start,
          lastActivityAt: last,
        });
        await tx.insert(posts).values(
          demo.posts.map((p, i) => ({
            id: newId(),
            threadId,
            groupId,
            authorId: ids[p.by]!,
            isOpening: i === 0,
            anonymous: !!p.anonymous,
            pseudonym: p.anonymous ? pseudonymFor(secret, 'thread', threadId, ids[p.by]!) : null,
            body: NOTE + p.body,
            bodyHtml: renderMarkdown(NOTE + p.body),
            contentWarning: i === 0 ? (demo.warning ?? null) : null,
            isDemo: true,
            createdAt: at(minutesAgo - i * 37),
          })),
        );
        minutesAgo -= 300;
      }
    }
  });
  return { groups: missing.length };
}

/** Whether the forum has no groups at all: the embedded default seeds demo content then. */
export async function forumIsEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(groups);
  return (row?.n ?? 0) === 0;
}
