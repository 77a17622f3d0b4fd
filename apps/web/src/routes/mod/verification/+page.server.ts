import type { RequestEvent } from '@sveltejs/kit';
import { forumApi } from '$lib/forum/api.server.ts';
import { doneOrRedirect, notFound, unwrap } from '$lib/forum/respond.server.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// Moderators only; for everyone else this page does not exist.
function requireModerator(event: RequestEvent) {
  const role = event.locals.user?.role;
  if (role !== 'moderator' && role !== 'admin') notFound();
}

export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const api = forumApi(event);
  const [pending, approved] = await Promise.all([api.applications('pending'), api.applications('approved')]);
  return { applications: unwrap(pending).applications, verified: unwrap(approved).applications };
};

async function decide(event: RequestEvent, decision: 'approve' | 'decline' | 'revoke') {
  requireModerator(event);
  const data = await event.request.formData();
  const id = field(data, 'id');
  const reason = field(data, 'reason').trim();
  const api = forumApi(event);
  const result =
    decision === 'approve'
      ? await api.approve(id)
      : decision === 'decline'
        ? await api.decline(id, reason)
        : await api.revoke(id, reason);
  if (!result.ok) return failWith(result.error, { reason }, `${decision}:${id}`);
  return doneOrRedirect(event, `/mod/verification?decided=${decision}`, { action: decision, done: true });
}

export const actions: Actions = {
  approve: (event) => decide(event, 'approve'),
  decline: (event) => decide(event, 'decline'),
  revoke: (event) => decide(event, 'revoke'),
};
