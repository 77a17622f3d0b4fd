import {
  CHAT_CLIENT_EVENT_TYPES,
  CHAT_CLOSE,
  CHAT_FRAME_MAX_BYTES,
  CHAT_MESSAGE_MAX,
  chatClientEventSchema,
} from '@bedrock/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { AuthUser } from '../auth/guards.ts';
import type { Conn, Hub } from './hub.ts';
import { type ChatService, errorEvent } from './service.ts';

/** Sockets one account may hold open on one instance (several tabs and devices, not a botnet). */
export const MAX_SOCKETS_PER_ACCOUNT = 5;

function frameSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

/** Reads one event from a frame, or answers with an error event; the connection stays open either way. */
function parseFrame(hub: Hub, conn: Conn, data: RawData) {
  if (frameSize(data) > CHAT_FRAME_MAX_BYTES) return hub.write(conn, errorEvent('ERR_CHAT_FRAME_TOO_LARGE'));
  let value: unknown;
  try {
    value = JSON.parse(data.toString());
  } catch {
    return hub.write(conn, errorEvent('ERR_CHAT_BAD_FRAME'));
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(CHAT_CLIENT_EVENT_TYPES as readonly string[]).includes(type)) {
    return hub.write(conn, errorEvent('ERR_CHAT_UNKNOWN_EVENT'));
  }
  const parsed = chatClientEventSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const room = (value as { room?: unknown }).room;
  const clientMsgId = (value as { clientMsgId?: unknown }).clientMsgId;
  const extra = {
    ...(typeof room === 'string' && room.length <= 64 ? { room } : {}),
    ...(typeof clientMsgId === 'string' && clientMsgId.length <= 64 ? { clientMsgId } : {}),
  };
  const body = (value as { body?: unknown }).body;
  const tooLong = type === 'send' && typeof body === 'string' && body.trim().length > CHAT_MESSAGE_MAX;
  return hub.write(conn, errorEvent(tooLong ? 'ERR_CHAT_MESSAGE_TOO_LONG' : 'ERR_CHAT_INVALID_EVENT', extra));
}

/**
 * One websocket connection. Handlers are attached synchronously, before anything awaits, so no frame
 * is lost; events are handled one at a time per socket so acks and joins keep their order.
 */
export function handleSocket(
  deps: { hub: Hub; service: ChatService; log: FastifyBaseLogger },
  socket: WebSocket,
  user: AuthUser,
  sessionId: string,
): void {
  const { hub, service, log } = deps;
  const conn: Conn = { socket, user, sessionId, rooms: new Map() };
  let queue = Promise.resolve();

  socket.on('message', (data) => {
    const event = parseFrame(hub, conn, data);
    if (!event) return;
    queue = queue
      .then(() => service.handle(conn, event))
      .catch((error: unknown) => {
        // Never the frame itself: it may hold a message body.
        log.error({ err: error, event: event.type }, 'chat event failed');
        hub.write(conn, errorEvent('ERR_INTERNAL'));
      });
  });
  socket.on('close', () => {
    hub.removeConn(conn);
  });
  socket.on('error', () => socket.terminate());

  if (hub.addConn(conn) > MAX_SOCKETS_PER_ACCOUNT) {
    hub.write(conn, errorEvent('ERR_CHAT_TOO_MANY_SOCKETS'));
    hub.removeConn(conn);
    socket.close(CHAT_CLOSE.TOO_MANY_SOCKETS, 'too many sockets');
  }
}
