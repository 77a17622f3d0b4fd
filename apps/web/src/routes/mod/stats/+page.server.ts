import { LABELS } from '@bedrock/shared';
import { unwrap } from '$lib/forum/respond.server.ts';
import { moderationApi } from '$lib/moderation/api.server.ts';
import { requireModerator } from '$lib/moderation/guard.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const stats = unwrap(await moderationApi(event).stats());
  const totals = LABELS.map((label) => ({
    label,
    count: stats.days.reduce((sum, day) => sum + (day.counts[label] ?? 0), 0),
  }));
  return { stats, totals };
};
