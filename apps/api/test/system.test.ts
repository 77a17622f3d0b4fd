import type { Database } from '@bedrock/db';
import { createTestDatabase } from '@bedrock/db/testing';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { sessionCookie, testConfig } from './helpers.ts';

describe('health and OpenAPI', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('health reports ok and which database answers', async () => {
    const app = await buildApp({ config: testConfig(), database, logger: false });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    await app.close();
  });

  it('health answers 503 without internals when the database fails', async () => {
    // The one place a fake is fair: forcing the failure path.
    const failing: Database = {
      ...database,
      ping: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')),
    };
    const app = await buildApp({ config: testConfig(), database: failing, logger: false });
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('ERR_UNAVAILABLE');
    expect(response.body).not.toContain('ECONNREFUSED');
    await app.close();
  });

  it('an unexpected error is a 500 whose body carries no internals', async () => {
    const app = await buildApp({ config: testConfig(), database, logger: false });
    app.get('/api/test/boom', async () => {
      throw new Error('secret internal detail at /srv/bedrock/db.ts:42');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'ERR_INTERNAL', message: 'Something went wrong on our side. Nothing you did caused it.' },
    });
    await app.close();
  });

  it('serves the OpenAPI document with the auth routes', async () => {
    const app = await buildApp({ config: testConfig(), database, logger: false });
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/signup', '/api/auth/login', '/api/me', '/api/health']),
    );
    expect(document.paths['/api/auth/signup'].post.requestBody).toBeDefined();
    await app.close();
  });

  it('logs never contain passwords, cookies, recovery codes or bodies', async () => {
    let logs = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'trace' }), database, logger: { stream } });
    const password = 'my very secret passphrase';
    const signup = await app.inject({
      method: 'POST',
      url: '/api/auth/signup?utm=tracking-token',
      payload: { username: 'logged_heron', password },
      headers: { authorization: 'Bearer abc-token-xyz' },
    });
    const cookie = sessionCookie(signup);
    await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'logged_heron', password: 'wrong one!!' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"password": "${password}"`,
    });
    await app.close();
    expect(logs).toContain('/api/auth/signup');
    for (const secret of [password, 'wrong one!!', cookie.split('=')[1]!, 'abc-token-xyz', 'tracking-token']) {
      expect(logs).not.toContain(secret);
    }
    for (const code of signup.json().recoveryCodes as string[]) expect(logs).not.toContain(code);
  });

  it('marks the session cookie Secure when the public origin is https', async () => {
    const app = await buildApp({
      config: testConfig({ PUBLIC_ORIGIN: 'https://bedrock.example' }),
      database,
      logger: false,
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { username: 'secure_heron', password: 'correct horse battery staple' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.cookies.find((c) => c.name === 'bedrock_session')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
    await app.close();
  });
});
