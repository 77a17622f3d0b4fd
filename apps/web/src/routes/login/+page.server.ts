import { meResponseSchema } from '@bedrock/shared';
import { redirect } from '@sveltejs/kit';
import { createApi } from '$lib/server/api.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const username = field(data, 'username');
    const result = await createApi(event).post('/api/auth/login', meResponseSchema, {
      username,
      password: field(data, 'password'),
    });
    if (!result.ok) return failWith(result.error, { username });
    redirect(303, '/account');
  },
};
