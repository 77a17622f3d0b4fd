import { type Database, sessions } from '@bedrock/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, sessionCookie, signup } from './helpers.ts';

const password = 'correct horse battery staple';
const firefoxAndroid = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';

describe('recovery, password change and the sessions list', () => {
  let app: FastifyInstance;
  let database: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, database, close } = await buildTestApp());
  });
  afterAll(async () => {
    await close();
  });

  const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  const login = (username: string, pass: string, userAgent?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: pass },
      headers: userAgent ? { 'user-agent': userAgent } : {},
    });
  const recover = (username: string, code: string, newPassword: string) =>
    app.inject({ method: 'POST', url: '/api/auth/recover', payload: { username, code, newPassword } });
  const listSessions = (cookie: string) =>
    app.inject({ method: 'GET', url: '/api/account/sessions', headers: { cookie } });

  it('a recovery code resets the password, signs in, ends other sessions, and works only once', async () => {
    const account = await signup(app);
    const code = account.recoveryCodes[0]!;
    const response = await recover(account.username, code, 'a brand new passphrase');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { username: account.username }, remainingCodes: 9 });
    expect((await me(sessionCookie(response))).statusCode).toBe(200);
    expect((await me(account.cookie)).statusCode).toBe(401);
    expect((await login(account.username, password)).statusCode).toBe(401);
    expect((await login(account.username, 'a brand new passphrase')).statusCode).toBe(200);

    const reused = await recover(account.username, code, 'another new passphrase');
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('ERR_RECOVERY_INVALID');
    expect((await login(account.username, 'another new passphrase')).statusCode).toBe(401);
  });

  it('accepts a code typed in capitals and without dashes, and refuses an unknown username alike', async () => {
    const account = await signup(app);
    const typed = account.recoveryCodes[3]!.replaceAll('-', '').toUpperCase();
    expect((await recover(account.username, typed, 'a brand new passphrase')).statusCode).toBe(200);
    const unknown = await recover('nobody_here_at_all', account.recoveryCodes[4]!, 'a brand new passphrase');
    const wrongCode = await recover(account.username, 'aaaaa-bbbbb-ccccc', 'a brand new passphrase');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrongCode.body);
  });

  it('a code of one account does not recover another', async () => {
    const first = await signup(app);
    const second = await signup(app);
    const response = await recover(second.username, first.recoveryCodes[0]!, 'a brand new passphrase');
    expect(response.statusCode).toBe(401);
  });

  it('changing the password ends every other session but keeps this one', async () => {
    const account = await signup(app);
    const other = sessionCookie(await login(account.username, password));
    const response = await app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: { cookie: account.cookie },
      payload: { currentPassword: password, newPassword: 'a brand new passphrase' },
    });
    expect(response.statusCode).toBe(200);
    expect((await me(account.cookie)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await login(account.username, 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('refuses a password change with the wrong current password', async () => {
    const account = await signup(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/account/password',
      headers: { cookie: account.cookie },
      payload: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ERR_WRONG_PASSWORD');
  });

  it('lists sessions with a coarse device only, never the raw user agent or address', async () => {
    const account = await signup(app);
    await login(account.username, password, firefoxAndroid);
    const response = await listSessions(account.cookie);
    expect(response.statusCode).toBe(200);
    const { sessions } = response.json();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(sessions.map((s: { device: string }) => s.device).sort()).toEqual(['Firefox on Android', 'Unknown device']);
    for (const session of sessions) {
      expect(Object.keys(session).sort()).toEqual(['createdAt', 'current', 'device', 'expiresAt', 'id', 'lastSeenAt']);
    }
    expect(response.body).not.toContain('Mozilla');
    expect(response.body).not.toContain('127.0.0.1');
    // The listed id is not the session token.
    expect(account.cookie).not.toContain(sessions[0].id);
  });

  it('stores only a hash of the session token', async () => {
    const account = await signup(app);
    const token = account.cookie.split('=')[1]!;
    const rows = await database.db.select().from(sessions).where(eq(sessions.userId, account.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('ends one chosen session', async () => {
    const account = await signup(app);
    const other = sessionCookie(await login(account.username, password, firefoxAndroid));
    const { sessions } = (await listSessions(account.cookie)).json();
    const target = sessions.find((s: { current: boolean }) => !s.current);
    const response = await app.inject({
      method: 'DELETE',
      url: `/api/account/sessions/${target.id}`,
      headers: { cookie: account.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(account.cookie)).statusCode).toBe(200);
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/account/sessions/${target.id}`,
      headers: { cookie: account.cookie },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('ERR_SESSION_NOT_FOUND');
  });

  it("cannot end another member's session", async () => {
    const victim = await signup(app);
    const attacker = await signup(app);
    const { sessions } = (await listSessions(victim.cookie)).json();
    const response = await app.inject({
      method: 'DELETE',
      url: `/api/account/sessions/${sessions[0].id}`,
      headers: { cookie: attacker.cookie },
    });
    expect(response.statusCode).toBe(404);
    expect((await me(victim.cookie)).statusCode).toBe(200);
  });
});
