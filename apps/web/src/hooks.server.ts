import { meResponseSchema } from '@bedrock/shared';
import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { createApi } from '$lib/server/api.ts';
import { SESSION_COOKIE } from '$lib/session.ts';

/** Pages may show private things on a shared device: never cache them, never leak where a link came from. */
const privacyHeaders: Handle = async ({ event, resolve }) => {
  const resolved = await resolve(event);
  // A response passed through from fetch() has immutable headers; copy it so the headers can be set.
  let response = resolved;
  try {
    response.headers.set('x-content-type-options', 'nosniff');
  } catch {
    response = new Response(resolved.body, resolved);
  }
  response.headers.set('cache-control', 'no-store');
  // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts, which the
  // CSRF checks (ours and SvelteKit's) must refuse.
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('x-frame-options', 'DENY');
  return response;
};

/** The signed-in member, read fresh from the API on every request (roles and bans bite at once). */
const loadUser: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  if (event.cookies.get(SESSION_COOKIE)) {
    const result = await createApi(event).get('/api/me', meResponseSchema);
    if (result.ok) event.locals.user = result.data.user;
  }
  return resolve(event);
};

export const handle = sequence(privacyHeaders, loadUser);
