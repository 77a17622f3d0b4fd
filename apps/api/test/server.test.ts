import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, freePort, isolatedData, runTs } from './processes.ts';

/** Polls until the server answers, or the process ends. */
async function waitForHealth(url: string, exited: () => boolean): Promise<Response> {
  for (;;) {
    if (exited()) throw new Error('server exited before answering');
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

// Starting a real process (tsx, migrations, PGlite) can take a minute on a loaded 2-core machine.
describe('server.ts, the real process', { timeout: 240_000 }, () => {
  let data: Awaited<ReturnType<typeof isolatedData>>;

  beforeAll(async () => {
    data = await isolatedData();
  });
  afterAll(async () => {
    await data.cleanup();
  });

  it('migrates, serves /api/health, hints at admin:create, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = runTs('src/server.ts', [], { ...data.env, PORT: String(port), HOST: '127.0.0.1' });
    let exited = false;
    const result = finished(child);
    child.on('exit', () => {
      exited = true;
    });

    const health = await waitForHealth(`http://127.0.0.1:${port}/api/health`, () => exited);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: data.env.DATABASE_URL ? 'postgres' : 'pglite' });
    const missing = await fetch(`http://127.0.0.1:${port}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('ERR_NOT_FOUND');

    child.kill('SIGTERM');
    const { code, stdout, stderr } = await result;
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(stdout).toContain('pnpm admin:create <username>');
    // The embedded database was closed cleanly, releasing its lock.
    expect(existsSync(join(data.dataDir, 'bedrock.pid'))).toBe(false);
  });
});
