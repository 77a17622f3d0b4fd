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

/** The features that pushed the score up most, to point a flag at the words behind it. */
export function strongestFeatures(model: LabelModel, feats: Iterable<string>, count: number): string[] {
  return [...feats]
    .map((f) => [f, model.weights[f] ?? 0] as const)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([f]) => f);
}
