import { ERRORS } from '@bedrock/shared';
import { error, redirect } from '@sveltejs/kit';
import { chatApi } from '$lib/chat/api.server.ts';
import { usernameList, utcFromLocalInput } from '$lib/chat/sessions.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const isStaff = (role: string | undefined) => role === 'moderator' || role === 'admin';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const api = chatApi(event);
  const group = await api.group(event.params.slug);
  if (!group.ok) error(group.error.status, group.error.message);
  const sessions = await api.sessions(group.data.group.id);
  if (!sessions.ok) error(sessions.error.status, sessions.error.message);
  return {
    group: group.data.group,
    sessions: sessions.data.sessions,
    canSchedule: isStaff(event.locals.user.role),
  };
};

export const actions: Actions = {
  schedule: async (event) => {
    const data = await event.request.formData();
    const values = {
      title: field(data, 'title'),
      startsAt: field(data, 'startsAt'),
      endsAt: field(data, 'endsAt'),
      facilitators: field(data, 'facilitators'),
    };
    const startsAt = utcFromLocalInput(values.startsAt);
    const endsAt = utcFromLocalInput(values.endsAt);
    if (!startsAt || !endsAt) {
      const fields: Record<string, string> = {};
      if (!startsAt) fields.startsAt = 'Enter a date and time.';
      if (!endsAt) fields.endsAt = 'Enter a date and time.';
      return failWith({ status: 400, code: 'ERR_VALIDATION', message: ERRORS.ERR_VALIDATION.message, fields }, values);
    }
    const api = chatApi(event);
    const group = await api.group(event.params.slug);
    if (!group.ok) error(group.error.status, group.error.message);
    const created = await api.schedule({
      groupId: group.data.group.id,
      title: values.title,
      startsAt,
      endsAt,
      facilitators: usernameList(values.facilitators),
    });
    if (!created.ok) return failWith(created.error, values);
    redirect(303, `/chat/groups/${encodeURIComponent(event.params.slug)}/sessions?scheduled=1`);
  },
};
