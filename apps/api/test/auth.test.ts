import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, sessionCookie, signup, uniqueUsername } from './helpers.ts';

describe('accounts and sessions', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    ({ app, close } = await buildTestApp());
  });
  afterAll(async () => {
    await close();
  });

  const me = (cookie?: string) => app.inject({ method: 'GET', url: '/api/me', headers: cookie ? { cookie } : {} });
  const login = (username: string, pass = password) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: pass } });

  it('signs up with username and password, shows 10 codes once, and sets a hardened cookie', async () => {
    const username = uniqueUsername();
    const response = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { username, password } });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({ username, role: 'member' });
    expect(Object.keys(body.user).sort()).toEqual(['createdAt', 'id', 'role', 'username']);
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    const cookie = response.cookies.find((c) => c.name === 'bedrock_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const meResponse = await me(sessionCookie(response));
    expect(meResponse.statusCode).toBe(200);
    expect(meResponse.json().user.username).toBe(username);
  });

  it('treats usernames case-insensitively as unique', async () => {
    const username = uniqueUsername('Heron');
    await signup(app, username);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { username: username.toUpperCase(), password },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ERR_USERNAME_TAKEN');
    expect((await login(username.toLowerCase())).statusCode).toBe(200);
  });

  it.each(['anna@example', 'anna.smith.com', 'call07700900123', '+44 7700 900123'])(
    'refuses the identifying username %j',
    async (username) => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { username, password } });
      expect(response.statusCode).toBe(400);
      expect(['ERR_USERNAME_IDENTIFYING', 'ERR_VALIDATION']).toContain(response.json().error.code);
    },
  );

  it('refuses a short password with a per-field message', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { username: uniqueUsername(), password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'ERR_VALIDATION',
      fields: { password: 'Use at least 10 characters.' },
    });
  });

  it('logs in, and logs out so the old cookie no longer works', async () => {
    const { username } = await signup(app);
    const response = await login(username);
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response);
    expect((await me(cookie)).statusCode).toBe(200);
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(200);
    expect(logout.json()).toEqual({ ok: true });
    expect(logout.cookies.find((c) => c.name === 'bedrock_session')?.value).toBe('');
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('ERR_UNAUTHENTICATED');
  });

  it('logs out everywhere: every session of the user ends, others are untouched', async () => {
    const { username, cookie: first } = await signup(app);
    const second = sessionCookie(await login(username));
    const bystander = await signup(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      headers: { cookie: second },
    });
    expect(response.statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(bystander.cookie)).statusCode).toBe(200);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const { username } = await signup(app);
    const wrongPassword = await login(username, 'not the right password');
    const unknownUser = await login(uniqueUsername('nobody'), 'not the right password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(wrongPassword.statusCode);
    expect(unknownUser.body).toBe(wrongPassword.body);
    expect(wrongPassword.json().error.code).toBe('ERR_INVALID_CREDENTIALS');
    expect(unknownUser.cookies).toEqual(wrongPassword.cookies);
  });

  it('ignores a role sent by the client at signup', async () => {
    const username = uniqueUsername();
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { username, password, role: 'admin', status: 'active' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().user.role).toBe('member');
    const meResponse = await me(sessionCookie(response));
    expect(meResponse.json().user.role).toBe('member');
  });

  it('rejects a forged or garbage session cookie as signed out', async () => {
    const response = await me('bedrock_session=not-a-real-session');
    expect(response.statusCode).toBe(401);
  });
});
