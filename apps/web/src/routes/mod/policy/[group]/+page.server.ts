import { LABELS, policyActionSchema } from '@bedrock/shared';
import { fail, redirect } from '@sveltejs/kit';
import { unwrap } from '$lib/forum/respond.server.ts';
import { moderationApi } from '$lib/moderation/api.server.ts';
import { requireAdmin } from '$lib/moderation/guard.server.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireAdmin(event);
  return { policy: unwrap(await moderationApi(event).policy(event.params.group)) };
};

export const actions: Actions = {
  default: async (event) => {
    requireAdmin(event);
    const data = await event.request.formData();
    const rules = [];
    for (const label of LABELS) {
      const action = policyActionSchema.safeParse(field(data, label));
      if (!action.success)
        return fail(400, { message: 'Choose hold or publish for every label.', fields: {}, values: {} });
      rules.push({ label, action: action.data });
    }
    const result = await moderationApi(event).updatePolicy(event.params.group, { rules });
    if (!result.ok) return failWith(result.error);
    redirect(303, `/mod/policy/${encodeURIComponent(event.params.group)}?saved=1`);
  },
};
