import { redirect } from '@sveltejs/kit';
import { forumApi } from '$lib/forum/api.server.ts';
import { isReportReason, reportInput } from '$lib/forum/form-input.ts';
import { doneOrRedirect, unwrap } from '$lib/forum/respond.server.ts';
import { formError } from '$lib/server/api-errors.ts';
import { failWith } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// The page a report link opens without JavaScript; with it, the same form posts here from a dialog.
export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const page = unwrap(await forumApi(event).thread(event.params.threadId));
  return { thread: page.thread, group: page.group };
};

export const actions: Actions = {
  default: async (event) => {
    const input = reportInput(await event.request.formData());
    const values = { reason: input.reason, note: input.note ?? '' };
    if (!isReportReason(input.reason)) {
      return failWith(formError('ERR_VALIDATION', { reason: 'Choose what the problem is.' }), values);
    }
    const result = await forumApi(event).report(event.params.postId, { reason: input.reason, note: input.note });
    if (!result.ok) return failWith(result.error, values);
    const { slug, threadId, postId } = event.params;
    const back = `/groups/${encodeURIComponent(slug)}/threads/${encodeURIComponent(threadId)}?reported=1#post-${postId}`;
    return doneOrRedirect(event, back, { reported: true });
  },
};
