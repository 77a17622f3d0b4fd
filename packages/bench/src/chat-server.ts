/**
 * One server under test, in its own process so its CPU and memory are measured apart from the load
 * generator. `app`: the real Bedrock API on a fresh PostgreSQL database; `baseline`: a bare `ws`
 * broadcast server. Talks to the parent over IPC: sends `{ ready }`, answers `stats`.
 */
import { randomBytes } from 'node:crypto';
import { buildApp } from '@bedrock/api';
// The API package exports only the app; its config parser is imported from source.
import { loadConfig } from '../../../apps/api/src/config.ts';
import { createDatabase, defaultMigrationsFolder, groupMembers, groups, users } from '@bedrock/db';
import { sql } from 'drizzle-orm';
import { WebSocketServer } from 'ws';

export interface Ready {
  port: number;
  roomId: string;
  /** `cookie` header values; readers may share one (several sockets per account). */
  readerCookies: string[];
  senderCookies: string[];
}

const kind = process.argv[2];
const accounts = Number(process.argv[3] ?? 1000);
const senders = Number(process.argv[4] ?? 5);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let cleanup = async () => {};

async function startBaseline(): Promise<Ready> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  let seq = 0;
  // The naive broadcast every ws tutorial shows: one JSON.stringify, then send() per client.
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString()) as { type: string; room: string; body: string; clientMsgId: string };
      if (event.type === 'join') {
        socket.send(JSON.stringify({ type: 'joined', room: event.room, messages: [] }));
        return;
      }
      if (event.type !== 'send') return;
      seq += 1;
      const out = JSON.stringify({
        type: 'message',
        room: event.room,
        seq,
        id: String(seq),
        alias: 'x',
        body: event.body,
        at: new Date().toISOString(),
      });
      for (const client of wss.clients) if (client.readyState === 1) client.send(out);
    });
  });
  cleanup = async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
  };
  const address = wss.address();
  if (!address || typeof address === 'string') throw new Error('unexpected address');
  return { port: address.port, roomId: 'bench', readerCookies: ['none'], senderCookies: Array(senders).fill('none') };
}

async function startApp(): Promise<Ready> {
  const name = `bedrock_bench_${randomBytes(5).toString('hex')}`;
  const admin = await createDatabase({ url: serverUrl, poolSize: 1 });
  await admin.db.execute(sql.raw(`create database "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ url: url.toString(), poolSize: 20 });
  await database.migrate(defaultMigrationsFolder);
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });

  // Accounts straight into the database (argon2 signups would take minutes); sessions through the
  // app's own session store, so the cookies are exactly what a browser would hold.
  const groupId = randomBytes(12).toString('base64url');
  await database.db
    .insert(groups)
    .values({ id: groupId, slug: `bench-${name}`, name: 'Bench', description: 'bench', kind: 'open' });
  const rows = Array.from({ length: accounts + senders }, (_, i) => ({
    id: randomBytes(12).toString('base64url'),
    username: `bench_${i}_${randomBytes(3).toString('hex')}`,
    passwordHash: 'not-a-hash',
    // Senders are facilitators-by-role: moderators are exempt from the per-member flood limit.
    role: i < senders ? ('moderator' as const) : ('member' as const),
  }));
  for (let i = 0; i < rows.length; i += 500) await database.db.insert(users).values(rows.slice(i, i + 500));
  await database.db.insert(groupMembers).values(rows.slice(0, senders).map((r) => ({ groupId, userId: r.id })));
  const cookies: string[] = [];
  for (const row of rows) {
    const session = await app.sessions.create(row.id, 'bench');
    cookies.push(`${session.cookie.name}=${session.cookie.value}`);
  }
  const room = await app.inject({
    method: 'GET',
    url: `/api/chat/groups/${groupId}/room`,
    headers: { cookie: cookies[0] },
  });
  const roomId = room.json<{ room: { id: string } }>().room.id;
  cleanup = async () => {
    await app.close();
    await database.close();
    await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
    await admin.close();
  };
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return {
    port: address.port,
    roomId,
    senderCookies: cookies.slice(0, senders),
    readerCookies: cookies.slice(senders),
  };
}

let last = { cpu: process.cpuUsage(), at: performance.now() };

process.on('message', (message: { cmd: string }) => {
  if (message.cmd === 'mark') {
    last = { cpu: process.cpuUsage(), at: performance.now() };
    process.send?.({ marked: true });
  } else if (message.cmd === 'stats') {
    const cpu = process.cpuUsage(last.cpu);
    const wallMs = performance.now() - last.at;
    process.send?.({
      cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
      rssMiB: process.memoryUsage().rss / 2 ** 20,
    });
  } else if (message.cmd === 'stop') {
    cleanup().finally(() => process.exit(0));
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

const ready = kind === 'baseline' ? await startBaseline() : await startApp();
process.send?.({ ready });
