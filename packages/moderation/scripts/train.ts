// Trains the model on data/train.jsonl and writes src/model/weights.tsv (the linear model) and
// src/model/network.bin (the networks beside it), or the two paths given as arguments. Deterministic.
// Run: pnpm --filter @bedrock/moderation train
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCorpus } from '../src/eval/corpus.ts';
import { serialize } from '../src/model/linear.ts';
import { serializeNetwork } from '../src/model/network.ts';
import { MODELLED, trainClassifierModel } from './learn.ts';

const file = new URL('../data/train.jsonl', import.meta.url).pathname;
const model = trainClassifierModel(parseCorpus(readFileSync(file, 'utf8'), file));
const [weightsOut, networkOut] = [
  process.argv[2] ?? new URL('../src/model/weights.tsv', import.meta.url).pathname,
  process.argv[3] ?? new URL('../src/model/network.bin', import.meta.url).pathname,
];
writeFileSync(weightsOut, serialize(model));
if (model.network === undefined) throw new Error('training gave no network');
writeFileSync(networkOut, serializeNetwork(model.network));
const n = model.labels.length;
MODELLED.forEach(({ label }) => {
  const column = model.labels.indexOf(label);
  let kept = 0;
  for (let row = 0; row < model.index.size; row++) if (model.weights[row * n + column] !== 0) kept++;
  process.stdout.write(`${label}: ${kept} weights\n`);
});
process.stdout.write(
  `network: ${model.network.scale.length} features × ${model.network.nets} × ${model.network.hidden} hidden\n`,
);
