// Measures a one-hidden-layer network beside the linear model, on new writers: the scored files' writers
// are left out of training (as scripts/heldout.ts does), the linear model is trained as scripts/train.ts
// trains it, and a network shared by the four harmful-language labels is trained on the same documents
// (the writer's own sentences, features seen in at least two training items, input dropout, one output
// per label, hard negatives weighted as for the linear model). Prints, per label, the average precision
// and the best F1 over thresholds of the linear model, the network and the average of their
// probabilities: the model alone, no patterns. Nothing here is used by classify(); it is the measurement
// behind the README's "next step" (Results: the tenth session). Deterministic (seeded, fixed order).
// Run: pnpm --filter @bedrock/moderation network FILE.jsonl [...] [--hidden=16] [--min-count=2] [--seeds=3]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Analysis } from '../src/classify.ts';
import { parseCorpus } from '../src/eval/corpus.ts';
import { ModelViews } from '../src/model/views.ts';
import { seededRandom } from '../src/random.ts';
import { itemViews, MODELLED, trainModel } from './learn.ts';

const args = process.argv.slice(2);
const setting = (name: string, fallback: number): number =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const HIDDEN = setting('hidden', 16);
const MIN_COUNT = setting('min-count', 2);
const EPOCHS = 8;
const RATE = 0.05;
const DROPOUT = 0.3;
const L2 = 1e-5;
const HARD_NEGATIVE_WEIGHT = 3;

const base = process.env.INIT_CWD ?? process.cwd();
const read = (path: string) => parseCorpus(readFileSync(path, 'utf8'), path);
const items = args.filter((a) => !a.startsWith('--')).flatMap((f) => read(resolve(base, f)));
const writerOf = (id: string): string => id.slice(0, id.lastIndexOf('-') + 1);
const writers = new Set(items.map((item) => writerOf(item.id)));
const train = read(new URL('../data/train.jsonl', import.meta.url).pathname).filter(
  (item) => !writers.has(writerOf(item.id)),
);
const views = (list: typeof items) => list.map((item) => itemViews(new ModelViews(new Analysis(item.text))));
const trainViews = views(train);
const scoredViews = views(items);
const linear = trainModel(train, {}, trainViews);
const LABELS = MODELLED.filter((m) => m.label !== 'crisis').map((m) => m.label);
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

// Features seen in MIN_COUNT training items or more, each a row of HIDDEN weights.
const count = new Map<string, number>();
for (const v of trainViews) for (const f of v.own) count.set(f, (count.get(f) ?? 0) + 1);
const index = new Map<string, number>();
for (const [f, c] of [...count].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  if (c >= MIN_COUNT) index.set(f, index.size);
}
const rowsOf = (features: readonly string[]): number[] =>
  features.map((f) => index.get(f)).filter((r): r is number => r !== undefined);
const docs = trainViews.map((v) => rowsOf(v.own));
const targets = LABELS.map((label) => train.map((item) => item.labels.includes(label)));
const weightOf = LABELS.map((_, l) =>
  train.map((item, i) => (!targets[l]?.[i] && item.kind === 'hard_negative' ? HARD_NEGATIVE_WEIGHT : 1)),
);

const SEEDS = setting('seeds', 3);

/** One network, trained with its own seed (initial weights, order and dropout draws); `probability`
 * scores a document's features for label `l`. */
function trainNetwork(seed: number): (rows: readonly number[], l: number) => number {
  const random = seededRandom(seed);
  const embed = new Float64Array(index.size * HIDDEN).map(() => (random() - 0.5) * 0.1);
  const hiddenBias = new Float64Array(HIDDEN);
  const out = new Float64Array(LABELS.length * HIDDEN).map(() => (random() - 0.5) * 0.1);
  const outBias = new Float64Array(LABELS.length);
  const hidden = new Float64Array(HIDDEN);
  const back = new Float64Array(HIDDEN);
  const forward = (rows: readonly number[], scale: number): void => {
    hidden.set(hiddenBias);
    for (const r of rows) {
      for (let h = 0; h < HIDDEN; h++) hidden[h] = (hidden[h] as number) + (embed[r * HIDDEN + h] as number) * scale;
    }
    for (let h = 0; h < HIDDEN; h++) if ((hidden[h] as number) < 0) hidden[h] = 0;
  };
  const logit = (l: number): number => {
    let z = outBias[l] as number;
    for (let h = 0; h < HIDDEN; h++) z += (out[l * HIDDEN + h] as number) * (hidden[h] as number);
    return z;
  };
  const order = docs.map((_, i) => i);
  const keptScale = 1 / (1 - DROPOUT);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = RATE / (1 + epoch * 0.3);
    for (const i of order) {
      const rows = (docs[i] as number[]).filter(() => random() >= DROPOUT);
      forward(rows, keptScale);
      back.fill(0);
      LABELS.forEach((_, l) => {
        const error = ((targets[l]?.[i] ? 1 : 0) - sigmoid(logit(l))) * (weightOf[l]?.[i] as number);
        for (let h = 0; h < HIDDEN; h++) {
          const k = l * HIDDEN + h;
          if ((hidden[h] as number) > 0) back[h] = (back[h] as number) + error * (out[k] as number);
          out[k] = (out[k] as number) + rate * (error * (hidden[h] as number) - L2 * (out[k] as number));
        }
        outBias[l] = (outBias[l] as number) + rate * error;
      });
      for (let h = 0; h < HIDDEN; h++) hiddenBias[h] = (hiddenBias[h] as number) + rate * (back[h] as number);
      for (const r of rows) {
        for (let h = 0; h < HIDDEN; h++) {
          const k = r * HIDDEN + h;
          embed[k] = (embed[k] as number) + rate * ((back[h] as number) * keptScale - L2 * (embed[k] as number));
        }
      }
    }
  }
  return (rows, l) => {
    forward(rows, 1);
    return sigmoid(logit(l));
  };
}
// Several networks with different seeds, their probabilities averaged (one network's figures move by
// ±0.01–0.02 with the seed).
const networks = Array.from({ length: SEEDS }, (_, s) => trainNetwork(0x4e7 + s));
const network = (rows: readonly number[], l: number): number =>
  networks.reduce((sum, net) => sum + net(rows, l), 0) / networks.length;

function averagePrecision(scores: readonly number[], gold: readonly boolean[]): number {
  const ranked = scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  let found = 0;
  let sum = 0;
  ranked.forEach((i, rank) => {
    if (!gold[i]) return;
    found++;
    sum += found / (rank + 1);
  });
  return found === 0 ? 0 : sum / found;
}
function bestF1(scores: readonly number[], gold: readonly boolean[]): string {
  let best = 0;
  let at = 0;
  for (let t = 5; t <= 80; t += 5) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    scores.forEach((s, i) => {
      if (s >= t / 100) gold[i] ? tp++ : fp++;
      else if (gold[i]) fn++;
    });
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best) [best, at] = [f1, t / 100];
  }
  return `${best.toFixed(3)} at ${at.toFixed(2)}`;
}

process.stdout.write(
  `${items.length} items; trained on ${train.length}; network: ${index.size} features × ${HIDDEN} hidden, ${SEEDS} seeds\n` +
    '| label | n | AP linear | AP network | AP average | best F1 linear | best F1 network | best F1 average |\n' +
    '|---|---:|---:|---:|---:|---:|---:|---:|\n',
);
LABELS.forEach((label, l) => {
  const gold = items.map((item) => item.labels.includes(label));
  const model = linear[label];
  const scores = { linear: [] as number[], network: [] as number[], average: [] as number[] };
  for (const v of scoredViews) {
    let z = model?.bias ?? 0;
    for (const f of v.own) z += model?.weights[f] ?? 0;
    const [p, q] = [sigmoid(z), network(rowsOf(v.own), l)];
    scores.linear.push(p);
    scores.network.push(q);
    scores.average.push((p + q) / 2);
  }
  const cells = (f: (s: number[]) => string) => [scores.linear, scores.network, scores.average].map(f);
  const row = [
    label,
    gold.filter(Boolean).length,
    ...cells((s) => averagePrecision(s, gold).toFixed(3)),
    ...cells((s) => bestF1(s, gold)),
  ];
  process.stdout.write(`| ${row.join(' | ')} |\n`);
});
