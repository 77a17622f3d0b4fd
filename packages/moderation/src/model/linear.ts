import { readFileSync } from 'node:fs';
import type { Label } from '@bedrock/shared';

/** Per label: a bias, a decision threshold and the feature weights of a logistic regression. */
export interface LabelModel {
  bias: number;
  threshold: number;
  weights: Record<string, number>;
}
export type ModelFile = Partial<Record<Label, LabelModel>>;

/** The committed model, trained by scripts/train.ts, read once when the module loads. Parsed with
 * JSON.parse rather than imported as a JSON module: tsx turns a JSON import into a JavaScript module
 * first, which for these 5 MB took the process to a peak of over 200 MB while loading. */
export const MODEL = JSON.parse(readFileSync(new URL('./weights.json', import.meta.url), 'utf8')) as ModelFile;

/** All labels' weights in one table, so a document is scored for every label with one lookup per feature:
 * a feature's row in `index`, and the row's weights (one per label, in `labels` order) in `weights`. One flat
 * array instead of an array per feature keeps the 200,000 rows from costing an object each. */
export interface ScoreTable {
  labels: Label[];
  models: LabelModel[];
  index: Map<string, number>;
  weights: Float64Array;
}

const TABLES = new WeakMap<ModelFile, ScoreTable>();

export function scoreTable(file: ModelFile): ScoreTable {
  let table = TABLES.get(file);
  if (table === undefined) {
    const entries = Object.entries(file) as [Label, LabelModel][];
    const index = new Map<string, number>();
    for (const [, model] of entries) {
      for (const f in model.weights) if (!index.has(f)) index.set(f, index.size);
    }
    const weights = new Float64Array(index.size * entries.length);
    entries.forEach(([, model], i) => {
      for (const [f, w] of Object.entries(model.weights)) {
        weights[(index.get(f) as number) * entries.length + i] = w;
      }
    });
    table = { labels: entries.map(([l]) => l), models: entries.map(([, m]) => m), index, weights };
    TABLES.set(file, table);
  }
  return table;
}

/** Probabilities for every label of the table, in its order. */
export function probabilities(table: ScoreTable, feats: Iterable<string>): Float64Array {
  const z = Float64Array.from(table.models, (m) => m.bias);
  const n = z.length;
  for (const f of feats) {
    const row = table.index.get(f);
    if (row !== undefined) for (let i = 0; i < n; i++) z[i] = (z[i] as number) + (table.weights[row * n + i] as number);
  }
  return z.map((v) => 1 / (1 + Math.exp(-v)));
}

/** The features that pushed the score up most, to point a flag at the words behind it. */
export function strongestFeatures(model: LabelModel, feats: Iterable<string>, count: number): string[] {
  return [...feats]
    .map((f) => [f, model.weights[f] ?? 0] as const)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([f]) => f);
}
