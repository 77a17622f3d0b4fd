import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, type Database, defaultMigrationsFolder } from '@bedrock/db';
import type { Config } from './config.ts';

/** Where the committed migrations are: MIGRATIONS_DIR, else `migrations/` at the repository root. */
export function migrationsFolder(config: Config): string {
  return config.MIGRATIONS_DIR ?? defaultMigrationsFolder;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite allows one process per data directory; a second one would corrupt it. A pid file turns that
 * into a clear message (e.g. running `pnpm admin:create` while `pnpm start` is up).
 */
function lockDataDir(dir: string): () => void {
  const lockFile = join(dir, 'bedrock.pid');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `The embedded database in ${dir} is in use by process ${pid} (is the server running?). ` +
          'Stop it first, or use PostgreSQL via DATABASE_URL.',
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/** node-postgres when DATABASE_URL is set, else PGlite persisted under DATA_DIR. Not yet migrated. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return createDatabase({ url: config.DATABASE_URL });
  mkdirSync(config.DATA_DIR, { recursive: true });
  const unlock = lockDataDir(config.DATA_DIR);
  try {
    const database = await createDatabase({ dataDir: join(config.DATA_DIR, 'pglite') });
    return {
      ...database,
      close: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Opens the database and applies the committed migrations (idempotent), as every entry point does. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(config);
  try {
    await database.migrate(migrationsFolder(config));
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Where the database lives, for humans (never includes a password). */
export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL) return `embedded PGlite in ${join(config.DATA_DIR, 'pglite')}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
