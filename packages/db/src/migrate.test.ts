import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { createTestDatabase } from './testing.ts';

describe(`migrations on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates the accounts tables', async () => {
    const result = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const names = result.rows.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(['users', 'sessions', 'recovery_codes']));
  });

  it('is idempotent when applied again', async () => {
    const { defaultMigrationsFolder } = await import('./index.ts');
    await expect(database.migrate(defaultMigrationsFolder)).resolves.toBeUndefined();
  });

  it('makes usernames unique regardless of case', async () => {
    await database.db.execute(sql`insert into users (id, username, password_hash) values ('a1', 'Heron', 'x')`);
    await expect(
      database.db.execute(sql`insert into users (id, username, password_hash) values ('a2', 'heron', 'x')`),
    ).rejects.toThrow();
  });
});
