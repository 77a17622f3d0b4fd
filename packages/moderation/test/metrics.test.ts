import type { Classification, Label } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import type { CorpusItem } from '../src/eval/corpus.ts';
import { score } from '../src/eval/metrics.ts';

const item = (id: string, labels: Label[], kind: CorpusItem['kind']): CorpusItem => ({ id, text: id, labels, kind });
const predicting =
  (byText: Record<string, Label[]>) =>
  (text: string): Classification => ({ labels: byText[text] ?? [], flags: [] });

describe('score', () => {
  const items = [
    item('crisis-only', [], 'hard_negative'),
    item('blame', [], 'hard_negative'),
    item('clean', [], 'negative'),
    item('right', ['minimizing'], 'positive'),
    item('missed', ['crisis'], 'positive'),
  ];
  const report = score(
    items,
    predicting({ 'crisis-only': ['crisis'], blame: ['blame_shifting'], right: ['minimizing'] }),
  );

  it('counts every flag on an unlabelled item as a false flag, and only labels that hold as held', () => {
    expect(report.unlabelledFlagged).toEqual({ flagged: 2, total: 3 });
    expect(report.hardNegativeFlagged).toEqual({ flagged: 2, total: 2 });
    // Crisis routes and never holds (ROUTING_LABELS), so the crisis-only false flag holds nothing.
    expect(report.unlabelledHeld).toEqual({ flagged: 1, total: 3 });
    expect(report.hardNegativeHeld).toEqual({ flagged: 1, total: 2 });
  });

  it('scores each label by precision, recall and F1', () => {
    const of = (label: Label) => report.perLabel.find((s) => s.label === label);
    expect(of('minimizing')).toMatchObject({ support: 1, precision: 1, recall: 1, f1: 1 });
    expect(of('crisis')).toMatchObject({ support: 1, precision: 0, recall: 0, f1: 0 });
    expect(of('blame_shifting')).toMatchObject({ support: 0, precision: 0, recall: 0 });
  });
});
