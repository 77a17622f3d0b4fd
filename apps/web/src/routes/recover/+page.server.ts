import { recoverResponseSchema } from '@bedrock/shared';
import { createApi } from '$lib/server/api.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const data = await event.request.formData();
    const username = field(data, 'username');
    const result = await createApi(event).post('/api/auth/recover', recoverResponseSchema, {
      username,
      code: field(data, 'code'),
      newPassword: field(data, 'newPassword'),
    });
    if (!result.ok) return failWith(result.error, { username });
    event.locals.user = result.data.user;
    return { recovered: true as const, remainingCodes: result.data.remainingCodes };
  },
};
