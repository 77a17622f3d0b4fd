import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));

describe('committed generated files', () => {
  it('the model weights are exactly what scripts/train.ts produces from the train split', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'moderation-')), 'weights.tsv');
    const run = spawnSync('pnpm', ['exec', 'tsx', 'scripts/train.ts', out], { cwd: pkg, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    // A boolean, not the two strings: a diff of two 3 MB files would take the runner minutes to print.
    const same = readFileSync(out, 'utf8') === readFileSync(join(pkg, 'src/model/weights.tsv'), 'utf8');
    expect(same, 'src/model/weights.tsv is out of date: run pnpm --filter @bedrock/moderation train').toBe(true);
  }, 180_000);
});
