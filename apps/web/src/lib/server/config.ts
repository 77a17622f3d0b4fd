import { env } from '$env/dynamic/private';
import { safeExitUrl } from '$lib/quick-exit/exit.ts';

/**
 * The neutral site quick exit goes to: the same QUICK_EXIT_URL the API's config documents (one process,
 * one environment). Read per request so nothing runs at module load during `vite build`.
 */
export function quickExitUrl(): string {
  return safeExitUrl(env.QUICK_EXIT_URL);
}
