import type { Post, ThreadPageResponse } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '$lib/server/api.ts';
import { findPostInThread } from './find-post.server.ts';
import { authorName, CONTENT_WARNING_LABELS, REPORT_REASON_LABELS } from './labels.ts';
import { cursorFrom, cursorHref } from './paging.ts';
import { allReactions } from './reactions.ts';
import { statusNote } from './status.ts';

describe('paging', () => {
  it('builds the first page and a cursor page, encoding the cursor', () => {
    expect(cursorHref('/groups/a', null)).toBe('/groups/a');
    expect(cursorHref('/groups/a', 'x y&z')).toBe('/groups/a?cursor=x+y%26z');
  });

  it('reads a cursor only when it is plausible', () => {
    expect(cursorFrom(new URL('http://h/p?cursor=abc'))).toBe('abc');
    expect(cursorFrom(new URL('http://h/p'))).toBeUndefined();
    expect(cursorFrom(new URL(`http://h/p?cursor=${'a'.repeat(65)}`))).toBeUndefined();
  });
});

describe('allReactions', () => {
  it('lists every reaction in a fixed order with zero counts filled in', () => {
    const shown = allReactions([{ kind: 'strength', count: 2, mine: true }]);
    expect(shown.map((r) => r.kind)).toEqual(['hug', 'me_too', 'thank_you', 'strength']);
    expect(shown[3]).toEqual({ kind: 'strength', count: 2, mine: true });
    expect(shown[0]).toEqual({ kind: 'hug', count: 0, mine: false });
  });
});

describe('statusNote', () => {
  it('says nothing for a published post', () => {
    expect(statusNote('published', 'ignored')).toBeNull();
  });

  it('is calm for held and removed posts and adds the API’s note', () => {
    expect(statusNote('held', null)).toMatch(/^Your post is waiting for a moderator/);
    expect(statusNote('held', 'It may contain a name.')).toMatch(/Here is why: It may contain a name\.$/);
    expect(statusNote('removed', null)).toMatch(/moderator/);
    for (const status of ['held', 'removed'] as const) expect(statusNote(status, null)).not.toMatch(/violat|offend/i);
  });
});

describe('labels', () => {
  it('names anonymous authors by pseudonym and deleted posts by nobody', () => {
    expect(authorName({ kind: 'member', username: 'willow' })).toBe('willow');
    expect(authorName({ kind: 'anonymous', pseudonym: 'Quiet Heron' })).toBe('Quiet Heron');
    expect(authorName({ kind: 'deleted' })).toBe('Deleted post');
  });

  it('never uses alarming words', () => {
    const words = JSON.stringify([CONTENT_WARNING_LABELS, REPORT_REASON_LABELS]);
    expect(words).not.toMatch(/violat|offender/i);
  });
});

function post(id: string): Post {
  return {
    id,
    threadId: 't',
    isOpening: id === 'p0',
    author: { kind: 'member', username: 'u' },
    isMine: true,
    status: 'published',
    statusNote: null,
    deleted: false,
    bodyHtml: '<p>x</p>',
    bodySource: 'x',
    contentWarning: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    edited: false,
    isNew: false,
    reactions: [],
  };
}

/** Three pages of two posts each, keyed by cursor. */
function pages(): Map<string | undefined, ThreadPageResponse> {
  const base = { thread: {} as ThreadPageResponse['thread'], group: { slug: 'g', name: 'G', kind: 'open' as const } };
  return new Map<string | undefined, ThreadPageResponse>([
    [undefined, { ...base, posts: [post('p0'), post('p1')], nextCursor: 'c1' }],
    ['c1', { ...base, posts: [post('p2'), post('p3')], nextCursor: 'c2' }],
    ['c2', { ...base, posts: [post('p4'), post('p5')], nextCursor: null }],
  ]);
}

function loader(calls: (string | undefined)[]) {
  const all = pages();
  return async (cursor: string | undefined): Promise<ApiResult<ThreadPageResponse>> => {
    calls.push(cursor);
    const page = all.get(cursor);
    if (!page) {
      return { ok: false, error: { status: 400, code: 'ERR_VALIDATION', message: 'bad', fields: {} } };
    }
    return { ok: true, data: page };
  };
}

describe('findPostInThread', () => {
  it('uses the hinted page when the post is there', async () => {
    const calls: (string | undefined)[] = [];
    const result = await findPostInThread(loader(calls), 'p3', 'c1');
    expect(result.ok && result.data.post?.id).toBe('p3');
    expect(calls).toEqual(['c1']);
  });

  it('walks from the start when the hint is wrong or stale', async () => {
    const calls: (string | undefined)[] = [];
    const result = await findPostInThread(loader(calls), 'p5', 'stale');
    expect(result.ok && result.data.post?.id).toBe('p5');
    expect(calls).toEqual(['stale', undefined, 'c1', 'c2']);
  });

  it('answers with no post when it is not in the thread', async () => {
    const result = await findPostInThread(loader([]), 'nope');
    expect(result.ok && result.data.post).toBeNull();
  });

  it('passes the first page’s refusal through unchanged', async () => {
    const refused = async (): Promise<ApiResult<ThreadPageResponse>> => ({
      ok: false,
      error: { status: 404, code: 'ERR_THREAD_NOT_FOUND', message: 'gone', fields: {} },
    });
    const result = await findPostInThread(refused, 'p1');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.status).toBe(404);
  });
});
