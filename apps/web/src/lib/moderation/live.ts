import { type ModQueueEvent, modQueueEventSchema } from '@bedrock/shared';

/**
 * Live queue events on the page's own origin (the session cookie goes with the upgrade). Ids and labels
 * only: the page fetches items itself. Reconnects with a growing pause; returns the function that stops it.
 */
export function openQueueSocket(
  onEvent: (event: ModQueueEvent) => void,
  onOpen: (open: boolean) => void = () => {},
): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function connect() {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${window.location.host}/api/mod/ws`);
    socket.onopen = () => {
      attempt = 0;
      onOpen(true);
    };
    socket.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = modQueueEventSchema.safeParse(json);
      if (parsed.success) onEvent(parsed.data);
    };
    socket.onclose = (event) => {
      onOpen(false);
      // 4401/4403: signed out or no longer a moderator; reconnecting would not help.
      if (stopped || event.code === 4401 || event.code === 4403) return;
      attempt += 1;
      timer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempt));
    };
  }

  connect();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    socket?.close(1000);
  };
}
