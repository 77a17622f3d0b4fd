import type { RequestEvent } from '@sveltejs/kit';
import { notFound } from '$lib/forum/respond.server.ts';

// Moderator pages do not exist for anyone else; the API checks the role again on every call.
export function requireModerator(event: RequestEvent): void {
  const role = event.locals.user?.role;
  if (role !== 'moderator' && role !== 'admin') notFound();
}

export function requireAdmin(event: RequestEvent): void {
  if (event.locals.user?.role !== 'admin') notFound();
}
