// Trains the model on data/train.jsonl and writes src/model/weights.tsv (the linear model) and
// src/model/network.bin (the networks beside it, one after another), or the two paths given as arguments. Deterministic.
// Run: pnpm --filter @bedrock/moderation train
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCorpus } from '../src/eval/corpus.ts';
import { serialize } from '../src/model/linear.ts';
import { serializeNetworks } from '../src/model/network.ts';
import { MODELLED, trainClassifierModel } from './learn.ts';

const file = new URL('../data/train.jsonl', import.meta.url).pathname;
const model = trainClassifierModel(parseCorpus(readFileSync(file, 'utf8'), file));
const [weightsOut, networkOut] = [
  process.argv[2] ?? new URL('../src/model/weights.tsv', import.meta.url).pathname,
  process.argv[3] ?? new URL('../src/model/network.bin', import.meta.url).pathname,
];
writeFileSync(weightsOut, serialize(model));
if (model.networks === undefined) throw new Error('training gave no network');
writeFileSync(networkOut, serializeNetworks(model.networks));
const n = model.labels.length;
MODELLED.forEach(({ label }) => {
  const column = model.labels.indexOf(label);
  let kept = 0;
  for (let row = 0; row < model.index.size; row++) if (model.weights[row * n + column] !== 0) kept++;
  process.stdout.write(`${label}: ${kept} weights\n`);
});
for (const net of model.networks) {
  process.stdout.write(
    `network for ${net.labels.join(', ')}: ${net.scale.length} features × ${net.nets} × ${net.hidden} hidden\n`,
  );
}
