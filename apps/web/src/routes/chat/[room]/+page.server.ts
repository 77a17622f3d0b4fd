import { randomBytes } from 'node:crypto';
import { CHAT_HISTORY_ON_JOIN, chatBodySchema, clientMessageIdSchema } from '@bedrock/shared';
import { error, fail, redirect } from '@sveltejs/kit';
import { chatApi } from '$lib/chat/api.server.ts';
import { forumApi } from '$lib/forum/api.server.ts';
import { sendWithoutScript } from '$lib/chat/send.server.ts';
import { nudgeFirst } from '$lib/moderation/nudge.server.ts';
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
    // Anyone who may read an open group may read its room; only members (and staff) write in it.
    canPost: group?.viewer.canPost ?? false,
    // Facilitators learn they may moderate when they join; staff know already.
    staff: role === 'moderator' || role === 'admin',
    // For the form without JavaScript: a fresh id per render, so a resubmitted form is not sent twice.
    clientMsgId: randomBytes(16).toString('hex'),
  };
};

function positiveInt(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export const actions: Actions = {
  /** Only used without JavaScript; with it, the page sends over its own websocket. */
  send: async (event) => {
    const data = await event.request.formData();
    const raw = field(data, 'body');
    const body = chatBodySchema.safeParse(raw);
    if (!body.success) {
      const fields = { body: body.error.issues[0]?.message ?? 'Write something first.' };
      return failWith(formError('ERR_VALIDATION', fields), { body: raw }, 'send');
    }
    const clientMsgId = clientMessageIdSchema.safeParse(field(data, 'clientMsgId'));
    if (!clientMsgId.success) return failWith(formError('ERR_VALIDATION'), { body: raw }, 'send');
    // The same second look the live composer gives before sending; "Post anyway" comes back with the flag.
    const nudge = await nudgeFirst(event, 'chat', body.data, { body: raw }, 'send');
    if (nudge) return nudge;
    const outcome = await sendWithoutScript(event, event.params.room, clientMsgId.data, body.data);
    if (outcome.kind === 'sent') return { done: 'sent' as const, crisis: outcome.crisis };
    if (outcome.kind === 'held') return fail(422, { action: 'send', held: outcome.reasons, values: { body: raw } });
    return failWith(formError(outcome.code), { body: raw }, 'send');
  },
  /** A reader who is not a member joins the room's group here, and comes back to write. */
  join: async (event) => {
    if (!event.locals.user) redirect(303, '/login');
    const api = chatApi(event);
    const [room, groups] = await Promise.all([api.room(event.params.room), api.groups()]);
    if (!room.ok) return failWith(room.error, {}, 'join');
    const group = groups.ok ? groups.data.groups.find((g) => g.id === room.data.room.groupId) : undefined;
    if (!group) return failWith(formError('ERR_NOT_FOUND'), {}, 'join');
    const joined = await forumApi(event).join(group.slug);
    if (!joined.ok) return failWith(joined.error, {}, 'join');
    redirect(303, `/chat/${encodeURIComponent(event.params.room)}`);
  },
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
