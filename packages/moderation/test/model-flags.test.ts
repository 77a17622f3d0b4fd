import type { Label } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import { Analysis, classify, classifyWith, ruleFlags } from '../src/classify.ts';
import { modelFlags } from '../src/model/flags.ts';
import { MODEL, type ModelFile, probabilities, scoreTable } from '../src/model/linear.ts';
import { ModelViews } from '../src/model/views.ts';

// scripts/cv.ts scores every threshold from one pass: a model flag appears when the document probability
// reaches the threshold and the label's best sentence passes its checks, which do not depend on the
// threshold. These tests hold that shortcut to what classify() does.
const TEXTS = [
  'Maybe if you had kept yourself up he would not have looked elsewhere.',
  'You need to stop dwelling on it, it was only a few messages.',
  'You are being paranoid, he told you it was nothing.',
  'Honestly you sound codependent, checking his phone like that.',
  'I took all of my tablets tonight and I just want it to stop.',
  'He said he would hurt me if I left.',
  'It is not your fault. His choices were his.',
  'We went to the beach on Sunday and the kids loved it.',
  'Have you thought about whether your figure changed since the baby?',
];

const at = (model: ModelFile, t: number): ModelFile =>
  Object.fromEntries(Object.entries(model).map(([label, m]) => [label, { ...m, threshold: t }]));

describe('model flags and the cross-validation shortcut', () => {
  it('the patterns then the model give what classify() gives', () => {
    for (const text of TEXTS) {
      const analysis = new Analysis(text);
      const flags = ruleFlags(analysis, text);
      const decided = new Set<Label>([...analysis.cleared, ...flags.map((f) => f.label)]);
      const labels = new Set([...flags, ...modelFlags(analysis, decided, MODEL)].map((f) => f.label));
      expect([...labels].sort()).toEqual([...classify(text).labels].sort());
      expect(classifyWith(text, MODEL)).toEqual(classify(text));
    }
  });

  it('a label is flagged at a threshold exactly when its probability reaches it and its checks pass', () => {
    const table = scoreTable(MODEL);
    for (const text of TEXTS) {
      const analysis = new Analysis(text);
      const passes = new Set(modelFlags(analysis, new Set(), at(MODEL, Number.NEGATIVE_INFINITY)).map((f) => f.label));
      const views = new ModelViews(analysis);
      const own = probabilities(table, views.view('own').features);
      const all = probabilities(table, views.view('all').features);
      for (const t of [0.1, 0.3, 0.5, 0.8]) {
        const flagged = new Set(modelFlags(analysis, new Set(), at(MODEL, t)).map((f) => f.label));
        table.labels.forEach((label, j) => {
          const p = (label === 'crisis' ? all : own)[j] as number;
          expect(flagged.has(label), `${label} at ${t}: ${text}`).toBe(passes.has(label) && p >= t);
        });
      }
    }
  });
});
