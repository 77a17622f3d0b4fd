import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './helpers.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('forum routes in the OpenAPI document', () => {
  it('lists every forum route with its request and response schemas', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/groups',
      '/api/groups/{slug}',
      '/api/groups/{slug}/join',
      '/api/groups/{slug}/threads',
      '/api/threads/{id}',
      '/api/threads/{id}/replies',
      '/api/posts/{id}',
      '/api/posts/{id}/reactions',
      '/api/posts/{id}/reports',
      '/api/posts/{id}/revisions',
      '/api/me/posts',
      '/api/verification',
      '/api/mod/verifications',
      '/api/admin/reveal',
    ]) {
      expect(paths).toContain(path);
    }
    const page = doc.paths['/api/threads/{id}'].get.responses['200'].content['application/json'].schema;
    const post = JSON.stringify(page);
    expect(post).toContain('pseudonym');
    // The allowlist never names an author id.
    expect(post).not.toMatch(/authorId|author_id|userId/);
  });
});
