import { CHAT_CLOSE, type ModQueueEvent, modQueueEventSchema } from '@bedrock/shared';
import type { WebSocket } from 'ws';
import type { Broker } from '../chat/broker.ts';

export const QUEUE_CHANNEL = 'mod:queue';
const CONTROL_CHANNEL = 'mod:control';

/**
 * New and changed queue items, pushed to every open queue page on every instance through the same
 * broker as chat (in-process, or Redis with REDIS_URL). Events carry ids and labels, never text.
 */
export class LiveQueue {
  private readonly sockets = new Set<{ socket: WebSocket; userId: string }>();

  constructor(
    private readonly broker: Broker,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    await this.broker.subscribe(QUEUE_CHANNEL, (payload) => {
      for (const entry of this.sockets) if (entry.socket.readyState === 1) entry.socket.send(payload);
    });
    await this.broker.subscribe(CONTROL_CHANNEL, (userId) => this.drop(userId, CHAT_CLOSE.SESSION_ENDED));
  }

  /** Closes a user's queue sockets on every instance (suspended, banned, or no longer a moderator). */
  async revoke(userId: string): Promise<void> {
    await this.broker.publish(CONTROL_CHANNEL, userId);
  }

  add(socket: WebSocket, userId: string): void {
    const entry = { socket, userId };
    this.sockets.add(entry);
    socket.on('close', () => this.sockets.delete(entry));
  }

  /** Closes a user's queue sockets here (their role or session ended). */
  drop(userId: string, code: number): void {
    for (const entry of this.sockets) if (entry.userId === userId) entry.socket.close(code, 'session ended');
  }

  publish(event: ModQueueEvent): void {
    this.broker.publish(QUEUE_CHANNEL, JSON.stringify(modQueueEventSchema.parse(event))).catch(this.onError);
  }

  async stop(): Promise<void> {
    await this.broker.unsubscribe(QUEUE_CHANNEL).catch(this.onError);
    await this.broker.unsubscribe(CONTROL_CHANNEL).catch(this.onError);
    for (const entry of this.sockets) entry.socket.terminate();
  }
}
