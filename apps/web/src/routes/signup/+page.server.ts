import { RECOVERY_CODE_COUNT, signupResponseSchema } from '@bedrock/shared';
import { fail, redirect } from '@sveltejs/kit';
import { createApi } from '$lib/server/api.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  create: async (event) => {
    const data = await event.request.formData();
    const username = field(data, 'username');
    const result = await createApi(event).post('/api/auth/signup', signupResponseSchema, {
      username,
      password: field(data, 'password'),
    });
    if (!result.ok) return failWith(result.error, { username });
    // This response renders the codes screen; the layout should already show the member as signed in.
    event.locals.user = result.data.user;
    return { recoveryCodes: result.data.recoveryCodes };
  },

  /** "I have saved my codes". The codes ride along hidden, so a missed tick can show them again. */
  saved: async ({ request }) => {
    const data = await request.formData();
    if (data.get('saved') === 'yes') redirect(303, '/account');
    const codes = data
      .getAll('code')
      .filter((c): c is string => typeof c === 'string' && /^[\w-]{1,64}$/.test(c))
      .slice(0, RECOVERY_CODE_COUNT);
    return fail(400, { recoveryCodes: codes, savedError: 'Tick the box once your codes are saved somewhere safe.' });
  },
};
