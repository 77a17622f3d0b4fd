import {
  type ActionRequest,
  actionResponseSchema,
  auditResponseSchema,
  bulkActionResponseSchema,
  type CheckRequest,
  checkResponseSchema,
  claimResponseSchema,
  groupResponseSchema,
  noticeResponseSchema,
  noticesResponseSchema,
  outcomeResponseSchema,
  policyResponseSchema,
  type PolicyResponse,
  queueItemDetailSchema,
  queueResponseSchema,
  statsResponseSchema,
  type TargetType,
} from '@bedrock/shared';
import type { RequestEvent } from '@sveltejs/kit';
import { createApi } from '$lib/server/api.ts';

const enc = encodeURIComponent;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  return params.size > 0 ? `${path}?${params}` : path;
}

/** The moderation API's calls, each parsed with its shared schema. Drafts pass through; nothing is logged. */
export function moderationApi(event: RequestEvent) {
  const api = createApi(event);
  return {
    groupBySlug: (slug: string) => api.get(`/api/groups/${enc(slug)}`, groupResponseSchema),
    check: (body: CheckRequest) => api.post('/api/moderation/check', checkResponseSchema, body),
    outcome: (targetType: TargetType, targetId: string) =>
      api.get(withQuery('/api/moderation/outcome', { targetType, targetId }), outcomeResponseSchema),
    notices: () => api.get('/api/me/notices', noticesResponseSchema),
    appeal: (id: string, message: string) =>
      api.post(`/api/me/notices/${enc(id)}/appeal`, noticeResponseSchema, { message }),
    queue: (query: Record<string, string | undefined>) =>
      api.get(withQuery('/api/mod/queue', query), queueResponseSchema),
    item: (id: string) => api.get(`/api/mod/queue/${enc(id)}`, queueItemDetailSchema),
    claim: (id: string) => api.post(`/api/mod/queue/${enc(id)}/claim`, claimResponseSchema),
    unclaim: (id: string) => api.post(`/api/mod/queue/${enc(id)}/unclaim`, claimResponseSchema),
    act: (id: string, body: ActionRequest) => api.post(`/api/mod/queue/${enc(id)}/action`, actionResponseSchema, body),
    bulk: (ids: string[], body: ActionRequest) =>
      api.post('/api/mod/queue/bulk', bulkActionResponseSchema, { ...body, ids }),
    audit: (query: Record<string, string | undefined>) =>
      api.get(withQuery('/api/mod/audit', query), auditResponseSchema),
    stats: () => api.get('/api/mod/stats', statsResponseSchema),
    policy: (groupId: string) => api.get(`/api/mod/policy/${enc(groupId)}`, policyResponseSchema),
    updatePolicy: (groupId: string, body: { rules: PolicyResponse['rules'] }) =>
      api.put(`/api/mod/policy/${enc(groupId)}`, policyResponseSchema, body),
  };
}
