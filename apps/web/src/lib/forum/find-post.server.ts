import type { Post, ThreadPageResponse } from '@bedrock/shared';
import type { ApiResult } from '$lib/server/api.ts';

type LoadPage = (cursor: string | undefined) => Promise<ApiResult<ThreadPageResponse>>;

// Enough for any real conversation (100 posts a page) while bounding the work one request can cause.
const MAX_PAGES = 20;

/**
 * Finds one post of a thread by walking its pages (the API serves posts by thread only). Tries `hint`,
 * the page the reader came from, first; then walks from the beginning. A refusal of the first page is
 * returned as is, so a hidden thread stays "not found".
 */
export async function findPostInThread(
  load: LoadPage,
  postId: string,
  hint?: string,
): Promise<ApiResult<{ page: ThreadPageResponse; post: Post | null }>> {
  if (hint) {
    const hinted = await load(hint);
    const post = hinted.ok ? hinted.data.posts.find((p) => p.id === postId) : undefined;
    if (hinted.ok && post) return { ok: true, data: { page: hinted.data, post } };
  }
  const first = await load(undefined);
  if (!first.ok) return first;
  let current = first.data;
  for (let i = 0; i < MAX_PAGES; i++) {
    const post = current.posts.find((p) => p.id === postId);
    if (post) return { ok: true, data: { page: current, post } };
    if (!current.nextCursor) break;
    const next = await load(current.nextCursor);
    if (!next.ok) break;
    current = next.data;
  }
  return { ok: true, data: { page: first.data, post: null } };
}
