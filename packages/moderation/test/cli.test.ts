import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function runCli(input: string): string[] {
  const result = spawnSync('pnpm', ['--silent', 'classify'], { cwd: root, input, encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('pnpm --silent classify', () => {
  it('answers every line in order, with errors for malformed lines, and prints nothing else', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'You are overreacting, honestly.' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 7, text: 'He told me I was overreacting.' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ id: 'no-text' }),
      '',
      JSON.stringify({ id: 'c', text: 'Email me: jo.after@example.com' }),
    ].join('\n');
    const lines = runCli(`${input}\n`).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ id: 'a', labels: ['invalidating'] });
    expect(lines[1]).toMatchObject({ id: null, error: expect.any(String) });
    expect(lines[2]).toEqual({ id: 7, labels: [], flags: [] });
    expect(lines[3]).toMatchObject({ id: null, error: expect.any(String) });
    expect(lines[4]).toMatchObject({ id: null, error: expect.any(String) });
    expect(lines[5]).toMatchObject({ id: null, error: expect.any(String) });
    expect(lines[6]).toMatchObject({ id: 'c', labels: ['identifying_info'] });
    const [flag] = (lines[6]?.flags ?? []) as { start: number; end: number }[];
    expect('Email me: jo.after@example.com'.slice(flag?.start ?? 0, flag?.end ?? 0)).toBe('jo.after@example.com');
    expect(Object.keys(lines[0] ?? {})).toEqual(['id', 'labels', 'flags']);
  });

  it('ignores a byte-order mark and Windows line endings', () => {
    const lines = runCli(`\uFEFF${JSON.stringify({ id: 1, text: 'You are overreacting.' })}\r\n`);
    expect(lines.map((line) => JSON.parse(line))).toMatchObject([{ id: 1, labels: ['invalidating'] }]);
  });

  it('prints nothing for empty input', () => {
    expect(runCli('')).toEqual([]);
  });
});
