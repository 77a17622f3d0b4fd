import { redirect } from '@sveltejs/kit';
import { forumApi } from '$lib/forum/api.server.ts';
import { changeMembership } from '$lib/forum/membership.server.ts';
import { composerInput, composerValuesRecord } from '$lib/forum/form-input.ts';
import { cursorFrom, cursorHref } from '$lib/forum/paging.ts';
import { doneOrRedirect, unwrap } from '$lib/forum/respond.server.ts';
import { nudgeFirst, showOutcome } from '$lib/moderation/nudge.server.ts';
import { formError } from '$lib/server/api-errors.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const threadPath = (slug: string, id: string) =>
  `/groups/${encodeURIComponent(slug)}/threads/${encodeURIComponent(id)}`;

export const load: PageServerLoad = async (event) => {
  const api = forumApi(event);
  const cursor = cursorFrom(event.url);
  const page = unwrap(await api.thread(event.params.threadId, cursor));
  // The thread decides its group: an old or mistyped slug goes to the right address.
  if (page.group.slug !== event.params.slug) {
    redirect(308, `${threadPath(page.group.slug, page.thread.id)}${event.url.search}`);
  }
  const { group } = unwrap(await api.group(page.group.slug));
  // A signed-in reader who is not a member (an open group) is offered to join right here.
  const joinGroup = event.locals.user && !group.viewer.canPost && !group.viewer.joined ? group : null;
  return { ...page, canTakePart: group.viewer.canPost, joinGroup, cursor: cursor ?? null };
};

export const actions: Actions = {
  /** Join from the conversation, then back to it with the reply form open. */
  join: (event) => changeMembership(event, true, threadPath(event.params.slug, event.params.threadId)),

  reply: async (event) => {
    const input = composerInput(await event.request.formData());
    const values = composerValuesRecord(input.values);
    if (!input.ok) return failWith(formError('ERR_VALIDATION', input.fields), values, 'reply');
    const nudge = await nudgeFirst(event, 'reply', input.body, values, 'reply');
    if (nudge) return nudge;
    const result = await forumApi(event).reply(event.params.threadId, {
      body: input.body,
      anonymous: input.anonymous,
      contentWarning: input.contentWarning,
    });
    if (!result.ok) return failWith(result.error, values, 'reply');
    const back = `${threadPath(event.params.slug, event.params.threadId)}#post-${result.data.post.id}`;
    await showOutcome(event, 'post', result.data.post.id, back);
    redirect(303, back);
  },

  react: async (event) => {
    const data = await event.request.formData();
    const postId = field(data, 'postId');
    const result = await forumApi(event).react(postId, field(data, 'kind'));
    if (!result.ok) return failWith(result.error, {}, 'react');
    const back = `${cursorHref(threadPath(event.params.slug, event.params.threadId), cursorFrom(event.url) ?? null)}#post-${postId}`;
    return doneOrRedirect(event, back, { action: 'react' as const, done: true });
  },

  delete: async (event) => {
    const postId = field(await event.request.formData(), 'postId');
    const result = await forumApi(event).remove(postId);
    if (!result.ok) return failWith(result.error, {}, 'delete');
    const cursor = cursorFrom(event.url);
    const query = new URLSearchParams({ ...(cursor ? { cursor } : {}), deleted: '1' });
    const back = `${threadPath(event.params.slug, event.params.threadId)}?${query}#post-${postId}`;
    return doneOrRedirect(event, back, { action: 'delete' as const, done: true });
  },
};
