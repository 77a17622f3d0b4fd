import { forumApi } from '$lib/forum/api.server.ts';
import { joinedGroups, upcomingSessions } from '$lib/forum/overview.server.ts';
import type { PageServerLoad } from './$types';

/**
 * The live rooms she may enter: her groups' rooms (read and write), and the rooms of other groups she may
 * read (an open group's room can be read by every member; writing needs membership, as in the forum).
 * Room links go through /chat/groups/<slug>, which finds the room, so listing costs no call per group.
 */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) return { member: false as const };
  const directory = await forumApi(event).directory();
  const groups = directory.ok ? directory.data.groups : [];
  const mine = joinedGroups(groups);
  const readable = groups.filter((g) => !g.viewer.joined && g.viewer.canRead);
  const sessions = await upcomingSessions(event, mine, 5);
  return { member: true as const, mine, readable, sessions, unavailable: !directory.ok };
};
