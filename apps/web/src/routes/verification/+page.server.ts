import { redirect } from '@sveltejs/kit';
import { forumApi } from '$lib/forum/api.server.ts';
import { verificationInput } from '$lib/forum/form-input.ts';
import { unwrap } from '$lib/forum/respond.server.ts';
import { failWith } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  return { verification: unwrap(await forumApi(event).verification()).verification };
};

export const actions: Actions = {
  default: async (event) => {
    const input = verificationInput(await event.request.formData());
    const result = await forumApi(event).applyForVerification(input);
    if (!result.ok) {
      return failWith(result.error, {
        situation: input.situation,
        foundVia: input.foundVia,
        agreeToGuidelines: input.agreeToGuidelines ? 'yes' : '',
      });
    }
    redirect(303, '/verification?sent=1');
  },
};
