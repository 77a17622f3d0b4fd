import { type ChatServerEvent, chatServerEventSchema, type ErrorCode } from '@bedrock/shared';
import type { RequestEvent } from '@sveltejs/kit';
import WebSocket from 'ws';
import { apiBaseUrl } from '$lib/server/api.ts';
import { SESSION_COOKIE } from '$lib/session.ts';

export type Crisis = Extract<ChatServerEvent, { type: 'crisis' }>;

export type SendOutcome =
  | { kind: 'sent'; crisis: { message: string; resources: Crisis['resources'] } | null }
  | { kind: 'held'; reasons: string[] }
  | { kind: 'refused'; code: ErrorCode };

const TIMEOUT_MS = 10_000;
// Join "after" this (the largest sequence the database holds), so the join replays no history.
const NOTHING_BEFORE = 2_147_483_647;

function clientAddress(event: RequestEvent): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}

/**
 * Sends one chat message for a member whose browser runs no JavaScript. The API has no REST send
 * endpoint, so the page server speaks the websocket protocol on the member's behalf: join, send with
 * the form's client message id (a resubmitted form never makes a second message), wait for the answer.
 * After the ack, a leave and a typing event act as a barrier: the server answers events one at a time,
 * so any crisis notice that follows the ack arrives before the barrier's "not joined" error.
 */
export function sendWithoutScript(
  event: RequestEvent,
  room: string,
  clientMsgId: string,
  body: string,
): Promise<SendOutcome> {
  const base = apiBaseUrl();
  const url = new URL('/api/chat/ws', base);
  url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  const headers: Record<string, string> = { origin: base.origin };
  const token = event.cookies.get(SESSION_COOKIE);
  if (token) headers.cookie = `${SESSION_COOKIE}=${token}`;
  const address = clientAddress(event);
  if (address) headers['x-forwarded-for'] = address;

  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    let acked = false;
    let crisis: { message: string; resources: Crisis['resources'] } | null = null;
    let settled = false;
    const write = (value: Record<string, unknown>) => socket.send(JSON.stringify(value));
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close(1000);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      finish(acked ? { kind: 'sent', crisis } : { kind: 'refused', code: 'ERR_UNAVAILABLE' });
      socket.terminate();
    }, TIMEOUT_MS);

    socket.on('open', () => write({ type: 'join', room, lastSeq: NOTHING_BEFORE }));
    socket.on('unexpected-response', () => finish({ kind: 'refused', code: 'ERR_UNAUTHENTICATED' }));
    socket.on('error', () => finish(acked ? { kind: 'sent', crisis } : { kind: 'refused', code: 'ERR_UNAVAILABLE' }));
    socket.on('close', () => finish(acked ? { kind: 'sent', crisis } : { kind: 'refused', code: 'ERR_UNAVAILABLE' }));
    socket.on('message', (data) => {
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return;
      }
      const parsed = chatServerEventSchema.safeParse(json);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'joined') write({ type: 'send', room, clientMsgId, body });
      else if (message.type === 'ack' && message.clientMsgId === clientMsgId) {
        acked = true;
        write({ type: 'leave', room });
        write({ type: 'typing', room });
      } else if (message.type === 'crisis' && message.clientMsgId === clientMsgId) {
        crisis = { message: message.message, resources: message.resources };
      } else if (message.type === 'held' && message.clientMsgId === clientMsgId) {
        finish({ kind: 'held', reasons: [...new Set(message.reasons.map((r) => r.reason))] });
      } else if (message.type === 'error') {
        finish(acked ? { kind: 'sent', crisis } : { kind: 'refused', code: message.code });
      }
    });
  });
}
