import { type Database, users } from '@bedrock/db';
import { createTestDatabase } from '@bedrock/db/testing';
import type { Role, SignupResponse } from '@bedrock/shared';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';

/** A config for tests: in-memory secret, silent logs, rate limits high enough never to get in the way. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', SECRET_KEY: 'test-secret-key-test-secret-key', LOG_LEVEL: 'silent' }),
    AUTH_RATE_LIMIT_PER_IP: 10_000,
    AUTH_RATE_LIMIT_PER_USERNAME: 10_000,
    ...overrides,
  };
}

/** The real app on a fresh migrated database (PostgreSQL with DATABASE_URL, else PGlite). One per file. */
export async function buildTestApp(
  overrides: Partial<Config> = {},
): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(overrides), database, logger: false });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let counter = 0;

/** A username unique within this process, e.g. `member_3_k2x9`. */
export function uniqueUsername(prefix = 'member'): string {
  counter += 1;
  // Letters only after the counter: seven or more digits would read as a phone number and be refused.
  const letters = Array.from({ length: 4 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${prefix}_${counter}_${letters}`;
}

/** `name=value` of the session cookie in a response, ready to send back as the `cookie` header. */
export function sessionCookie(response: { cookies: { name: string; value: string }[] }): string {
  const found = response.cookies.find((c) => c.name === 'bedrock_session');
  if (!found) throw new Error('response set no session cookie');
  return `${found.name}=${found.value}`;
}

/** Signs up through the real API and returns the session cookie and recovery codes. */
export async function signup(
  app: FastifyInstance,
  username: string = uniqueUsername(),
  password = 'correct horse battery staple',
): Promise<{ cookie: string; userId: string; username: string; recoveryCodes: string[] }> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { username, password } });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  const body = response.json<SignupResponse>();
  return {
    cookie: sessionCookie(response),
    userId: body.user.id,
    username: body.user.username,
    recoveryCodes: body.recoveryCodes,
  };
}

/** Promotes (or demotes) a user directly in the database, as only an administrator could. */
export async function makeRole(database: Database, userId: string, role: Role): Promise<void> {
  await database.db.update(users).set({ role }).where(eq(users.id, userId));
}
