// Trains a model with the current code on data/train.jsonl (as scripts/train.ts does, without writing it)
// and scores the whole classifier and the model alone on other files: new writers' items that neither the
// model nor the patterns have seen, to compare feature or learner variants on wordings from outside the
// training set. One summary line per table. The scored files' writers are left out of training.
// Run: pnpm --filter @bedrock/moderation heldout FILE.jsonl [...] [--options='{…}']
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Classification, Label } from '@bedrock/shared';
import { Analysis, classifyWith } from '../src/classify.ts';
import { parseCorpus } from '../src/eval/corpus.ts';
import { score } from '../src/eval/metrics.ts';
import { summaryLine } from '../src/eval/table.ts';
import { modelFlags } from '../src/model/flags.ts';
import { MODELLED, optionsArg, trainClassifierModel } from './learn.ts';

const args = process.argv.slice(2);
const options = optionsArg(args);
const base = process.env.INIT_CWD ?? process.cwd();
const read = (path: string) => parseCorpus(readFileSync(path, 'utf8'), path);
const items = args.filter((a) => !a.startsWith('--')).flatMap((f) => read(resolve(base, f)));
// A file already in the corpus is left out of training with its writer: an item whose id starts as one of
// the scored ids does ("ya-0003" for the file of "ya-…"), so a round can be scored as if unseen again.
const writerOf = (id: string): string => id.slice(0, id.lastIndexOf('-') + 1);
const writers = new Set(items.map((item) => writerOf(item.id)));
const train = read(new URL('../data/train.jsonl', import.meta.url).pathname).filter(
  (item) => !writers.has(writerOf(item.id)),
);
const model = trainClassifierModel(train, options);

const whole = (text: string): Classification => classifyWith(text, model);
const alone = (text: string): Classification => {
  const labels = [...new Set(modelFlags(new Analysis(text), new Set<Label>(), model).map((f) => f.label))];
  return { labels, flags: [] };
};

process.stdout.write(
  `${items.length} items; model trained on ${train.length} (${MODELLED.length} labels)\n` +
    `${summaryLine('whole', score(items, whole))}\n${summaryLine('model alone', score(items, alone))}\n`,
);
