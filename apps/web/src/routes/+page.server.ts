import { forumApi } from '$lib/forum/api.server.ts';
import { verificationStatus } from '$lib/forum/membership.server.ts';
import { joinedGroups, latestConversations, upcomingSessions } from '$lib/forum/overview.server.ts';
import type { PageServerLoad } from './$types';

/**
 * A visitor sees the open groups; a member sees her groups, a few recent conversations in them,
 * sessions coming up and groups she could join. Nothing here counts members, posts or replies.
 */
export const load: PageServerLoad = async (event) => {
  const [directory, verification] = await Promise.all([forumApi(event).directory(), verificationStatus(event)]);
  const groups = directory.ok ? directory.data.groups : [];
  if (!event.locals.user) {
    return { member: null, openGroups: groups.filter((g) => g.kind === 'open'), unavailable: !directory.ok };
  }
  const mine = joinedGroups(groups);
  const joinable = groups.filter(
    (g) => !g.viewer.joined && (g.kind === 'open' ? g.viewer.canRead : verification === 'approved'),
  );
  const [conversations, sessions] = await Promise.all([
    latestConversations(event, mine, 5),
    upcomingSessions(event, mine, 3),
  ]);
  return {
    member: { groups: mine, joinable, conversations, sessions, verification },
    openGroups: [],
    unavailable: !directory.ok,
  };
};
