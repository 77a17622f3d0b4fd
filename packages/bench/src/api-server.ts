/**
 * The servers for `pnpm bench:api`, in their own process so the load generator does not share their
 * event loop: the real Bedrock API on a fresh PostgreSQL database with one thread of 50 replies, and a
 * bare Fastify route doing one indexed 50-row SELECT with `pg` (the baseline). Sends `{ ready }` over
 * IPC; drops the scratch database on `stop`. The app logs as in production (to stdout); the baseline,
 * a bare route, does not log.
 */
import { randomBytes } from 'node:crypto';
import { buildApp } from '@bedrock/api';
import { createDatabase, defaultMigrationsFolder, groupMembers, groups, users } from '@bedrock/db';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
// The API package exports only the app; its config parser is imported from source.
import { loadConfig } from '../../../apps/api/src/config.ts';

export interface ApiReady {
  appOrigin: string;
  baselineOrigin: string;
  threadPath: string;
  listPath: string;
  baselinePath: string;
  cookie: string;
}

const REPLIES = 50;
const THREADS = 60;
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `bedrock_bench_${randomBytes(5).toString('hex')}`;

async function dropDatabase() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

async function start(): Promise<{ ready: ApiReady; stop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), poolSize: 10 });
  await database.migrate(defaultMigrationsFolder);
  // Production config, logs included (info, one line per request, to stdout, which api.ts sends to a
  // scratch file): the app is measured as it runs, not with its logging switched off.
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    SECRET_KEY: randomBytes(32).toString('hex'),
  });
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });

  // Accounts straight into the database (argon2 signups are slow); the session through the app's
  // own store, and every post through the real API so the data is exactly what members create.
  const accountIds = Array.from({ length: 5 }, () => randomBytes(15).toString('base64url'));
  await database.db
    .insert(users)
    .values(
      accountIds.map((id, i) => ({ id, username: `bench_${i}_${randomBytes(3).toString('hex')}`, passwordHash: 'x' })),
    );
  const cookies: string[] = [];
  for (const id of accountIds) {
    const { cookie } = await app.sessions.create(id, 'bench');
    cookies.push(`${cookie.name}=${cookie.value}`);
  }
  const groupId = randomBytes(16).toString('base64url');
  const slug = 'bench-open';
  await database.db.insert(groups).values({ id: groupId, slug, name: 'Bench', description: 'bench', kind: 'open' });
  await database.db.insert(groupMembers).values(accountIds.map((userId) => ({ groupId, userId })));
  const inject = async (cookie: string, method: 'POST', path: string, payload: object) => {
    const response = await app.inject({ method, url: path, payload, headers: { cookie } });
    if (response.statusCode >= 300) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const body = 'Some days are *better* than others.\n\n- I slept\n- I ate\n\n> one hour at a time';
  let threadId = '';
  for (let t = 0; t < THREADS; t++) {
    const created = await inject(cookies[t % 5]!, 'POST', `/api/groups/${slug}/threads`, {
      title: `Bench thread ${t}`,
      body,
      anonymous: t % 2 === 0,
    });
    threadId ||= created.thread.id;
  }
  for (let r = 0; r < REPLIES; r++) {
    const reply = await inject(cookies[r % 5]!, 'POST', `/api/threads/${threadId}/replies`, {
      body,
      anonymous: r % 2 === 0,
    });
    if (r % 3 === 0)
      await inject(cookies[(r + 1) % 5]!, 'POST', `/api/posts/${reply.post.id}/reactions`, { kind: 'hug' });
  }

  // The baseline: the same PostgreSQL database, one indexed SELECT of the thread's 50 replies, no auth,
  // no access checks, no response schema.
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  const baseline = Fastify({ logger: false });
  baseline.get<{ Params: { id: string } }>('/baseline/:id', async (request) => {
    const { rows } = await pool.query(
      'select id, body_html, anonymous, pseudonym, created_at from posts where thread_id = $1 order by created_at, id limit 50',
      [request.params.id],
    );
    return { posts: rows };
  });
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  // Check the thread really has what the benchmark claims.
  const page = await app.inject({ url: `/api/threads/${threadId}?limit=51`, headers: { cookie: cookies[0]! } });
  if (page.json().posts.length !== REPLIES + 1) throw new Error('fixture thread does not have 50 replies');
  await database.db.execute(sql`analyze`);

  return {
    ready: {
      appOrigin: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`,
      baselineOrigin: `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}`,
      // limit=51: the opening post and all 50 replies on one page.
      threadPath: `/api/threads/${threadId}?limit=51`,
      listPath: `/api/groups/${slug}/threads`,
      baselinePath: `/baseline/${threadId}`,
      cookie: cookies[0]!,
    },
    stop: async () => {
      await baseline.close();
      await pool.end();
      await app.close();
      await database.close();
      await dropDatabase();
    },
  };
}

try {
  const { ready, stop } = await start();
  process.send?.({ ready });
  process.on('message', (message: { cmd?: string }) => {
    if (message.cmd !== 'stop') return;
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  });
} catch (error) {
  console.error(error);
  await dropDatabase().catch(() => {});
  process.exit(1);
}
