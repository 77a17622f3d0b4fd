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
  close(): Promise<void>;
}

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
    async close() {
      handlers.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
