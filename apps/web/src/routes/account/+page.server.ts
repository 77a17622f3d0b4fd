import { okResponseSchema, sessionListResponseSchema } from '@bedrock/shared';
import { error, redirect } from '@sveltejs/kit';
import { createApi } from '$lib/server/api.ts';
import { formError } from '$lib/server/api-errors.ts';
import { failWith, field } from '$lib/server/forms.ts';
import { SESSION_COOKIE } from '$lib/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const result = await createApi(event).get('/api/account/sessions', sessionListResponseSchema);
  if (!result.ok) {
    if (result.error.status === 401) redirect(303, '/login');
    error(result.error.status, { message: result.error.message, code: result.error.code });
  }
  return { sessions: result.data.sessions };
};

export const actions: Actions = {
  endSession: async (event) => {
    const id = field(await event.request.formData(), 'id');
    const result = await createApi(event).delete(`/api/account/sessions/${encodeURIComponent(id)}`, okResponseSchema);
    if (!result.ok) return failWith(result.error, {}, 'endSession');
    return { action: 'endSession' as const, done: true };
  },

  logoutEverywhere: async (event) => {
    const result = await createApi(event).post('/api/auth/logout-everywhere', okResponseSchema);
    if (!result.ok) return failWith(result.error, {}, 'logoutEverywhere');
    event.locals.user = null;
    redirect(303, '/login?ended=everywhere');
  },

  changePassword: async (event) => {
    const data = await event.request.formData();
    const result = await createApi(event).post('/api/account/password', okResponseSchema, {
      currentPassword: field(data, 'currentPassword'),
      newPassword: field(data, 'newPassword'),
    });
    if (!result.ok) return failWith(result.error, {}, 'changePassword');
    return { action: 'changePassword' as const, done: true };
  },

  deleteAccount: async (event) => {
    const data = await event.request.formData();
    if (field(data, 'confirm') !== 'yes') {
      const unticked = formError('ERR_VALIDATION', {
        confirm: 'Tick the box to confirm that you want to delete your account.',
      });
      return failWith(unticked, {}, 'deleteAccount');
    }
    const result = await createApi(event).post('/api/account/delete', okResponseSchema, {
      password: field(data, 'password'),
    });
    if (!result.ok) return failWith(result.error, {}, 'deleteAccount');
    // The API's answer already cleared the cookie (copied onto ours); this device forgets it either way.
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    event.locals.user = null;
    redirect(303, '/account-deleted');
  },
};
