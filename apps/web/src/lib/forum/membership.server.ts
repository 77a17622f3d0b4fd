import type { RequestEvent } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { failWith } from '$lib/server/forms.ts';
import { forumApi } from './api.server.ts';

/** The reader's verification status, or null when signed out or the API cannot say. */
export async function verificationStatus(event: RequestEvent) {
  if (!event.locals.user) return null;
  const result = await forumApi(event).verification();
  return result.ok ? result.data.verification.status : null;
}

/**
 * Join or leave, then back to the group page (with or without JavaScript), or to `back` (a path on this
 * site, e.g. the conversation the member was reading) when given.
 */
export async function changeMembership(
  event: RequestEvent & { params: { slug: string } },
  join: boolean,
  back?: string,
) {
  if (!event.locals.user) redirect(303, '/login');
  const api = forumApi(event);
  const { slug } = event.params;
  const result = join ? await api.join(slug) : await api.leave(slug);
  if (!result.ok) return failWith(result.error, {}, join ? 'join' : 'leave');
  redirect(303, `${back ?? `/groups/${encodeURIComponent(slug)}`}${join ? '?joined=1' : ''}`);
}
