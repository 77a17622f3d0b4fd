import type { Label } from '@bedrock/shared';
import weightsFile from './weights.json' with { type: 'json' };

/** Per label: a bias, a decision threshold and the feature weights of a logistic regression. */
export interface LabelModel {
  bias: number;
  threshold: number;
  weights: Record<string, number>;
}
export type ModelFile = Partial<Record<Label, LabelModel>>;

/** The committed model, trained by scripts/train.ts. */
export const MODEL = weightsFile as ModelFile;

export function probability(model: LabelModel, feats: Iterable<string>): number {
  let z = model.bias;
  for (const f of feats) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** All labels' weights in one table, so a document is scored for every label with one lookup per feature. */
export interface ScoreTable {
  labels: Label[];
  models: LabelModel[];
  weights: Map<string, Float64Array>;
}

const TABLES = new WeakMap<ModelFile, ScoreTable>();

export function scoreTable(file: ModelFile): ScoreTable {
  let table = TABLES.get(file);
  if (table === undefined) {
    const entries = Object.entries(file) as [Label, LabelModel][];
    const weights = new Map<string, Float64Array>();
    entries.forEach(([, model], i) => {
      for (const [f, w] of Object.entries(model.weights)) {
        let row = weights.get(f);
        if (row === undefined) {
          row = new Float64Array(entries.length);
          weights.set(f, row);
        }
        row[i] = w;
      }
    });
    table = { labels: entries.map(([l]) => l), models: entries.map(([, m]) => m), weights };
    TABLES.set(file, table);
  }
  return table;
}

/** Probabilities for every label of the table, in its order; the same sums, in the same order, as
 * probability() for each label alone. */
export function probabilities(table: ScoreTable, feats: Iterable<string>): Float64Array {
  const z = Float64Array.from(table.models, (m) => m.bias);
  for (const f of feats) {
    const row = table.weights.get(f);
    if (row !== undefined) for (let i = 0; i < z.length; i++) z[i] = (z[i] as number) + (row[i] as number);
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
