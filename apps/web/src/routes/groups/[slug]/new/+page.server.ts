import { redirect } from '@sveltejs/kit';
import { forumApi } from '$lib/forum/api.server.ts';
import { composerInput, composerValuesRecord } from '$lib/forum/form-input.ts';
import { unwrap } from '$lib/forum/respond.server.ts';
import { nudgeFirst, showOutcome } from '$lib/moderation/nudge.server.ts';
import { formError } from '$lib/server/api-errors.ts';
import { failWith } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const { group } = unwrap(await forumApi(event).group(event.params.slug));
  if (!group.viewer.canPost) redirect(303, `/groups/${encodeURIComponent(group.slug)}`);
  return { group };
};

export const actions: Actions = {
  default: async (event) => {
    const input = composerInput(await event.request.formData());
    const values = composerValuesRecord(input.values);
    if (!input.ok) return failWith(formError('ERR_VALIDATION', input.fields), values);
    const nudge = await nudgeFirst(event, 'thread', input.body, values);
    if (nudge) return nudge;
    const result = await forumApi(event).createThread(event.params.slug, {
      title: input.title,
      body: input.body,
      anonymous: input.anonymous,
      contentWarning: input.contentWarning,
    });
    if (!result.ok) return failWith(result.error, values);
    const { thread } = result.data;
    const back = `/groups/${encodeURIComponent(thread.groupSlug)}/threads/${encodeURIComponent(thread.id)}`;
    await showOutcome(event, 'post', result.data.post.id, back);
    redirect(303, back);
  },
};
