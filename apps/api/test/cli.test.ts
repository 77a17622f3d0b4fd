import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { testConfig } from './helpers.ts';
import { finished, isolatedData, runTs } from './processes.ts';

// Each CLI run is a fresh process (tsx, PGlite), slow on a loaded 2-core machine.
describe('CLIs: db:migrate and admin:create', { timeout: 240_000 }, () => {
  let data: Awaited<ReturnType<typeof isolatedData>>;

  beforeAll(async () => {
    data = await isolatedData();
  });
  afterAll(async () => {
    await data.cleanup();
  });

  it('db:migrate applies the migrations', async () => {
    const { code, stdout } = await finished(runTs('src/cli/migrate.ts', [], data.env));
    expect(code).toBe(0);
    expect(stdout).toContain('applied');
  });

  it('admin:create makes an administrator with a one-time password that signs in', async () => {
    const { code, stdout } = await finished(runTs('src/cli/admin-create.ts', ['Keeper'], data.env));
    expect(code).toBe(0);
    const password = /One-time password: (\S+)/.exec(stdout)?.[1];
    expect(password).toBeDefined();

    const database = await data.open();
    const app = await buildApp({ config: testConfig(), database, logger: false });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'keeper', password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().user).toMatchObject({ username: 'Keeper', role: 'admin' });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('admin:create refuses a taken username (any case), an identifying one, and a missing one', async () => {
    const taken = await finished(runTs('src/cli/admin-create.ts', ['KEEPER'], data.env));
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already taken');
    const identifying = await finished(runTs('src/cli/admin-create.ts', ['07700900123'], data.env));
    expect(identifying.code).toBe(1);
    expect(identifying.stderr).toContain('e-mail address or phone number');
    const missing = await finished(runTs('src/cli/admin-create.ts', [], data.env));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Usage');
  });
});
