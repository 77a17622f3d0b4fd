// Trains the small linear model (one logistic regression per label over word unigrams and bigrams) on
// data/train.jsonl and writes src/model/weights.json. Deterministic: fixed order, no randomness.
// Run: pnpm --filter @bedrock/moderation train
import { readFileSync, writeFileSync } from 'node:fs';
import type { Label } from '@bedrock/shared';
import { parseCorpus } from '../src/eval/corpus.ts';
import { features } from '../src/model/features.ts';
import type { LabelModel, ModelFile } from '../src/model/linear.ts';
import { speechOnly } from '../src/text/eligible.ts';

// The labels where wording varies most; crisis and identifying details stay with the rules.
const MODELLED: Label[] = ['blame_shifting', 'codependency_label', 'minimizing', 'invalidating'];
const THRESHOLD = 0.5;
const EPOCHS = 40;
const RATE = 0.2;
const L2 = 1e-4;
const MIN_COUNT = 2;

const file = new URL('../data/train.jsonl', import.meta.url).pathname;
const items = parseCorpus(readFileSync(file, 'utf8'), file);
const examples = items.map((item) => ({ labels: item.labels, features: [...features(speechOnly(item.text))] }));

const counts = new Map<string, number>();
for (const ex of examples) for (const f of ex.features) counts.set(f, (counts.get(f) ?? 0) + 1);
const vocabulary = new Set([...counts].filter(([, n]) => n >= MIN_COUNT).map(([f]) => f));

function train(label: Label): LabelModel {
  const weights = new Map<string, number>();
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / (1 + epoch * 0.1);
    for (const ex of examples) {
      const fs = ex.features.filter((f) => vocabulary.has(f));
      let z = bias;
      for (const f of fs) z += weights.get(f) ?? 0;
      const error = (ex.labels.includes(label) ? 1 : 0) - 1 / (1 + Math.exp(-z));
      bias += rate * error;
      for (const f of fs) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w + rate * (error - L2 * w));
      }
    }
  }
  const kept = [...weights].filter(([, w]) => Math.abs(w) >= 0.05).sort(([a], [b]) => a.localeCompare(b));
  return {
    bias: Math.round(bias * 1000) / 1000,
    threshold: THRESHOLD,
    weights: Object.fromEntries(kept.map(([f, w]) => [f, Math.round(w * 1000) / 1000])),
  };
}

const model: ModelFile = {};
for (const label of MODELLED) model[label] = train(label);
const out = new URL('../src/model/weights.json', import.meta.url).pathname;
writeFileSync(out, `${JSON.stringify(model)}\n`);
for (const label of MODELLED) {
  process.stdout.write(`${label}: ${Object.keys(model[label]?.weights ?? {}).length} weights\n`);
}
