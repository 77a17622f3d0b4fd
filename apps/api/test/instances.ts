import { randomBytes } from 'node:crypto';
import { createDatabase, type Database, defaultMigrationsFolder } from '@bedrock/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { testConfig } from './helpers.ts';

// Two PGlite instances cannot share a database, so multi-instance tests always use the server.
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = 'redis://127.0.0.1:6379';

async function admin(statement: string): Promise<void> {
  const server = await createDatabase({ url: SERVER_URL, poolSize: 1 });
  await server.db.execute(sql.raw(statement));
  await server.close();
}

/**
 * Two API instances on different ports sharing one fresh PostgreSQL database and one Redis, as behind a
 * load balancer. `close()` stops both and drops the database.
 */
export async function startInstances(
  prefix: string,
  overrides: Partial<Config> = {},
): Promise<{
  apps: [FastifyInstance, FastifyInstance];
  databases: [Database, Database];
  close(): Promise<void>;
}> {
  const name = `bedrock_${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(`create database "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const databases: [Database, Database] = [
    await createDatabase({ url: url.toString() }),
    await createDatabase({ url: url.toString() }),
  ];
  await databases[0].migrate(defaultMigrationsFolder);
  const config = testConfig({ REDIS_URL, ...overrides });
  const apps = (await Promise.all(databases.map((database) => buildApp({ config, database, logger: false })))) as [
    FastifyInstance,
    FastifyInstance,
  ];
  for (const app of apps) await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    apps,
    databases,
    close: async () => {
      for (const app of apps) await app.close();
      for (const database of databases) await database.close();
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}
