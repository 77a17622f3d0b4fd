import { type Classification, LABELS, type Label, ROUTING_LABELS } from '@bedrock/shared';
import type { CorpusItem } from './corpus.ts';

export interface LabelScore {
  label: Label;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Report {
  items: number;
  perLabel: LabelScore[];
  /** Share of items with no gold label that got any flag. */
  unlabelledFlagged: { flagged: number; total: number };
  hardNegativeFlagged: { flagged: number; total: number };
  /** The same two rates counting only labels that hold an item for review (all but crisis, which routes
   * and never hides: @bedrock/shared ROUTING_LABELS): the false flag principle 5 of GUIDELINES.md names. */
  unlabelledHeld: { flagged: number; total: number };
  hardNegativeHeld: { flagged: number; total: number };
}

/** Hard negatives are marked by `kind` in the corpus and by a "Hard negative" note in the shared examples. */
export function isHardNegative(item: CorpusItem): boolean {
  if (item.kind !== undefined) return item.kind === 'hard_negative';
  return /^hard negative/i.test(item.note ?? '');
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function score(items: readonly CorpusItem[], predict: (text: string) => Classification): Report {
  const counts = new Map<Label, { tp: number; fp: number; fn: number }>(
    LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]),
  );
  const unlabelled = { flagged: 0, total: 0 };
  const hard = { flagged: 0, total: 0 };
  let unlabelledHeld = 0;
  let hardHeld = 0;
  const holds = (label: Label): boolean => !ROUTING_LABELS.includes(label);
  for (const item of items) {
    const predicted = new Set(predict(item.text).labels);
    for (const label of LABELS) {
      const c = counts.get(label) as { tp: number; fp: number; fn: number };
      const gold = item.labels.includes(label);
      if (gold && predicted.has(label)) c.tp++;
      else if (gold) c.fn++;
      else if (predicted.has(label)) c.fp++;
    }
    if (item.labels.length === 0) {
      unlabelled.total++;
      if (predicted.size > 0) unlabelled.flagged++;
      if ([...predicted].some(holds)) unlabelledHeld++;
    }
    if (isHardNegative(item)) {
      hard.total++;
      // A hard negative may carry other labels; it counts as flagged when a label it lacks is predicted.
      const extra = [...predicted].filter((l) => !item.labels.includes(l));
      if (extra.length > 0) hard.flagged++;
      if (extra.some(holds)) hardHeld++;
    }
  }
  const perLabel = LABELS.map((label) => {
    const { tp, fp, fn } = counts.get(label) as { tp: number; fp: number; fn: number };
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return { label, support: tp + fn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  });
  return {
    items: items.length,
    perLabel,
    unlabelledFlagged: unlabelled,
    hardNegativeFlagged: hard,
    unlabelledHeld: { flagged: unlabelledHeld, total: unlabelled.total },
    hardNegativeHeld: { flagged: hardHeld, total: hard.total },
  };
}
