import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './helpers.ts';
import { startInstances } from './instances.ts';

describe('rate limits on signup, login and recovery', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await buildTestApp({ AUTH_RATE_LIMIT_PER_IP: 3, AUTH_RATE_LIMIT_PER_USERNAME: 2 }));
  });
  afterAll(async () => {
    await close();
  });

  // The test client connects from loopback, so x-forwarded-for is believed, as from the SvelteKit server.
  const post = (url: string, payload: object, ip: string) =>
    app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': ip } });
  const login = (username: string, ip: string) =>
    post('/api/auth/login', { username, password: 'wrong password guess' }, ip);

  it('limits attempts per username, even when spread over many addresses', async () => {
    expect((await login('target_user', '203.0.113.1')).statusCode).toBe(401);
    expect((await login('Target_User', '203.0.113.2')).statusCode).toBe(401);
    const limited = await login('target_user', '203.0.113.3');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('ERR_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits attempts per address, whatever the username', async () => {
    for (const username of ['first_guess', 'second_guess', 'third_guess']) {
      expect((await login(username, '198.51.100.7')).statusCode).toBe(401);
    }
    expect((await login('fourth_guess', '198.51.100.7')).statusCode).toBe(429);
    expect((await login('fourth_guess', '198.51.100.8')).statusCode).toBe(401);
  });

  it('does not believe x-forwarded-for from a client that is not a trusted proxy', async () => {
    const statuses = [];
    for (const n of [1, 2, 3, 4]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `spoofer_${n}`, password: 'wrong password guess' },
        remoteAddress: '203.0.113.50',
        headers: { 'x-forwarded-for': `10.0.0.${n}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('limits signup and recovery the same way', async () => {
    const password = 'correct horse battery staple';
    const signups = [];
    for (const n of [1, 2, 3, 4])
      signups.push(await post('/api/auth/signup', { username: `fresh_${n}`, password }, '192.0.2.9'));
    expect(signups.map((r) => r.statusCode)).toEqual([201, 201, 201, 429]);

    const recover = (ip: string) =>
      post('/api/auth/recover', { username: 'fresh_1', code: 'aaaaa-bbbbb-ccccc', newPassword: password }, ip);
    expect((await recover('192.0.2.20')).statusCode).toBe(401);
    expect((await recover('192.0.2.21')).statusCode).toBe(401);
    expect((await recover('192.0.2.22')).statusCode).toBe(429);
  });
});

describe('rate limits shared by every instance through Redis', () => {
  let instances: Awaited<ReturnType<typeof startInstances>>;
  const redis = new Redis(process.env.REDIS_URL_TEST ?? 'redis://127.0.0.1:6379');
  // Redis outlives a test run: names and addresses unique to this run keep earlier runs' counts out.
  const tag = randomBytes(4).toString('hex');
  const username = `shared_target_${tag}`;
  const address = (n: number) => `2001:db8:${tag.slice(0, 4)}::${n}`;

  beforeAll(async () => {
    instances = await startInstances('ratelimit', { AUTH_RATE_LIMIT_PER_IP: 3, AUTH_RATE_LIMIT_PER_USERNAME: 2 });
  });
  afterAll(async () => {
    await instances.close();
    redis.disconnect();
  });

  const login = (instance: 0 | 1, user: string, ip: string) =>
    instances.apps[instance].inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user, password: 'wrong password guess' },
      headers: { 'x-forwarded-for': ip },
    });

  it('counts attempts on one username across instances', async () => {
    expect((await login(0, username, address(1))).statusCode).toBe(401);
    expect((await login(1, username, address(2))).statusCode).toBe(401);
    const limited = await login(0, username, address(3));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('ERR_RATE_LIMITED');
    expect((await login(1, username, address(4))).statusCode).toBe(429);
  });

  it('counts attempts from one address across instances', async () => {
    const ip = address(9);
    expect((await login(0, `first_${tag}`, ip)).statusCode).toBe(401);
    expect((await login(1, `second_${tag}`, ip)).statusCode).toBe(401);
    expect((await login(0, `third_${tag}`, ip)).statusCode).toBe(401);
    expect((await login(1, `fourth_${tag}`, ip)).statusCode).toBe(429);
  });

  it('keeps no username or address in Redis, only keyed hashes', async () => {
    const keys = await redis.keys('bedrock:rate:*');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain(tag);
      expect(key).not.toContain('2001:db8');
    }
  });
});
