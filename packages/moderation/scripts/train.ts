// Trains the small linear model (one logistic regression per label over word unigrams and bigrams) on
// data/train.jsonl and writes src/model/weights.json (or the path given as the first argument).
// Deterministic: fixed order, no randomness. Run: pnpm --filter @bedrock/moderation train
import { readFileSync, writeFileSync } from 'node:fs';
import type { Label } from '@bedrock/shared';
import { parseCorpus } from '../src/eval/corpus.ts';
import { Analysis } from '../src/classify.ts';
import type { LabelModel, ModelFile } from '../src/model/linear.ts';
import { ModelViews, type ViewName } from '../src/model/views.ts';

// Harmful-language labels are read on the writer's own sentences only. Crisis reads every word (a
// reported threat is the crisis) and is an extra OR-signal beside the patterns at a low threshold, since a
// missed crisis is worse than a false one. Identifying details stay with the patterns: they are formats.
const MODELLED: { label: Label; threshold: number; view: ViewName; l2?: number }[] = [
  { label: 'blame_shifting', threshold: 0.5, view: 'own' },
  { label: 'codependency_label', threshold: 0.5, view: 'own' },
  { label: 'minimizing', threshold: 0.5, view: 'own' },
  { label: 'invalidating', threshold: 0.5, view: 'own' },
  { label: 'crisis', threshold: 0.6, view: 'all', l2: 0.03 },
];
const EPOCHS = 40;
const RATE = 0.2;
const L2 = 1e-4;
const MIN_COUNT = 2;

const file = new URL('../data/train.jsonl', import.meta.url).pathname;
const items = parseCorpus(readFileSync(file, 'utf8'), file);
// Documents are built exactly as classify() builds them: per-sentence features of the same sentences.
const perItem = items.map((item) => new ModelViews(new Analysis(item.text)));
const views = {
  own: perItem.map((v) => [...v.view('own').features]),
  all: perItem.map((v) => [...v.view('all').features]),
};

function vocabularyOf(docs: string[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const f of doc) counts.set(f, (counts.get(f) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= MIN_COUNT).map(([f]) => f));
}

function train(label: Label, docs: string[][], threshold: number, l2 = L2): LabelModel {
  const vocabulary = vocabularyOf(docs);
  const weights = new Map<string, number>();
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const rate = RATE / (1 + epoch * 0.1);
    docs.forEach((doc, i) => {
      const fs = doc.filter((f) => vocabulary.has(f));
      let z = bias;
      for (const f of fs) z += weights.get(f) ?? 0;
      const error = (items[i]?.labels.includes(label) ? 1 : 0) - 1 / (1 + Math.exp(-z));
      bias += rate * error;
      for (const f of fs) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w + rate * (error - l2 * w));
      }
    });
  }
  const kept = [...weights].filter(([, w]) => Math.abs(w) >= 0.05).sort(([a], [b]) => a.localeCompare(b));
  return {
    bias: Math.round(bias * 1000) / 1000,
    threshold,
    weights: Object.fromEntries(kept.map(([f, w]) => [f, Math.round(w * 1000) / 1000])),
  };
}

const model: ModelFile = {};
for (const { label, threshold, view, l2 } of MODELLED) model[label] = train(label, views[view], threshold, l2);
const out = process.argv[2] ?? new URL('../src/model/weights.json', import.meta.url).pathname;
writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
for (const { label } of MODELLED) {
  process.stdout.write(`${label}: ${Object.keys(model[label]?.weights ?? {}).length} weights\n`);
}
