import type { ChatRoomInfo, GroupSummary, ThreadSummary } from '@bedrock/shared';
import type { RequestEvent } from '@sveltejs/kit';
import { chatApi } from '$lib/chat/api.server.ts';
import { forumApi } from './api.server.ts';

// The member's starting points (home and the chat index) gather a little from each of her groups. The
// API has no cross-group feed, so these make at most one call per group, for the first few groups only:
// a member in many groups must never turn one page view into dozens of requests.

/** How many of her groups are asked for conversations or sessions, at most. */
export const OVERVIEW_GROUP_CAP = 5;
const THREADS_PER_GROUP = 3;

export interface GroupThread {
  thread: ThreadSummary;
  groupName: string;
}

export interface UpcomingSession {
  session: ChatRoomInfo;
  group: { slug: string; name: string };
}

/** Groups she has joined and may read (a ban or a suspension leaves her no way in). */
export function joinedGroups(groups: GroupSummary[]): GroupSummary[] {
  return groups.filter((g) => g.viewer.joined && g.viewer.canRead);
}

/** The latest conversations across the first few of `groups`, newest activity first. */
export async function latestConversations(
  event: RequestEvent,
  groups: GroupSummary[],
  limit: number,
): Promise<GroupThread[]> {
  const api = forumApi(event);
  const asked = groups.slice(0, OVERVIEW_GROUP_CAP);
  const pages = await Promise.all(asked.map((g) => api.threads(g.slug, undefined, THREADS_PER_GROUP)));
  const found: GroupThread[] = [];
  pages.forEach((page, i) => {
    // A group that fails to answer is left out quietly: the rest of the page still helps.
    if (!page.ok) return;
    for (const thread of page.data.threads) found.push({ thread, groupName: asked[i]?.name ?? '' });
  });
  found.sort((a, b) => b.thread.lastActivityAt.localeCompare(a.thread.lastActivityAt));
  return found.slice(0, limit);
}

/** Facilitated sessions that are on now or still to come in the first few of `groups`, soonest first. */
export async function upcomingSessions(
  event: RequestEvent,
  groups: GroupSummary[],
  limit: number,
): Promise<UpcomingSession[]> {
  const api = chatApi(event);
  const asked = groups.slice(0, OVERVIEW_GROUP_CAP);
  const lists = await Promise.all(asked.map((g) => api.sessions(g.id)));
  const found: UpcomingSession[] = [];
  lists.forEach((list, i) => {
    const group = asked[i];
    if (!list.ok || !group) return;
    for (const session of list.data.sessions) {
      if (session.state === 'open' || session.state === 'scheduled') {
        found.push({ session, group: { slug: group.slug, name: group.name } });
      }
    }
  });
  found.sort((a, b) => (a.session.startsAt ?? '').localeCompare(b.session.startsAt ?? ''));
  return found.slice(0, limit);
}
