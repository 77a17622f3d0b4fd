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

function withCursor(path: string, cursor: string | undefined): string {
  return cursor ? `${path}?${new URLSearchParams({ cursor })}` : path;
}

/** The forum's API calls, each parsed with its shared response schema. Paths live here and nowhere else. */
export function forumApi(event: RequestEvent) {
  const api = createApi(event);
  return {
    directory: () => api.get('/api/groups', directoryResponseSchema),
    group: (slug: string) => api.get(`/api/groups/${enc(slug)}`, groupResponseSchema),
    join: (slug: string) => api.post(`/api/groups/${enc(slug)}/membership`, membershipResponseSchema),
    leave: (slug: string) => api.delete(`/api/groups/${enc(slug)}/membership`, membershipResponseSchema),
    threads: (slug: string, cursor?: string) =>
      api.get(withCursor(`/api/groups/${enc(slug)}/threads`, cursor), threadListResponseSchema),
    createThread: (slug: string, body: CreateThreadRequest) =>
      api.post(`/api/groups/${enc(slug)}/threads`, createThreadResponseSchema, body),
    thread: (id: string, cursor?: string) =>
      api.get(withCursor(`/api/threads/${enc(id)}`, cursor), threadPageResponseSchema),
    reply: (threadId: string, body: CreateReplyRequest) =>
      api.post(`/api/threads/${enc(threadId)}/posts`, postResponseSchema, body),
    post: (id: string) => api.get(`/api/posts/${enc(id)}`, postResponseSchema),
    edit: (id: string, body: EditPostRequest) => api.patch(`/api/posts/${enc(id)}`, postResponseSchema, body),
    remove: (id: string) => api.delete(`/api/posts/${enc(id)}`, postResponseSchema),
    react: (id: string, kind: string) => api.post(`/api/posts/${enc(id)}/reactions`, reactionsResponseSchema, { kind }),
    report: (id: string, body: { reason: string; note?: string }) =>
      api.post(`/api/posts/${enc(id)}/reports`, okResponseSchema, body),
    myPosts: (cursor?: string) => api.get(withCursor('/api/me/posts', cursor), myPostsResponseSchema),
    verification: () => api.get('/api/verification', verificationResponseSchema),
    applyForVerification: (body: unknown) => api.post('/api/verification', verificationResponseSchema, body),
    applications: () => api.get('/api/mod/verifications?status=pending', applicationListResponseSchema),
    decide: (id: string, decision: 'approve' | 'decline', reason: string | undefined) =>
      api.post(
        `/api/mod/verifications/${enc(id)}/${decision}`,
        applicationResponseSchema,
        reason ? { reason } : {},
      ),
  };
}
