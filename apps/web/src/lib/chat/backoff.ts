const BASE_MS = 500;
const MAX_MS = 30_000;

/**
 * Wait before reconnect attempt `attempt` (0 for the first): doubling from half a second up to 30 s,
 * with "equal jitter" (half fixed, half random) so a restarted server is not hit by every tab at once.
 */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}
