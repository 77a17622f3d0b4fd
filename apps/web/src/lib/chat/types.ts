import type { ChatMessage } from '@bedrock/shared';

/** What the page shows: "Connected", "Reconnecting…", "Offline"; ended when rejoining cannot help. */
export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'ended';

/** signed_out: the session ended; not_found: no such room or no access; removed: access ended while here. */
export type EndReason = 'signed_out' | 'not_found' | 'removed';

export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(code: number): void;
}

export interface SocketHandle {
  send(data: string): void;
  close(code?: number): void;
}

/** Everything the client needs from the outside world, so its logic runs the same in tests. */
export interface ChatEnv {
  openSocket(handlers: SocketHandlers): SocketHandle;
  fetchHistory(query: { after?: number; before?: number; limit: number }): Promise<{
    messages: ChatMessage[];
    more: boolean;
  }>;
  /** Runs `run` after `ms`; returns a cancel function. */
  schedule(run: () => void, ms: number): () => void;
  now(): number;
  random(): number;
  isOnline(): boolean;
  /** False only when the server says this browser is signed out (a network failure is not an answer). */
  signedIn(): Promise<boolean>;
  /** A fresh client message id (letters, digits, dashes; 8–64 characters). */
  newId(): string;
}
