import { unwrap } from '$lib/forum/respond.server.ts';
import { moderationApi } from '$lib/moderation/api.server.ts';
import { requireModerator } from '$lib/moderation/guard.server.ts';
import type { PageServerLoad } from './$types';

const FILTERS = ['action', 'actor', 'targetType', 'targetId'] as const;

export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const params = event.url.searchParams;
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, (params.get(name) ?? '').trim().slice(0, 100)]),
  ) as Record<(typeof FILTERS)[number], string>;
  const before = (params.get('before') ?? '').slice(0, 100);
  const page = unwrap(await moderationApi(event).audit({ ...filters, before, limit: '50' }));
  const next = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) next.set(name, filters[name]);
  if (page.nextBefore) next.set('before', page.nextBefore);
  return {
    filters,
    entries: page.entries,
    nextHref: page.nextBefore ? `/mod/audit?${next}` : null,
    paged: Boolean(before),
  };
};
