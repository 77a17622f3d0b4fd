// Cross-validation of the whole classifier (patterns + a model trained without the fold) on train and
// dev, so a change to the model can be compared on more items than dev alone holds, without the test
// split. Items go to one of five folds by a hash of their id. The patterns were written while reading
// train and dev, so the figures are optimistic in absolute terms; they are for comparing model variants.
// Run: pnpm --filter @bedrock/moderation cv [file.jsonl ...]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Classification } from '@bedrock/shared';
import { classifyWith } from '../src/classify.ts';
import { classifyByKeywords } from '../src/eval/baseline.ts';
import { type CorpusItem, parseCorpus } from '../src/eval/corpus.ts';
import { score } from '../src/eval/metrics.ts';
import { table } from '../src/eval/table.ts';
import { trainModel } from './learn.ts';

const FOLDS = 5;
const args = process.argv.slice(2);
const files = args.length > 0 ? args : ['data/train.jsonl', 'data/dev.jsonl'];
const base = process.env.INIT_CWD ?? process.cwd();
const items = files.flatMap((f) => {
  const path = f.startsWith('data/') ? new URL(`../${f}`, import.meta.url).pathname : resolve(base, f);
  return parseCorpus(readFileSync(path, 'utf8'), path);
});
const foldOf = (id: string): number => createHash('sha256').update(`cv:${id}`).digest().readUInt32BE(0) % FOLDS;

const predictions = new Map<string, Classification>();
for (let fold = 0; fold < FOLDS; fold++) {
  const model = trainModel(items.filter((item) => foldOf(item.id) !== fold));
  for (const item of items) if (foldOf(item.id) === fold) predictions.set(item.id, classifyWith(item.text, model));
}
const byText = new Map<string, Classification>(
  items.map((item) => [item.text, predictions.get(item.id) as Classification]),
);
const predict = (text: string): Classification => byText.get(text) ?? { labels: [], flags: [] };
const report = score(items as CorpusItem[], predict);
process.stdout.write(
  `${items.length} items, ${FOLDS}-fold cross-validation\n\n${table(report, score(items, classifyByKeywords))}\n`,
);
