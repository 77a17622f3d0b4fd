import { error, type RequestEvent, redirect } from '@sveltejs/kit';
import type { ApiResult } from '$lib/server/api.ts';

/**
 * Every API 404 becomes the one "not found" page, whatever the code: a partners-only group the reader
 * may not see must look exactly like a group that does not exist.
 */
export const NOT_FOUND = { message: 'We could not find that page.', code: 'ERR_NOT_FOUND' } as const;

export function notFound(): never {
  error(404, NOT_FOUND);
}

/** The data of a successful read, or the page that fits the refusal. */
export function unwrap<T>(result: ApiResult<T>, loginTo = '/login'): T {
  if (result.ok) return result.data;
  const { status, message, code } = result.error;
  if (status === 404) notFound();
  if (status === 401) redirect(303, loginTo);
  error(status, { message, code });
}

/** SvelteKit marks `use:enhance` submissions with this header; plain form posts lack it. */
export function isEnhanced(event: RequestEvent): boolean {
  return event.request.headers.get('x-sveltekit-action') === 'true';
}

/**
 * After a small action (a reaction, a membership change): with JavaScript the page refreshes its data in
 * place; without it, a 303 back to the page so a reload never repeats the post.
 */
export function doneOrRedirect<T extends Record<string, unknown>>(event: RequestEvent, location: string, data: T): T {
  if (!isEnhanced(event)) redirect(303, location);
  return data;
}
