import { error, redirect } from '@sveltejs/kit';
import { chatApi } from '$lib/chat/api.server.ts';
import type { PageServerLoad } from './$types';

/** `/chat/groups/<slug>`: a group's standing live room, for links from the forum's group pages. */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, '/login');
  const api = chatApi(event);
  const group = await api.group(event.params.slug);
  if (!group.ok) error(group.error.status, group.error.message);
  const room = await api.groupRoom(group.data.group.id);
  if (!room.ok) error(room.error.status, room.error.message);
  redirect(303, `/chat/${encodeURIComponent(room.data.room.id)}`);
};
