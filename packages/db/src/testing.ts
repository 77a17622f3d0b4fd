import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from './client.ts';
import { defaultMigrationsFolder } from './index.ts';

/**
 * A migrated database for one test file: a fresh, uniquely named PostgreSQL database on the server
 * in `DATABASE_URL` (dropped again by `close()`), or in-memory PGlite when it is unset.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await createDatabase({ memory: true });
    await database.migrate(defaultMigrationsFolder);
    return database;
  }
  const name = `bedrock_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await createDatabase({ url: testUrl.toString(), poolSize: 20 });
  await database.migrate(defaultMigrationsFolder);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
