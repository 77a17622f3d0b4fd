// Trains the small linear model on data/train.jsonl and writes src/model/weights.tsv (or the path given
// as the first argument). Deterministic. Run: pnpm --filter @bedrock/moderation train
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCorpus } from '../src/eval/corpus.ts';
import { compile, serialize } from '../src/model/linear.ts';
import { MODELLED, trainModel } from './learn.ts';

const file = new URL('../data/train.jsonl', import.meta.url).pathname;
const trained = trainModel(parseCorpus(readFileSync(file, 'utf8'), file));
const out = process.argv[2] ?? new URL('../src/model/weights.tsv', import.meta.url).pathname;
writeFileSync(out, serialize(compile(trained)));
for (const { label } of MODELLED) {
  process.stdout.write(`${label}: ${Object.keys(trained[label]?.weights ?? {}).length} weights\n`);
}
