import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountWeb, type WebHandler } from '../src/web.ts';
import { buildTestApp } from './helpers.ts';

describe('SvelteKit handler mounted beside the API', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  // Stands in for apps/web/build/handler.js: echoes what it received, raw.
  const handler: WebHandler = (req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      res.setHeader('content-type', 'text/plain');
      res.end(`${req.method} ${req.url} ${body}`);
    });
  };

  beforeAll(async () => {
    ({ app, close } = await buildTestApp());
    await mountWeb(app, handler);
  });
  afterAll(async () => {
    await close();
  });

  it('serves pages through the handler, without the API CSP', async () => {
    for (const url of ['/', '/login', '/forum/some-topic?page=2']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(`GET ${url} `);
      expect(response.headers['content-security-policy']).toBeUndefined();
    }
  });

  it('passes form posts through unparsed (no 415)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.config.PUBLIC_ORIGIN },
      payload: 'username=heron&password=secret',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('POST /login username=heron&password=secret');
  });

  it('refuses cross-origin form posts to pages too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      payload: 'username=heron',
    });
    expect(response.statusCode).toBe(403);
  });

  it('keeps the API in charge of /api: routes work and unknown ones are JSON 404s', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    for (const url of ['/api/nothing', '/api', '/api/health/extra']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('ERR_NOT_FOUND');
    }
  });
});
