import { targetTypeSchema } from '@bedrock/shared';
import { redirect } from '@sveltejs/kit';
import { notFound, unwrap } from '$lib/forum/respond.server.ts';
import { moderationApi } from '$lib/moderation/api.server.ts';
import { safeBack } from '$lib/moderation/nudge.ts';
import type { PageServerLoad } from './$types';

/** What just happened to the member's own post or message: held (and why), or the crisis panel. */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const type = targetTypeSchema.safeParse(event.url.searchParams.get('type'));
  const id = event.url.searchParams.get('id') ?? '';
  if (!type.success || !id) notFound();
  const outcome = unwrap(await moderationApi(event).outcome(type.data, id));
  return { outcome, type: type.data, back: safeBack(event.url.searchParams.get('back')) };
};
