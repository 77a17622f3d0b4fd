import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** Both drivers expose the same query builder; we type them as node-postgres's. */
export type Db = NodePgDatabase<Schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Applies the committed SQL in `migrationsFolder` (drizzle-kit output). */
  migrate(migrationsFolder: string): Promise<void>;
  /** A trivial round trip, for health checks. */
  ping(): Promise<void>;
  /**
   * One hand-written statement, prepared under `name` once per connection (PostgreSQL plans it once),
   * for the few hot reads whose single round trip the query builder cannot express. Rows come with the
   * driver's own types: timestamps as Date, json parsed.
   */
  query<T>(name: string, text: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { url: string; poolSize?: number }
  | { dataDir: string } // PGlite persisted on disk
  | { memory: true }; // PGlite in memory, for tests

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client's error (e.g. the server restarting) must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    return {
      db,
      kind: 'postgres',
      migrate: (migrationsFolder) => migratePg(db, { migrationsFolder }),
      ping: async () => {
        await pool.query('select 1');
      },
      query: async <T>(name: string, text: string, params: unknown[]) =>
        (await pool.query({ name, text, values: params })).rows as T[],
      close: () => pool.end(),
    };
  }
  const client = 'dataDir' in options ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
    },
    query: async <T>(_name: string, text: string, params: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}
