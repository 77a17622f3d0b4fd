import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database } from '@bedrock/db';
import { sql } from 'drizzle-orm';

/** Helpers for tests that run the real entry points (server, CLIs) as child processes. */

export const API_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * An isolated place for a child process's data: a temp DATA_DIR, plus (when DATABASE_URL is set) a
 * fresh PostgreSQL database that `cleanup()` drops. `open()` connects to the same data from the test.
 */
export async function isolatedData() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bedrock-test-'));
  const serverUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const name = `bedrock_proc_${randomBytes(6).toString('hex')}`;
    const admin = await createDatabase({ url: serverUrl, poolSize: 1 });
    await admin.db.execute(sql.raw(`create database "${name}"`));
    await admin.close();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  return {
    env,
    dataDir,
    open: (): Promise<Database> =>
      databaseUrl ? createDatabase({ url: databaseUrl }) : createDatabase({ dataDir: join(dataDir, 'pglite') }),
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (serverUrl && databaseUrl) {
        const admin = await createDatabase({ url: serverUrl, poolSize: 1 });
        await admin.db.execute(
          sql.raw(`drop database if exists "${new URL(databaseUrl).pathname.slice(1)}" with (force)`),
        );
        await admin.close();
      }
    },
  };
}

/** Runs a TypeScript entry point of apps/api with tsx, in a clean environment plus `env`. */
export function runTs(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: API_DIR,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a child to exit, collecting its output. */
export function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
