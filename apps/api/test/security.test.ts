import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRole, requireUser } from '../src/auth/guards.ts';
import { buildTestApp, makeRole, signup, uniqueUsername } from './helpers.ts';
import type { Database } from '@bedrock/db';
import { users } from '@bedrock/db';
import { eq } from 'drizzle-orm';

const password = 'correct horse battery staple';

describe('request hygiene, CSRF, roles and errors', () => {
  let app: FastifyInstance;
  let database: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, database, close } = await buildTestApp());
    // Probe routes for the guards, registered the way domain plugins use them.
    app.get('/api/test/whoami', async (request) => requireUser(request));
    app.get('/api/test/moderate', async (request) => requireRole(request, 'moderator'));
    app.get('/api/test/administer', async (request) => requireRole(request, 'admin'));
    app.get('/api/test/ws', { websocket: true }, (socket, request) => {
      socket.on('message', () => socket.send(request.user ? request.user.username : 'anonymous'));
    });
  });
  afterAll(async () => {
    await close();
  });

  const loginPayload = { username: 'someone_here', password };

  it('refuses a cross-origin POST by Origin', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: loginPayload,
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ERR_CROSS_ORIGIN');
  });

  it('refuses a cross-site POST by Sec-Fetch-Site when there is no Origin', async () => {
    const { cookie } = await signup(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ERR_CROSS_ORIGIN');
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('allows same-origin POSTs (public origin, own host, or Sec-Fetch-Site same-origin)', async () => {
    const username = uniqueUsername();
    const bySite = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { username, password },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(bySite.statusCode).toBe(201);
    for (const origin of [app.config.PUBLIC_ORIGIN, 'http://bedrock.internal:3000']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        headers: { origin, host: 'bedrock.internal:3000' },
      });
      expect(response.statusCode).toBe(200);
    }
  });

  it('an opaque Origin (null) passes only with Sec-Fetch-Site same-origin', async () => {
    const send = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: loginPayload,
        headers: { origin: 'null', ...headers },
      });
    expect((await send({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(401);
    const refused: Record<string, string>[] = [{}, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'none' }];
    for (const headers of refused) {
      const response = await send(headers);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('ERR_CROSS_ORIGIN');
    }
  });

  it('a role field sent by the client is ignored; roles come from the database on every request', async () => {
    const account = await signup(app);
    const forged = await app.inject({
      method: 'GET',
      url: '/api/test/moderate',
      headers: { cookie: `${account.cookie}; role=admin`, 'x-role': 'admin' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('ERR_FORBIDDEN');
    await makeRole(database, account.userId, 'moderator');
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/moderate', headers: { cookie: account.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/administer', headers: { cookie: account.cookie } }))
        .statusCode,
    ).toBe(403);
    await makeRole(database, account.userId, 'admin');
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/moderate', headers: { cookie: account.cookie } })).statusCode,
    ).toBe(200);
    // Demotion bites at once, with no new login.
    await makeRole(database, account.userId, 'member');
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/moderate', headers: { cookie: account.cookie } })).statusCode,
    ).toBe(403);
  });

  it('a suspension bites at once and refuses login; an expired suspension does not', async () => {
    const account = await signup(app);
    await database.db.update(users).set({ status: 'suspended' }).where(eq(users.id, account.userId));
    const response = await app.inject({ method: 'GET', url: '/api/test/whoami', headers: { cookie: account.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ERR_ACCOUNT_SUSPENDED');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password },
    });
    expect(login.json().error.code).toBe('ERR_ACCOUNT_SUSPENDED');
    await database.db
      .update(users)
      .set({ suspendedUntil: new Date(Date.now() - 60_000) })
      .where(eq(users.id, account.userId));
    expect(
      (await app.inject({ method: 'GET', url: '/api/test/whoami', headers: { cookie: account.cookie } })).statusCode,
    ).toBe(200);
  });

  it('malformed JSON → 400 ERR_BAD_JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('ERR_BAD_JSON');
  });

  it('wrong types → 400 ERR_VALIDATION with a message per field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { username: 42, password: ['x'] },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('ERR_VALIDATION');
    expect(Object.keys(error.fields).sort()).toEqual(['password', 'username']);
    expect(typeof error.fields.username).toBe('string');
  });

  it('a missing body → 400 ERR_VALIDATION', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('ERR_VALIDATION');
  });

  it('a body that is not JSON → 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=a&password=b',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('an oversized body → 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { username: uniqueUsername(), password: 'x'.repeat(100 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('ERR_BODY_TOO_LARGE');
  });

  it('unknown /api routes answer with a JSON 404', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await app.inject({ method, url: '/api/no/such/thing' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.json().error.code).toBe('ERR_NOT_FOUND');
    }
  });

  it('API responses carry security headers and are never cached', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('the session hook runs on websocket upgrades too', async () => {
    const account = await signup(app);
    const messages: string[] = [];
    for (const headers of [{ cookie: account.cookie }, {}]) {
      const socket = await app.injectWS('/api/test/ws', { headers });
      const reply = new Promise<string>((resolve) =>
        socket.once('message', (data: Buffer) => resolve(data.toString())),
      );
      socket.send('who am I?');
      messages.push(await reply);
      socket.terminate();
    }
    expect(messages).toEqual([account.username, 'anonymous']);
  });

  it('a cross-origin websocket upgrade is refused', async () => {
    await expect(app.injectWS('/api/test/ws', { headers: { origin: 'https://evil.example' } })).rejects.toThrow();
  });
});
