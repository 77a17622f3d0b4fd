import type { CheckResponse, TargetType } from '@bedrock/shared';
import { fail, type RequestEvent, redirect } from '@sveltejs/kit';
import { moderationApi } from './api.server.ts';
import { needsNudge, POST_ANYWAY_PARAM } from './nudge.ts';

/** What a composer's form gets back when its draft deserves a second look before posting. */
export interface NudgeFailure {
  message: string;
  fields: Record<string, string>;
  values: Record<string, string>;
  action?: string;
  nudge: CheckResponse;
}

/**
 * Runs the nudge on submit: when the draft has flagged phrases and the member has not chosen "Post
 * anyway", the form comes back with the draft kept and the highlights. When the check is unavailable
 * the post goes ahead: the API classifies every write anyway, so nothing slips past policy. The draft's
 * text is never logged here.
 */
export async function nudgeFirst(
  event: RequestEvent,
  kind: 'thread' | 'reply' | 'chat',
  text: string,
  values: Record<string, string>,
  action?: string,
) {
  if (event.url.searchParams.has(POST_ANYWAY_PARAM)) return null;
  const groupId = await groupIdFor(event);
  const result = await moderationApi(event).check({ text, context: { kind, ...(groupId ? { groupId } : {}) } });
  if (!result.ok || !needsNudge(result.data)) return null;
  const body: NudgeFailure = { message: '', fields: {}, values, ...(action ? { action } : {}), nudge: result.data };
  return fail(422, body);
}

async function groupIdFor(event: RequestEvent): Promise<string | undefined> {
  const slug = event.params.slug;
  if (!slug) return undefined;
  const response = await moderationApi(event).groupBySlug(slug);
  return response.ok ? response.data.group.id : undefined;
}

/**
 * After posting: when the content is held, or the author may need the crisis panel, show them the kind
 * explanation page (which links back). Otherwise the caller carries on as before.
 */
export async function showOutcome(event: RequestEvent, type: TargetType, id: string, back: string): Promise<void> {
  const result = await moderationApi(event).outcome(type, id);
  if (!result.ok) return;
  if (result.data.status !== 'held' && !result.data.crisis) return;
  const query = new URLSearchParams({ type, id, back });
  redirect(303, `/notices/posted?${query}`);
}
