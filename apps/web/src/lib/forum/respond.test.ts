import type { ErrorCode } from '@bedrock/shared';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '$lib/server/api.ts';
import { doneOrRedirect, isEnhanced, NOT_FOUND, unwrap } from './respond.server.ts';

function refused(status: number, code: ErrorCode): ApiResult<never> {
  return { ok: false, error: { status, code, message: `sentence for ${code}`, fields: {} } };
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (caught) {
    return caught;
  }
  throw new Error('expected a throw');
}

function event(headers: Record<string, string> = {}): RequestEvent {
  return { request: new Request('http://bedrock.test/x', { method: 'POST', headers }) } as RequestEvent;
}

describe('unwrap', () => {
  it('hands back the data of a success', () => {
    expect(unwrap({ ok: true, data: { a: 1 } })).toEqual({ a: 1 });
  });

  it('turns every 404, whatever its code, into the one not-found page', () => {
    const codes: ErrorCode[] = ['ERR_GROUP_NOT_FOUND', 'ERR_THREAD_NOT_FOUND', 'ERR_NOT_FOUND'];
    const pages = codes.map((code) => thrown(() => unwrap(refused(404, code))));
    for (const page of pages) {
      expect(isHttpError(page) && page.status).toBe(404);
      expect(isHttpError(page) && page.body).toEqual(NOT_FOUND);
    }
  });

  it('sends a signed-out reader to log in', () => {
    const caught = thrown(() => unwrap(refused(401, 'ERR_UNAUTHENTICATED')));
    expect(isRedirect(caught) && [caught.status, caught.location]).toEqual([303, '/login']);
  });

  it('keeps the API’s own sentence for other refusals', () => {
    const caught = thrown(() => unwrap(refused(403, 'ERR_GROUP_BANNED')));
    expect(isHttpError(caught) && caught.status).toBe(403);
    expect(isHttpError(caught) && caught.body).toEqual({
      message: 'sentence for ERR_GROUP_BANNED',
      code: 'ERR_GROUP_BANNED',
    });
  });
});

describe('isEnhanced and doneOrRedirect', () => {
  it('answers an enhanced submission with data', () => {
    const enhanced = event({ 'x-sveltekit-action': 'true' });
    expect(isEnhanced(enhanced)).toBe(true);
    expect(doneOrRedirect(enhanced, '/back', { done: true })).toEqual({ done: true });
  });

  it('answers a plain form post with a 303 back to the page', () => {
    const plain = event();
    expect(isEnhanced(plain)).toBe(false);
    const caught = thrown(() => doneOrRedirect(plain, '/back#post-1', { done: true }));
    expect(isRedirect(caught) && [caught.status, caught.location]).toEqual([303, '/back#post-1']);
  });
});
