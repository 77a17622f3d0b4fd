import { chatHistoryResponseSchema } from '@bedrock/shared';
import type { ChatEnv } from './types.ts';

/** The websocket lives on the page's own origin under /api; the session cookie goes with the upgrade. */
export function chatSocketUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/chat/ws`;
}

function randomId(): string {
  // getRandomValues works on plain http too, where crypto.randomUUID does not exist.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function browserChatEnv(room: string): ChatEnv {
  return {
    openSocket(handlers) {
      const socket = new WebSocket(chatSocketUrl(window.location));
      socket.onopen = () => handlers.open();
      socket.onmessage = (event) => {
        if (typeof event.data === 'string') handlers.message(event.data);
      };
      socket.onclose = (event) => handlers.close(event.code);
      return { send: (data) => socket.send(data), close: (code) => socket.close(code) };
    },
    async fetchHistory(query) {
      const params = new URLSearchParams({ limit: String(query.limit) });
      if (query.after !== undefined) params.set('after', String(query.after));
      if (query.before !== undefined) params.set('before', String(query.before));
      const response = await fetch(`/api/chat/rooms/${encodeURIComponent(room)}/messages?${params}`, {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`history ${response.status}`);
      return chatHistoryResponseSchema.parse(await response.json());
    },
    schedule(run, ms) {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    now: () => Date.now(),
    random: () => Math.random(),
    isOnline: () => navigator.onLine,
    async signedIn() {
      const response = await fetch('/api/me', { headers: { accept: 'application/json' } });
      return response.status !== 401;
    },
    newId: randomId,
  };
}
