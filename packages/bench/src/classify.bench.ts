// pnpm bench:classify: throughput for chat-length messages and latency for 1,000-word posts, on one
// core (Node runs this on one thread). A benchmark, not a test: it prints figures and never fails.
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chatMessages, longPosts } from './texts.ts';

const loadStart = performance.now();
const { classify } = await import('@bedrock/moderation');
classify('warm up the patterns');
const loadMs = performance.now() - loadStart;
// Memory as loaded, before the runs below grow the heap: the process's peak RSS so far (Node and tsx
// included) and the heap in use.
const loadedPeakMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
const loadedHeapMb = process.memoryUsage().heapUsed / 1e6;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Microseconds of CPU this process has used: unlike wall time, it does not count time other processes
 * on a busy machine took from us. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

const messages = chatMessages(20_000);
for (const text of messages.slice(0, 2_000)) classify(text);
const chatStart = performance.now();
const chatCpuStart = cpuMicros();
for (const text of messages) classify(text);
const chatSeconds = (performance.now() - chatStart) / 1000;
const chatCpuSeconds = (cpuMicros() - chatCpuStart) / 1e6;

const posts = longPosts(200, 1_000);
for (const text of posts.slice(0, 20)) classify(text);
const latencies: number[] = [];
const cpuLatencies: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const text of posts) {
    const t0 = performance.now();
    const c0 = cpuMicros();
    classify(text);
    cpuLatencies.push((cpuMicros() - c0) / 1000);
    latencies.push(performance.now() - t0);
  }
}
latencies.sort((a, b) => a - b);
cpuLatencies.sort((a, b) => a - b);

const avgChatChars = messages.reduce((n, t) => n + t.length, 0) / messages.length;
const postWords = posts.reduce((n, t) => n + t.split(/\s+/).length, 0) / posts.length;
const lines = [
  `load (import + first call): ${loadMs.toFixed(0)} ms (target < 2,000), peak RSS ${loadedPeakMb.toFixed(0)} MB with Node and tsx (target < 200), heap ${loadedHeapMb.toFixed(0)} MB`,
  `machine load average (1 min): ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
  `chat messages: ${messages.length} (avg ${avgChatChars.toFixed(0)} chars): ${Math.round(messages.length / chatSeconds)} messages/s wall, ${Math.round(messages.length / chatCpuSeconds)} messages/s of CPU time (target ≥ 5,000)`,
  `1,000-word posts (avg ${postWords.toFixed(0)} words, ${latencies.length} runs): wall p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms; CPU p50 ${percentile(cpuLatencies, 50).toFixed(2)} ms, p99 ${percentile(cpuLatencies, 99).toFixed(2)} ms (target p99 ≤ 5 ms)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
