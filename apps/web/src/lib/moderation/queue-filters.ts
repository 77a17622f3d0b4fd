import { FLAG_SOURCES, LABELS } from '@bedrock/shared';

export const FILTER_NAMES = ['label', 'groupId', 'source', 'status', 'claimedBy'] as const;
export type Filters = Record<(typeof FILTER_NAMES)[number], string>;

/** The queue's filters from the page's query string; unknown values read as "any". */
export function readFilters(params: URLSearchParams): Filters {
  const label = params.get('label') ?? '';
  const source = params.get('source') ?? '';
  const status = params.get('status') ?? '';
  return {
    label: (LABELS as readonly string[]).includes(label) ? label : '',
    groupId: (params.get('groupId') ?? '').trim().slice(0, 100),
    source: (FLAG_SOURCES as readonly string[]).includes(source) ? source : '',
    status: status === 'resolved' ? 'resolved' : 'open',
    claimedBy: (params.get('claimedBy') ?? '').trim().slice(0, 100),
  };
}

/** The query string that brings a moderator back to the same filtered queue. */
export function filterQuery(filters: Filters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES)
    if (filters[name] && !(name === 'status' && filters[name] === 'open')) params.set(name, filters[name]);
  return params.toString();
}
