/**
 * `pnpm bench:api`: autocannon against the forum's thread page (a thread with 50 replies) and thread
 * list on PostgreSQL, and in the same run a bare Fastify route doing one indexed 50-row SELECT with
 * `pg` as the baseline. Targets: ≥ 70% of the baseline's requests/s, p99 ≤ 1.5× its p99.
 *
 * Options (environment): DATABASE_URL (a server where a scratch database may be created; default the
 * local one), API_BENCH_SECONDS (5 per round), API_BENCH_ROUNDS (4), API_BENCH_CONNECTIONS (10).
 *
 * The three targets are measured in interleaved rounds (baseline, thread, list, baseline, …) and
 * combined, so a load spike from anything else on the machine hits all of them alike.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { ApiReady } from './api-server.ts';

const seconds = Number(process.env.API_BENCH_SECONDS ?? 5);
const rounds = Number(process.env.API_BENCH_ROUNDS ?? 4);
const connections = Number(process.env.API_BENCH_CONNECTIONS ?? 10);

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, cookie?: string, duration = seconds): Promise<Figures> {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: cookie ? { cookie } : {},
    // One worker thread keeps the generator off this process's event loop.
    workers: 1,
  });
  const errors = result.errors + result.non2xx + result.timeouts;
  return { name, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/** Requests/s over all rounds; latency percentiles as the median of the rounds'. */
function combine(name: string, runs: Figures[]): Figures {
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    name,
    requestsPerSecond: runs.reduce((sum, r) => sum + r.requestsPerSecond, 0) / runs.length,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

function ready(child: ChildProcess): Promise<ApiReady> {
  return new Promise((resolve, reject) => {
    child.once('message', (message: { ready?: ApiReady }) =>
      message.ready ? resolve(message.ready) : reject(new Error('bad message')),
    );
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

// The app's production logs (one line per request) go to a scratch file, as they would to a collector.
const logFile = join(tmpdir(), `bedrock-bench-api-${process.pid}.log`);
const logFd = openSync(logFile, 'w');
const child = fork(new URL('./api-server.ts', import.meta.url), [], { stdio: ['ignore', logFd, 'inherit', 'ipc'] });
let failed = false;
try {
  const r = await ready(child);
  const baselineUrl = r.baselineOrigin + r.baselinePath;
  const threadUrl = r.appOrigin + r.threadPath;
  const listUrl = r.appOrigin + r.listPath;
  // Warm up JIT and connection pools on all three before measuring.
  for (const [url, cookie] of [[baselineUrl], [threadUrl, r.cookie], [listUrl, r.cookie]] as const)
    await load('warmup', url, cookie, 3);
  const runs: Record<'baseline' | 'thread' | 'list', Figures[]> = { baseline: [], thread: [], list: [] };
  for (let round = 0; round < rounds; round++) {
    runs.baseline.push(await load('baseline', baselineUrl));
    runs.thread.push(await load('thread', threadUrl, r.cookie));
    runs.list.push(await load('list', listUrl, r.cookie));
  }
  const baseline = combine('baseline: bare Fastify + pg, one 50-row SELECT', runs.baseline);
  const thread = combine('GET /api/threads/:id (opening post + 50 replies)', runs.thread);
  const list = combine('GET /api/groups/:slug/threads (25 of 60 threads)', runs.list);

  const line = (f: Figures) =>
    `${f.name.padEnd(52)} ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}`;
  process.stdout.write(
    `\n${connections} connections, ${rounds} interleaved rounds of ${seconds} s each, PostgreSQL\n\n`,
  );
  for (const f of [baseline, thread, list]) process.stdout.write(`${line(f)}\n`);
  process.stdout.write('\n');
  for (const f of [thread, list]) {
    const rps = f.requestsPerSecond / baseline.requestsPerSecond;
    const p99 = f.p99 / Math.max(baseline.p99, 1);
    const ok = rps >= 0.7 && p99 <= 1.5;
    process.stdout.write(
      `${f.name}: ${(rps * 100).toFixed(0)}% of baseline req/s (target ≥ 70%), p99 ${p99.toFixed(2)}× (target ≤ 1.5×) ${ok ? 'MET' : 'NOT MET'}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({ endpoint: f.name.split(' (')[0], rps: Math.round(f.requestsPerSecond), p99_ms: f.p99, baseline_rps: Math.round(baseline.requestsPerSecond), baseline_p99_ms: baseline.p99, rps_ratio: Number(rps.toFixed(3)), p99_ratio: Number(p99.toFixed(3)) })}\n`,
    );
    if (f.errors > 0) failed = true;
  }
  if (baseline.errors > 0) failed = true;
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  if (child.connected) {
    child.send({ cmd: 'stop' });
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
closeSync(logFd);
rmSync(logFile, { force: true });
// Missing a target is a finding to report, not a crash; errors during the run are a failure.
process.exit(failed ? 1 : 0);
