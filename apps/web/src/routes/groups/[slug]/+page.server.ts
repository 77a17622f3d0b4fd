import { forumApi } from '$lib/forum/api.server.ts';
import { changeMembership, verificationStatus } from '$lib/forum/membership.server.ts';
import { cursorFrom } from '$lib/forum/paging.ts';
import { unwrap } from '$lib/forum/respond.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = forumApi(event);
  const { group } = unwrap(await api.group(event.params.slug));
  // Threads only for readers; everyone else sees the description and how to join.
  const [threads, verification] = await Promise.all([
    group.viewer.canRead ? api.threads(group.slug, cursorFrom(event.url)) : null,
    group.viewer.canRead ? null : verificationStatus(event),
  ]);
  return {
    group,
    threads: threads ? unwrap(threads) : null,
    verification,
    cursor: cursorFrom(event.url) ?? null,
  };
};

export const actions: Actions = {
  join: (event) => changeMembership(event, true),
  leave: (event) => changeMembership(event, false),
};
