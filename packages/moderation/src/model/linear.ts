import { readFileSync } from 'node:fs';
import type { Label } from '@bedrock/shared';
import { deserializeNetworks, type Network, NetworkSums } from './network.ts';

/** One label's logistic regression as training writes it: a bias, a decision threshold and the weights of
 * the features it kept. */
export interface LabelModel {
  bias: number;
  threshold: number;
  weights: Record<string, number>;
}
/** What training produces (scripts/learn.ts), before it is compiled into a Model. */
export type TrainedModel = Partial<Record<Label, LabelModel>>;

/** Every modelled label in one table, so a document is scored for all of them with one lookup per feature:
 * a feature's row in `index`, the row's weights (one per label, in `labels` order) in `weights`. One flat
 * array instead of an object of weights per label keeps the 100,000 rows from costing an object each. */
export interface Model {
  labels: Label[];
  bias: Float64Array;
  threshold: Float64Array;
  index: Map<string, number>;
  weights: Float64Array;
  /** The networks beside the linear model (network.ts), aligned to `index`: one for the labels read on the
   * writer's own sentences, one for crisis. */
  networks?: readonly Network[];
}

/** The table of what training produced (a feature a label did not keep weighs 0 for it), its rows in the
 * sorted order of the committed file, so a table compiled in training and the one read from the file agree
 * row for row (the networks beside it are aligned to those rows). */
export function compile(file: TrainedModel): Model {
  const entries = Object.entries(file) as [Label, LabelModel][];
  const features = new Set<string>();
  for (const [, model] of entries) for (const f in model.weights) features.add(f);
  const index = new Map([...features].sort(byFeature).map((f, row) => [f, row]));
  const n = entries.length;
  const weights = new Float64Array(index.size * n);
  entries.forEach(([, model], i) => {
    for (const [f, w] of Object.entries(model.weights)) weights[(index.get(f) as number) * n + i] = w;
  });
  return {
    labels: entries.map(([label]) => label),
    bias: Float64Array.from(entries, ([, m]) => m.bias),
    threshold: Float64Array.from(entries, ([, m]) => m.threshold),
    index,
    weights,
  };
}

/** The order of the table's rows and of the committed file's. */
const byFeature = (a: string, b: string): number => a.localeCompare(b);

// The committed file is tab-separated text: a row of labels, a row of biases, a row of thresholds, then
// one row per feature, sorted, with its weight for each label. Read, it becomes the table directly; as a
// JSON object of objects (244,000 weights), parsing alone had taken the process's peak memory up by 45 MB.
const HEADER = ['label', 'bias', 'threshold'] as const;

export function serialize(model: Model): string {
  const n = model.labels.length;
  const rows = [
    [HEADER[0], ...model.labels],
    [HEADER[1], ...model.bias],
    [HEADER[2], ...model.threshold],
  ].map((row) => row.join('\t'));
  const features = [...model.index.keys()].sort(byFeature);
  for (const f of features) {
    const row = model.index.get(f) as number;
    rows.push(`${f}\t${Array.from(model.weights.subarray(row * n, row * n + n)).join('\t')}`);
  }
  return `${rows.join('\n')}\n`;
}

/** The table of a committed file (or its text). Read from the bytes: a feature's name is decoded on its own
 * (a substring of the file's text would keep the whole text alive) and no array of lines is built, since
 * the load's peak memory counts everything alive at once. */
export function deserialize(input: Buffer | string): Model {
  const file = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let at = 0;
  const lineEnd = (from: number): number => {
    const end = file.indexOf(NEWLINE, from);
    return end < 0 ? file.length : end;
  };
  const header = (i: number): string[] => {
    const end = lineEnd(at);
    const cells = file.toString('utf8', at, end).split('\t');
    at = end + 1;
    if (cells[0] !== HEADER[i]) throw new Error(`model file: line ${i + 1} should start with "${HEADER[i]}"`);
    return cells.slice(1);
  };
  const labels = header(0) as Label[];
  const n = labels.length;
  const bias = Float64Array.from(header(1), Number);
  const threshold = Float64Array.from(header(2), Number);
  let rows = 0;
  for (let p = at; p < file.length; p = lineEnd(p) + 1) rows++;
  const index = new Map<string, number>();
  const weights = new Float64Array(rows * n);
  for (let row = 0; row < rows; row++) {
    const end = lineEnd(at);
    let tab = file.indexOf(TAB, at);
    index.set(file.toString('utf8', at, tab), row);
    for (let i = 0; i < n; i++) {
      let next = tab + 1;
      while (next < end && file[next] !== TAB) next++;
      weights[row * n + i] = decimal(file, tab + 1, next);
      tab = next;
    }
    at = end + 1;
  }
  return { labels, bias, threshold, index, weights };
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/** The number written in bytes `start`–`end`: an integer of its digits over a power of ten, which is the
 * double Number() reads from the text (both are exact, and the division rounds correctly); anything else
 * ("1e-7") through Number(). */
function decimal(file: Buffer, start: number, end: number): number {
  let p = start;
  const negative = file[p] === 0x2d;
  if (negative) p++;
  let digits = 0;
  let scale = 1;
  let point = false;
  for (; p < end; p++) {
    const c = file[p] as number;
    if (c >= 0x30 && c <= 0x39 && digits < 1e15) {
      digits = digits * 10 + (c - 0x30);
      if (point) scale *= 10;
    } else if (c === 0x2e && !point) point = true;
    else return Number(file.toString('latin1', start, end));
  }
  if (p === (negative ? start + 1 : start)) return Number(file.toString('latin1', start, end));
  const value = digits / scale;
  return negative ? -value : value;
}

/** A model with networks beside it (they must be aligned to its rows). */
export function withNetworks(model: Model, networks: readonly Network[]): Model {
  for (const network of networks) {
    if (network.rowOf.length !== model.index.size) {
      throw new Error(`network: aligned to ${network.rowOf.length} rows, the model has ${model.index.size}`);
    }
  }
  return { ...model, networks };
}

/** The committed model, trained by scripts/train.ts, read once when the module loads. */
export const MODEL: Model = (() => {
  const linear = deserialize(readFileSync(new URL('./weights.tsv', import.meta.url)));
  return withNetworks(
    linear,
    deserializeNetworks(readFileSync(new URL('./network.bin', import.meta.url)), linear.labels),
  );
})();

/** The same model with some labels' bias or threshold changed (cross-validation opens every threshold;
 * tests move a bias to put a text at a chosen probability). Shares the weights and the networks; a bias is
 * the linear model's. */
export function adjusted(model: Model, change: Partial<Record<Label, { bias?: number; threshold?: number }>>): Model {
  const bias = Float64Array.from(model.bias);
  const threshold = Float64Array.from(model.threshold);
  model.labels.forEach((label, i) => {
    bias[i] = change[label]?.bias ?? (bias[i] as number);
    threshold[i] = change[label]?.threshold ?? (threshold[i] as number);
  });
  return { ...model, bias, threshold };
}

/** Probabilities for every label of the model, in its order, for one set of distinct features. */
export function probabilities(model: Model, feats: Iterable<string>): Float64Array {
  return documentProbabilities(model, [rowsOf(model, feats)]);
}

/** The model rows of a sentence's features (those the model kept), in the features' order. */
export function rowsOf(model: Model, feats: Iterable<string>): number[] {
  const rows: number[] = [];
  for (const f of feats) {
    const row = model.index.get(f);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

/** A mark per row of the feature table last scored, and the mark of the document being scored, so a
 * document's distinct rows are found without building the union of its sentences' features. */
let marked: { index: Model['index']; marks: Uint32Array; current: number } | undefined;

/** Probabilities for every label of a document given as its sentences' rows (rowsOf): the same numbers as
 * `probabilities` of the union of the sentences' features (documentFeatures), added in the same order,
 * since that union lists each feature where it first appears. With networks beside the linear model, each
 * distinct row is added to their hidden sums in the same pass, and their labels get the mean of the linear
 * probability and the networks' (network.ts). Only `networks` are run (a caller that reads the labels of
 * one view runs that view's network, views.ts); the labels of the others get the linear probability alone. */
export function documentProbabilities(
  model: Model,
  sentences: readonly (readonly number[])[],
  networks: readonly Network[] = model.networks ?? [],
): Float64Array {
  if (marked === undefined || marked.index !== model.index || marked.current >= 0xffffffff) {
    marked = { index: model.index, marks: new Uint32Array(model.index.size), current: 0 };
  }
  const mark = ++marked.current;
  const { marks } = marked;
  const z = Float64Array.from(model.bias);
  const n = z.length;
  const sums = networks.map((net) => new NetworkSums(net));
  for (const rows of sentences) {
    for (const row of rows) {
      if (marks[row] === mark) continue;
      marks[row] = mark;
      for (let i = 0; i < n; i++) z[i] = (z[i] as number) + (model.weights[row * n + i] as number);
      for (const s of sums) s.add(row);
    }
  }
  const p = z.map((v) => 1 / (1 + Math.exp(-v)));
  for (const s of sums) s.blend(p);
  return p;
}

/** The weight of a feature for the label in column `label` (0 when the label did not keep it). */
export function weightOf(model: Model, label: number, feature: string): number {
  const row = model.index.get(feature);
  return row === undefined ? 0 : (model.weights[row * model.labels.length + label] as number);
}

/** The features that pushed label `label`'s score up most, to point a flag at the words behind it. */
export function strongestFeatures(model: Model, label: number, feats: Iterable<string>, count: number): string[] {
  return [...feats]
    .map((f) => [f, weightOf(model, label, f)] as const)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([f]) => f);
}
