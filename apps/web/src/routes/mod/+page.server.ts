import { type RequestEvent, redirect } from '@sveltejs/kit';
import { forumApi } from '$lib/forum/api.server.ts';
import { isEnhanced, unwrap } from '$lib/forum/respond.server.ts';
import { toActionRequest } from '$lib/moderation/action-form.ts';
import { moderationApi } from '$lib/moderation/api.server.ts';
import { requireModerator } from '$lib/moderation/guard.server.ts';
import { filterQuery, readFilters } from '$lib/moderation/queue-filters.ts';
import { formError } from '$lib/server/api-errors.ts';
import { failWith, field } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = '25';

export const load: PageServerLoad = async (event) => {
  requireModerator(event);
  const filters = readFilters(event.url.searchParams);
  const api = moderationApi(event);
  const [queue, directory] = await Promise.all([
    api.queue({ ...filters, limit: PAGE_SIZE }),
    forumApi(event).directory(),
  ]);
  const { items } = unwrap(queue);
  // Context and history per item, side by side; an item resolved meanwhile simply shows without them.
  const details = await Promise.all(items.map((item) => api.item(item.id)));
  return {
    filters,
    items: items.map((item, i) => {
      const detail = details[i];
      return detail?.ok
        ? { ...item, context: detail.data.context, history: detail.data.history }
        : { ...item, context: [], history: null };
    }),
    groups: directory.ok ? directory.data.groups.map((g) => ({ id: g.id, name: g.name })) : [],
    me: event.locals.user?.username ?? '',
    isAdmin: event.locals.user?.role === 'admin',
  };
};

/** Back to the same filtered queue (no-JS), with a short confirmation; with JS the page refreshes in place. */
function done(event: RequestEvent, data: FormData, message: string) {
  if (!isEnhanced(event)) {
    const query = new URLSearchParams(filterQuery(readFilters(new URLSearchParams(field(data, 'filters')))));
    query.set('done', message);
    redirect(303, `/mod?${query}`);
  }
  return { done: message };
}

function actionFields(data: FormData) {
  return {
    action: field(data, 'action'),
    reason: field(data, 'reason'),
    note: field(data, 'note'),
    hours: field(data, 'hours'),
    days: field(data, 'days'),
    removeContent: field(data, 'removeContent'),
  };
}

export const actions: Actions = {
  act: async (event) => {
    requireModerator(event);
    const data = await event.request.formData();
    const id = field(data, 'id');
    const fields = actionFields(data);
    const request = toActionRequest(fields);
    if (!request) return failWith(formError('ERR_VALIDATION'), fields, `act:${id}`);
    const result = await moderationApi(event).act(id, request);
    if (!result.ok) return failWith(result.error, { ...fields, id }, `act:${id}`);
    return done(event, data, `${request.action}`);
  },
  bulk: async (event) => {
    requireModerator(event);
    const data = await event.request.formData();
    const ids = data
      .getAll('ids')
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 50);
    const fields = actionFields(data);
    const request = toActionRequest(fields);
    if (!request) return failWith(formError('ERR_VALIDATION'), fields, 'bulk');
    if (ids.length === 0)
      return failWith(formError('ERR_VALIDATION', { ids: 'Choose at least one item.' }), fields, 'bulk');
    const result = await moderationApi(event).bulk(ids, request);
    if (!result.ok) return failWith(result.error, fields, 'bulk');
    const failed = result.data.results.filter((r) => !r.ok).length;
    return done(event, data, failed === 0 ? `bulk:${request.action}` : `bulk-partial:${failed}`);
  },
  claim: async (event) => {
    requireModerator(event);
    const data = await event.request.formData();
    const id = field(data, 'id');
    const result = await moderationApi(event).claim(id);
    if (!result.ok) return failWith(result.error, {}, `act:${id}`);
    return done(event, data, 'claim');
  },
  unclaim: async (event) => {
    requireModerator(event);
    const data = await event.request.formData();
    const id = field(data, 'id');
    const result = await moderationApi(event).unclaim(id);
    if (!result.ok) return failWith(result.error, {}, `act:${id}`);
    return done(event, data, 'unclaim');
  },
};
