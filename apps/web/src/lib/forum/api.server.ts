import {
  applicationListResponseSchema,
  applicationResponseSchema,
  type CreateReplyRequest,
  type CreateThreadRequest,
  createThreadResponseSchema,
  directoryResponseSchema,
  type EditPostRequest,
  groupResponseSchema,
  membershipResponseSchema,
  myPostsResponseSchema,
  okResponseSchema,
  postResponseSchema,
  reactionsResponseSchema,
  threadListResponseSchema,
  threadPageResponseSchema,
  verificationResponseSchema,
} from '@bedrock/shared';
import type { RequestEvent } from '@sveltejs/kit';
import { createApi } from '$lib/server/api.ts';

const enc = encodeURIComponent;

function withCursor(path: string, cursor: string | undefined, limit?: number): string {
  const query = new URLSearchParams();
  if (cursor) query.set('cursor', cursor);
  if (limit) query.set('limit', String(limit));
  return query.size > 0 ? `${path}?${query}` : path;
}

/** The forum's API calls, each parsed with its shared response schema. Paths live here and nowhere else. */
export function forumApi(event: RequestEvent) {
  const api = createApi(event);
  return {
    directory: () => api.get('/api/groups', directoryResponseSchema),
    group: (slug: string) => api.get(`/api/groups/${enc(slug)}`, groupResponseSchema),
    join: (slug: string) => api.post(`/api/groups/${enc(slug)}/join`, membershipResponseSchema),
    leave: (slug: string) => api.post(`/api/groups/${enc(slug)}/leave`, membershipResponseSchema),
    threads: (slug: string, cursor?: string, limit?: number) =>
      api.get(withCursor(`/api/groups/${enc(slug)}/threads`, cursor, limit), threadListResponseSchema),
    createThread: (slug: string, body: CreateThreadRequest) =>
      api.post(`/api/groups/${enc(slug)}/threads`, createThreadResponseSchema, body),
    thread: (id: string, cursor?: string, limit?: number) =>
      api.get(withCursor(`/api/threads/${enc(id)}`, cursor, limit), threadPageResponseSchema),
    reply: (threadId: string, body: CreateReplyRequest) =>
      api.post(`/api/threads/${enc(threadId)}/replies`, postResponseSchema, body),
    edit: (id: string, body: EditPostRequest) => api.patch(`/api/posts/${enc(id)}`, postResponseSchema, body),
    remove: (id: string) => api.delete(`/api/posts/${enc(id)}`, postResponseSchema),
    react: (id: string, kind: string) => api.post(`/api/posts/${enc(id)}/reactions`, reactionsResponseSchema, { kind }),
    report: (id: string, body: { reason: string; note?: string }) =>
      api.post(`/api/posts/${enc(id)}/reports`, okResponseSchema, body),
    myPosts: (cursor?: string) => api.get(withCursor('/api/me/posts', cursor), myPostsResponseSchema),
    verification: () => api.get('/api/verification', verificationResponseSchema),
    applyForVerification: (body: unknown) => api.post('/api/verification', verificationResponseSchema, body),
    applications: (status: 'pending' | 'approved') =>
      api.get(`/api/mod/verifications?status=${status}`, applicationListResponseSchema),
    approve: (id: string) => api.post(`/api/mod/verifications/${enc(id)}/approve`, applicationResponseSchema),
    decline: (id: string, reason: string) =>
      api.post(`/api/mod/verifications/${enc(id)}/decline`, applicationResponseSchema, { reason }),
    revoke: (id: string, reason: string) =>
      api.post(`/api/mod/verifications/${enc(id)}/revoke`, applicationResponseSchema, { reason }),
  };
}
