import { okResponseSchema } from '@bedrock/shared';
import { redirect } from '@sveltejs/kit';
import { createApi } from '$lib/server/api.ts';
import { SESSION_COOKIE } from '$lib/session.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    // The API clears the session cookie in its answer and the client copies it onto ours; even if the API
    // cannot be reached, the member's wish to be logged out is honoured on this device.
    const result = await createApi(event).post('/api/auth/logout', okResponseSchema);
    if (!result.ok) event.cookies.delete(SESSION_COOKIE, { path: '/' });
    event.locals.user = null;
    redirect(303, '/');
  },
};
