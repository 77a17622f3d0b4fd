import { checkRequestSchema } from '@bedrock/shared';
import { json } from '@sveltejs/kit';
import { moderationApi } from '$lib/moderation/api.server.ts';
import type { RequestHandler } from './$types';

/**
 * The composers' debounced nudge: passes the draft to `POST /api/moderation/check` with the member's
 * session. The draft is never logged or stored; errors come back as the API's code and sentence.
 */
export const POST: RequestHandler = async (event) => {
  const body: unknown = await event.request.json().catch(() => null);
  const parsed = checkRequestSchema.safeParse(body);
  if (!parsed.success) return json({ error: { code: 'ERR_VALIDATION' } }, { status: 400 });
  const result = await moderationApi(event).check(parsed.data);
  if (!result.ok)
    return json({ error: { code: result.error.code, message: result.error.message } }, { status: result.error.status });
  return json(result.data, { headers: { 'cache-control': 'no-store' } });
};
