import { redirect } from '@sveltejs/kit';
import { isEnhanced, unwrap } from '$lib/forum/respond.server.ts';
import { moderationApi } from '$lib/moderation/api.server.ts';
import { formError } from '$lib/server/api-errors.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  return { notices: unwrap(await moderationApi(event).notices()).notices };
};

export const actions: Actions = {
  appeal: async (event) => {
    if (!event.locals.user) redirect(303, '/login');
    const data = await event.request.formData();
    const id = field(data, 'id');
    const message = field(data, 'message').trim();
    if (message.length < 3) {
      return failWith(
        formError('ERR_VALIDATION', { message: 'Please write a few words about why.' }),
        { message },
        `appeal:${id}`,
      );
    }
    const result = await moderationApi(event).appeal(id, message);
    if (!result.ok) return failWith(result.error, { message }, `appeal:${id}`);
    if (!isEnhanced(event)) redirect(303, '/notices?appealed=1');
    return { appealed: true };
  },
};
