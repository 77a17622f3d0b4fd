import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * Fan-out between API instances. Payloads are strings that are already serialized, so a broadcast is
 * encoded once and every instance forwards the same string to its sockets. The broker carries only
 * live traffic: catch-up always reads PostgreSQL.
 */
export interface Broker {
  publish(channel: string, payload: string): Promise<void>;
  /** Every payload published on any instance (this one included), in publish order per publisher. */
  subscribe(channel: string, handler: (payload: string) => void): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  /**
   * A sliding-window limit shared by every instance: whether `key` may act now (at most `max` times in
   * `windowMs`); an allowed action is counted, a refused one is not.
   */
  allow(key: string, max: number, windowMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** In-process windows, swept of idle keys now and then. */
function memoryWindows(): Broker['allow'] {
  const windows = new Map<string, number[]>();
  return async (key, max, windowMs) => {
    const now = Date.now();
    if (windows.size > 1_000) {
      for (const [k, times] of windows) if (now - (times.at(-1) ?? 0) >= windowMs) windows.delete(k);
    }
    const times = (windows.get(key) ?? []).filter((t) => now - t < windowMs);
    const allowed = times.length < max;
    if (allowed) times.push(now);
    windows.set(key, times);
    return allowed;
  };
}

/**
 * The same window in Redis, atomically: a sorted set of the allowed actions' times, pruned, counted and
 * added to in one script, expiring with the window.
 */
const ALLOW_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** One process: a publish is a synchronous loop over the handlers. */
export function createMemoryBroker(): Broker {
  const handlers = new Map<string, (payload: string) => void>();
  return {
    async publish(channel, payload) {
      handlers.get(channel)?.(payload);
    },
    async subscribe(channel, handler) {
      handlers.set(channel, handler);
    },
    async unsubscribe(channel) {
      handlers.delete(channel);
    },
    allow: memoryWindows(),
    async close() {
      handlers.clear();
    },
  };
}

/**
 * Redis pub/sub: one connection publishes, one subscribes. Redis delivers messages of one channel in
 * publish order, and one publisher connection keeps each instance's own order.
 */
export async function createRedisBroker(url: string, onError: (error: Error) => void): Promise<Broker> {
  const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  publisher.on('error', onError);
  subscriber.on('error', onError);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const handlers = new Map<string, (payload: string) => void>();
  subscriber.on('message', (channel: string, payload: string) => handlers.get(channel)?.(payload));
  return {
    async publish(channel, payload) {
      await publisher.publish(channel, payload);
    },
    async subscribe(channel, handler) {
      handlers.set(channel, handler);
      await subscriber.subscribe(channel);
    },
    async unsubscribe(channel) {
      handlers.delete(channel);
      await subscriber.unsubscribe(channel);
    },
    async allow(key, max, windowMs) {
      const now = Date.now();
      const member = `${now}:${randomBytes(4).toString('hex')}`;
      try {
        return (await publisher.eval(ALLOW_SCRIPT, 1, key, now, windowMs, max, member)) === 1;
      } catch (error) {
        // A Redis outage must not silence every member: let the message through and say so.
        onError(error as Error);
        return true;
      }
    },
    async close() {
      handlers.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
