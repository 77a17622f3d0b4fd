// Prints the counts per label and per kind of each split as a markdown table (for the README).
// Run: pnpm --filter @bedrock/moderation stats
import { readFileSync } from 'node:fs';
import { LABELS } from '@bedrock/shared';
import { parseCorpus } from '../src/eval/corpus.ts';

const splits = ['train', 'dev', 'test'] as const;
const columns = [...LABELS, 'kind: positive', 'kind: hard_negative', 'kind: negative', 'no label', 'items'];
const rows = splits.map((split) => {
  const file = new URL(`../data/${split}.jsonl`, import.meta.url).pathname;
  const items = parseCorpus(readFileSync(file, 'utf8'), file);
  const count = (test: (i: (typeof items)[number]) => boolean) => items.filter(test).length;
  return [
    split,
    ...LABELS.map((label) => count((i) => i.labels.includes(label))),
    count((i) => i.kind === 'positive'),
    count((i) => i.kind === 'hard_negative'),
    count((i) => i.kind === 'negative'),
    count((i) => i.labels.length === 0),
    items.length,
  ];
});
const lines = [`| split | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---:').join('|')}|`];
for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
process.stdout.write(`${lines.join('\n')}\n`);
