import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB_BUILD = join(REPO_ROOT, 'apps/web/build/handler.js');
const SERVER_ENTRY = join(REPO_ROOT, 'apps/api/src/server.ts');
const ADMIN_CLI = join(REPO_ROOT, 'apps/api/src/cli/admin-create.ts');
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export interface AdminAccount {
  username: string;
  password: string;
}

export interface RunningApp {
  origin: string;
  /** Administrators made with the real `admin:create` CLI before the server started. */
  admins: AdminAccount[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A fresh, uniquely named database on the DATABASE_URL server, or null to run on PGlite in a temp dir. */
async function freshDatabase(baseUrl: string | undefined): Promise<{ url: string; drop(): Promise<void> } | null> {
  if (!baseUrl) return null;
  const name = `bedrock_e2e_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists "${name}" with (force)`) };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Runs the real `pnpm admin:create` CLI against the server's database. It must run before the server
 * starts: PGlite allows one process per data directory.
 */
async function createAdmin(env: NodeJS.ProcessEnv, username: string): Promise<AdminAccount> {
  const child = spawn(process.execPath, ['--import', 'tsx', ADMIN_CLI, username], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await exited(child);
  const password = /One-time password: (\S+)/.exec(output)?.[1];
  if (child.exitCode !== 0 || !password) {
    throw new Error(`admin:create ${username} failed (code ${child.exitCode}). Its output:\n${output}`);
  }
  return { username, password };
}

/**
 * Starts the real production entry (apps/api/src/server.ts, which mounts the built SvelteKit handler)
 * in a child process on a free port, and waits until /api/health answers.
 */
export async function startApp(options: { quickExitUrl: string; admins?: string[] }): Promise<RunningApp> {
  if (!existsSync(WEB_BUILD)) {
    throw new Error('apps/web/build is missing: run `pnpm build` first (the e2e run tests the production build).');
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bedrock-e2e-'));
  const database = await freshDatabase(process.env.DATABASE_URL);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: origin,
    ORIGIN: origin,
    DATA_DIR: dataDir,
    SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    QUICK_EXIT_URL: options.quickExitUrl,
  };
  delete env.API_INTERNAL_URL;
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  const admins: AdminAccount[] = [];
  try {
    for (const username of options.admins ?? []) admins.push(await createAdmin(env, username));
  } catch (error) {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let stopping = false;

  const cleanup = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await cleanup();
      throw new Error(`The server exited before it was ready (code ${child.exitCode}). Its output:\n${output}`);
    }
    const healthy = await fetch(`${origin}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      await cleanup();
      throw new Error(
        `The server did not answer /api/health within ${READY_TIMEOUT_MS / 1000} s. Its output:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  // Tests would only see "connection refused": say why the server went away, with its last words.
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `\n[e2e] The Bedrock server exited during the run (code ${code}, signal ${signal}). Its output:\n${output}\n`,
    );
  });
  return { origin, admins, stop: cleanup };
}
