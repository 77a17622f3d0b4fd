/**
 * `pnpm bench:chat`: N members in one room of the real app on PostgreSQL, 5 senders, and the same
 * load against a bare `ws` broadcast server in the same run as the baseline. Only same-run ratios
 * mean anything: this machine's cores carry the load generator too.
 *
 * Options (environment): CHAT_BENCH_POINTS="1000@20,5000@10,5000@20", CHAT_BENCH_SECONDS=12,
 * DATABASE_URL (a server where a scratch database may be created; default the local one).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { runLoad, type LoadResult } from './chat-load.ts';
import type { Ready } from './chat-server.ts';

const SENDERS = 5;
const points = (process.env.CHAT_BENCH_POINTS ?? '1000@20,5000@10,5000@20').split(',').map((p) => {
  const [clients, rate] = p.split('@').map(Number);
  return { name: p, clients: clients!, rate: rate! };
});
const seconds = Number(process.env.CHAT_BENCH_SECONDS ?? 12);

interface Stats {
  cpuPercent: number;
  rssMiB: number;
}

function ask<T>(child: ChildProcess, message: object, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Record<string, unknown>) => {
      if (!(key in reply)) return;
      child.off('message', onMessage);
      resolve((key === 'ready' ? reply.ready : reply) as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    if (Object.keys(message).length > 0) child.send(message);
  });
}

const children = new Set<ChildProcess>();
// Ctrl-C must not leave a server (and its scratch database) behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of children) child.send({ cmd: 'stop' });
    setTimeout(() => process.exit(130), 3000).unref();
  });
}

async function measure(kind: 'app' | 'baseline', clients: number, rate: number) {
  const child = fork(
    new URL('./chat-server.ts', import.meta.url),
    [kind, String(Math.ceil(clients / 5)), String(SENDERS)],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  children.add(child);
  try {
    const ready = await ask<Ready>(child, {}, 'ready');
    let stats: Stats = { cpuPercent: Number.NaN, rssMiB: Number.NaN };
    const load: LoadResult = await runLoad(ready, {
      clients,
      rate,
      seconds,
      beforeSend: async () => {
        await ask(child, { cmd: 'mark' }, 'marked');
      },
      afterSend: async () => {
        stats = await ask<Stats>(child, { cmd: 'stats' }, 'rssMiB');
      },
    });
    return { ...load, ...stats };
  } finally {
    child.send({ cmd: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
    children.delete(child);
  }
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const lines: string[] = [];
let failed = false;

for (const point of points) {
  const baseline = await measure('baseline', point.clients, point.rate);
  const app = await measure('app', point.clients, point.rate);
  for (const [label, r] of [
    ['baseline', baseline],
    ['app', app],
  ] as const) {
    console.log(
      `${point.name.padEnd(8)} ${label.padEnd(8)} connect ${fmt(r.connectSeconds)} s  sent ${r.sent}  delivered ${r.delivered}/${r.expected}  lost ${r.lost}  p50 ${fmt(r.p50)} ms  p99 ${fmt(r.p99)} ms  ${fmt(r.deliveriesPerSecond, 0)} deliveries/s  cpu ${fmt(r.cpuPercent, 0)}%  rss ${fmt(r.rssMiB, 0)} MiB`,
    );
  }
  if (app.lost > 0 || baseline.lost > 0) failed = true;
  lines.push(
    JSON.stringify({
      point: point.name,
      p50_ms: Number(fmt(app.p50, 2)),
      p99_ms: Number(fmt(app.p99, 2)),
      deliveries_per_s: Math.round(app.deliveriesPerSecond),
      lost: app.lost,
      cpu_percent: Math.round(app.cpuPercent),
      baseline_p50_ms: Number(fmt(baseline.p50, 2)),
      baseline_p99_ms: Number(fmt(baseline.p99, 2)),
      baseline_deliveries_per_s: Math.round(baseline.deliveriesPerSecond),
      baseline_lost: baseline.lost,
      baseline_cpu_percent: Math.round(baseline.cpuPercent),
      rss_mib: Math.round(app.rssMiB),
      baseline_rss_mib: Math.round(baseline.rssMiB),
    }),
  );
}
for (const line of lines) console.log(line);
// A benchmark is not a test, but lost messages are a defect, never a figure.
if (failed) process.exitCode = 1;
