import { forumApi } from '$lib/forum/api.server.ts';
import { verificationStatus } from '$lib/forum/membership.server.ts';
import { unwrap } from '$lib/forum/respond.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const [directory, verification] = await Promise.all([forumApi(event).directory(), verificationStatus(event)]);
  return { groups: unwrap(directory).groups, verification };
};
