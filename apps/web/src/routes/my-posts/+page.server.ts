import { redirect } from '@sveltejs/kit';
import { forumApi } from '$lib/forum/api.server.ts';
import { cursorFrom } from '$lib/forum/paging.ts';
import { unwrap } from '$lib/forum/respond.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const cursor = cursorFrom(event.url);
  const result = unwrap(await forumApi(event).myPosts(cursor));
  return { ...result, cursor: cursor ?? null };
};
