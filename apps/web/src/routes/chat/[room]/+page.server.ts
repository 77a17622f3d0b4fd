import { CHAT_HISTORY_ON_JOIN } from '@bedrock/shared';
import { error, redirect } from '@sveltejs/kit';
import { chatApi } from '$lib/chat/api.server.ts';
import { failWith, field } from '$lib/server/forms.ts';
import { formError } from '$lib/server/api-errors.ts';
import type { Actions, PageServerLoad } from './$types';

/** Recent history rendered on the server, so the room reads (and is usable) before or without JavaScript. */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const api = chatApi(event);
  const room = await api.room(event.params.room);
  if (!room.ok) {
    if (room.error.status === 401) redirect(303, '/login');
    error(room.error.status, room.error.message);
  }
  const [history, groups] = await Promise.all([api.recent(room.data.room.id, CHAT_HISTORY_ON_JOIN), api.groups()]);
  if (!history.ok) error(history.error.status, history.error.message);
  const group = groups.ok ? groups.data.groups.find((g) => g.id === room.data.room.groupId) : undefined;
  const role = event.locals.user.role;
  return {
    room: room.data.room,
    messages: history.data.messages,
    olderExist: history.data.more,
    group: group ? { name: group.name, slug: group.slug } : null,
    // Facilitators learn they may moderate when they join; staff know already.
    staff: role === 'moderator' || role === 'admin',
  };
};

function positiveInt(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export const actions: Actions = {
  remove: async (event) => {
    const seq = positiveInt(field(await event.request.formData(), 'seq'));
    if (seq === null) return failWith(formError('ERR_VALIDATION'), {}, 'remove');
    const result = await chatApi(event).remove(event.params.room, seq);
    return result.ok ? { done: 'removed' as const } : failWith(result.error, {}, 'remove');
  },
  mute: async (event) => {
    const data = await event.request.formData();
    const seq = positiveInt(field(data, 'seq'));
    const minutes = positiveInt(field(data, 'minutes'));
    if (seq === null || minutes === null) return failWith(formError('ERR_VALIDATION'), {}, 'mute');
    const result = await chatApi(event).mute(event.params.room, seq, minutes);
    return result.ok ? { done: 'muted' as const, until: result.data.until } : failWith(result.error, {}, 'mute');
  },
  settings: async (event) => {
    const data = await event.request.formData();
    const change: { slowModeSeconds?: number; closed?: boolean } = {};
    const slow = field(data, 'slowModeSeconds');
    if (slow !== '') change.slowModeSeconds = Number(slow);
    const closed = field(data, 'closed');
    if (closed === 'true' || closed === 'false') change.closed = closed === 'true';
    const result = await chatApi(event).update(event.params.room, change);
    return result.ok ? { done: 'settings' as const } : failWith(result.error, {}, 'settings');
  },
};
