import { LIMITS } from '@bedrock/shared';
import { redirect } from '@sveltejs/kit';
import { forumApi } from '$lib/forum/api.server.ts';
import { findPostInThread } from '$lib/forum/find-post.server.ts';
import { cursorFrom } from '$lib/forum/paging.ts';
import { composerInput, composerValuesRecord } from '$lib/forum/form-input.ts';
import { notFound, unwrap } from '$lib/forum/respond.server.ts';
import { formError } from '$lib/server/api-errors.ts';
import { failWith } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const api = forumApi(event);
  const { threadId, postId } = event.params;
  const found = unwrap(
    await findPostInThread((cursor) => api.thread(threadId, cursor, LIMITS.pageMax), postId, cursorFrom(event.url)),
  );
  const { page, post } = found;
  // Only the author gets the source back; for anyone else this page does not exist.
  if (!post?.isMine || post.bodySource === null || post.deleted) notFound();
  return {
    post,
    thread: page.thread,
    group: page.group,
    values: {
      title: post.isOpening ? page.thread.title : '',
      body: post.bodySource,
      cwCategory: post.contentWarning?.category ?? '',
      cwText: post.contentWarning?.text ?? '',
    },
  };
};

export const actions: Actions = {
  default: async (event) => {
    const input = composerInput(await event.request.formData());
    const values = composerValuesRecord(input.values);
    if (!input.ok) return failWith(formError('ERR_VALIDATION', input.fields), values);
    const withTitle = input.values.title.trim() !== '';
    const result = await forumApi(event).edit(event.params.postId, {
      body: input.body,
      ...(withTitle ? { title: input.title } : {}),
      contentWarning: input.contentWarning,
    });
    if (!result.ok) return failWith(result.error, values);
    const { slug, threadId, postId } = event.params;
    redirect(303, `/groups/${encodeURIComponent(slug)}/threads/${encodeURIComponent(threadId)}#post-${postId}`);
  },
};
