import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { Ready } from './chat-server.ts';

export interface LoadResult {
  sent: number;
  expected: number;
  delivered: number;
  lost: number;
  p50: number;
  p99: number;
  deliveriesPerSecond: number;
  connectSeconds: number;
}

const MARK = Buffer.from('"body":"bench ');

// The send time rides in the body as letters: digits would look like a phone number to the classifier.
const encodeTime = (ms: number) =>
  [...String(Math.round(ms * 1000))].map((d) => String.fromCharCode(97 + Number(d))).join('');
/** Reads the letters after `at` in the frame itself: no string is made for the hundreds of thousands of deliveries. */
function decodeTime(frame: Buffer, at: number): number {
  let micros = 0;
  for (let i = at; i < frame.length; i++) {
    const c = frame[i]!;
    if (c < 97 || c > 106) break;
    micros = micros * 10 + (c - 97);
  }
  return micros / 1000;
}

/** Opens `clients` sockets (5 of them senders) in one room and waits until every one has joined. */
async function connectAll(url: string, ready: Ready, clients: number, onMessage: (data: WebSocket.RawData) => void) {
  const sockets: WebSocket[] = [];
  const batch = 100;
  for (let start = 0; start < clients; start += batch) {
    const opening: Promise<void>[] = [];
    for (let i = start; i < Math.min(clients, start + batch); i++) {
      const senderIndex = i < ready.senderCookies.length ? i : -1;
      // Readers share accounts five to a socket limit; senders have their own.
      const cookie =
        senderIndex >= 0
          ? ready.senderCookies[senderIndex]!
          : ready.readerCookies[Math.floor(i / 5) % ready.readerCookies.length]!;
      // Both servers send plain text frames; UTF-8 validation would only tax the shared cores.
      const socket = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false, skipUTF8Validation: true });
      sockets.push(socket);
      opening.push(
        new Promise((resolve, reject) => {
          socket.once('error', reject);
          socket.once('unexpected-response', (_q, res) => reject(new Error(`upgrade refused ${res.statusCode}`)));
          socket.once('open', () => socket.send(JSON.stringify({ type: 'join', room: ready.roomId })));
          socket.on('message', function first(data) {
            if (!data.toString().startsWith('{"type":"joined"')) return;
            socket.off('message', first);
            socket.on('message', onMessage);
            resolve();
          });
        }),
      );
    }
    await Promise.all(opening);
  }
  return sockets;
}

/**
 * Runs one point: `clients` members in one room, 5 of them sending `rate` messages per second in
 * total for `seconds`. Latency is measured from send to each delivery (one clock: same process).
 */
export async function runLoad(
  ready: Ready,
  options: {
    clients: number;
    rate: number;
    seconds: number;
    beforeSend?: () => Promise<void>;
    afterSend?: () => Promise<void>;
  },
): Promise<LoadResult> {
  const url = `ws://127.0.0.1:${ready.port}/api/chat/ws`;
  const latencies: number[] = [];
  let delivered = 0;
  let firstDelivery = 0;
  let lastDelivery = 0;
  const onMessage = (data: WebSocket.RawData) => {
    const frame = data as Buffer;
    const at = frame.indexOf(MARK);
    if (at < 0) return;
    const now = performance.now();
    const sentAt = decodeTime(frame, at + MARK.length);
    latencies.push(now - sentAt);
    delivered += 1;
    if (firstDelivery === 0) firstDelivery = now;
    lastDelivery = now;
  };

  const connectStart = performance.now();
  const sockets = await connectAll(url, ready, options.clients, onMessage);
  const connectSeconds = (performance.now() - connectStart) / 1000;

  await options.beforeSend?.();
  const senders = sockets.slice(0, ready.senderCookies.length);
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  let sent = 0;
  const sendStart = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(
      () => {
        // Catch up if the timer fell behind, so the offered rate is the one asked for.
        const due = Math.min(total, Math.floor((performance.now() - sendStart) / interval) + 1);
        while (sent < due) {
          const socket = senders[sent % senders.length]!;
          const body = `bench ${encodeTime(performance.now())} thinking of you all tonight`;
          socket.send(
            JSON.stringify({
              type: 'send',
              room: ready.roomId,
              clientMsgId: `b${sent}-${randomBytes(6).toString('hex')}`,
              body,
            }),
          );
          sent += 1;
        }
        if (sent >= total) {
          clearInterval(timer);
          resolve();
        }
      },
      Math.max(1, Math.floor(interval / 2)),
    );
  });
  await options.afterSend?.();

  // Drain: wait for every delivery, or for ten seconds without progress.
  const expected = sent * options.clients;
  let lastCount = -1;
  let stillFor = 0;
  while (delivered < expected && stillFor < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    stillFor = delivered === lastCount ? stillFor + 200 : 0;
    lastCount = delivered;
  }
  for (const socket of sockets) socket.terminate();

  const sorted = Float64Array.from(latencies).sort();
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const span = (lastDelivery - firstDelivery) / 1000;
  return {
    sent,
    expected,
    delivered,
    lost: expected - delivered,
    p50: pick(0.5),
    p99: pick(0.99),
    deliveriesPerSecond: span > 0 ? delivered / span : 0,
    connectSeconds,
  };
}
