import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

describe('committed generated files', () => {
  it('the model weights and networks are exactly what scripts/train.ts produces from the train split', () => {
    const dir = mkdtempSync(join(tmpdir(), 'moderation-'));
    const [weights, network] = [join(dir, 'weights.tsv'), join(dir, 'network.bin')];
    const run = spawnSync('pnpm', ['exec', 'tsx', 'scripts/train.ts', weights, network], {
      cwd: pkg,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    // Booleans, not the files: a diff of two 8 MB files would take the runner minutes to print.
    const same = readFileSync(weights, 'utf8') === readFileSync(join(pkg, 'src/model/weights.tsv'), 'utf8');
    expect(same, 'src/model/weights.tsv is out of date: run pnpm --filter @bedrock/moderation train').toBe(true);
    const sameNetwork = readFileSync(network).equals(readFileSync(join(pkg, 'src/model/network.bin')));
    expect(sameNetwork, 'src/model/network.bin is out of date: run pnpm --filter @bedrock/moderation train').toBe(true);
    // Training takes 4–6 minutes on one core of these machines (two sets of networks since the eleventh
    // session), longer while other tests share the cores.
  }, 900_000);
});
