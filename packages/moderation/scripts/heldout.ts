// Trains a model with the current code on data/train.jsonl (as scripts/train.ts does, without writing it)
// and scores the whole classifier and the model alone on other files: new writers' items that neither the
// model nor the patterns have seen, to compare feature or learner variants on wordings from outside the
// training set. One summary line per table.
// Run: pnpm --filter @bedrock/moderation heldout FILE.jsonl [...] [--options='{…}']
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Classification, Label } from '@bedrock/shared';
import { Analysis, classifyWith, ruleFlags } from '../src/classify.ts';
import { parseCorpus } from '../src/eval/corpus.ts';
import { type Report, score } from '../src/eval/metrics.ts';
import { modelFlags } from '../src/model/flags.ts';
import { type LearnOptions, MODELLED, trainModel } from './learn.ts';

const args = process.argv.slice(2);
const options = JSON.parse(
  args.find((a) => a.startsWith('--options='))?.slice('--options='.length) ?? '{}',
) as Partial<LearnOptions>;
const base = process.env.INIT_CWD ?? process.cwd();
const read = (path: string) => parseCorpus(readFileSync(path, 'utf8'), path);
const train = read(new URL('../data/train.jsonl', import.meta.url).pathname);
const items = args.filter((a) => !a.startsWith('--')).flatMap((f) => read(resolve(base, f)));
const model = trainModel(train, options);

const whole = (text: string): Classification => classifyWith(text, model);
const alone = (text: string): Classification => {
  const analysis = new Analysis(text);
  ruleFlags(analysis, text);
  const labels = [...new Set(modelFlags(analysis, new Set<Label>(), model).map((f) => f.label))];
  return { labels, flags: [] };
};

function summary(name: string, r: Report): string {
  const f1 = r.perLabel.map((s) => `${s.label.split('_')[0]} ${s.f1.toFixed(3)}`);
  const crisis = r.perLabel.find((x) => x.label === 'crisis');
  const pct = (x: { flagged: number; total: number }) => `${((100 * x.flagged) / x.total).toFixed(1)}%`;
  return `${name}: ${f1.join(', ')}, crisis R ${crisis?.recall.toFixed(3)}, unlabelled ${pct(r.unlabelledFlagged)}, hard neg ${pct(r.hardNegativeFlagged)}`;
}
process.stdout.write(
  `${items.length} items; model trained on ${train.length} (${MODELLED.length} labels)\n` +
    `${summary('whole', score(items, whole))}\n${summary('model alone', score(items, alone))}\n`,
);
