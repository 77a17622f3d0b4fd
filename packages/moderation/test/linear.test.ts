import { describe, expect, it } from 'vitest';
import {
  adjusted,
  compile,
  deserialize,
  MODEL,
  probabilities,
  serialize,
  strongestFeatures,
} from '../src/model/linear.ts';

// Two labels that keep different features: a feature one label did not keep weighs 0 for it.
const trained = {
  blame_shifting: { bias: -2, threshold: 0.25, weights: { 'your weight': 1.5, you: 0.25, '#c:body': 0.75 } },
  crisis: { bias: -3.5, threshold: 0.2, weights: { pills: 2.125, you: -0.5 } },
};

describe('the linear model and its committed file', () => {
  it('compiles what training wrote into one table that scores every label at once', () => {
    const model = compile(trained);
    expect(model.labels).toEqual(['blame_shifting', 'crisis']);
    const [blame, crisis] = probabilities(model, ['you', 'your weight', 'unknown word']);
    expect(blame).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 1.5 + 0.25))), 12);
    expect(crisis).toBeCloseTo(1 / (1 + Math.exp(-(-3.5 - 0.5))), 12);
    expect(strongestFeatures(model, 0, ['you', 'your weight', 'pills'], 2)).toEqual(['your weight', 'you']);
    expect(strongestFeatures(model, 1, ['you', 'your weight', 'pills'], 2)).toEqual(['pills']);
  });

  it('writes and reads the file without changing a score, a bias or a threshold', () => {
    const model = compile(trained);
    const text = serialize(model);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'label\tblame_shifting\tcrisis',
      'bias\t-2\t-3.5',
      'threshold\t0.25\t0.2',
    ]);
    const read = deserialize(text);
    expect(read.labels).toEqual(model.labels);
    expect([...read.bias]).toEqual([...model.bias]);
    expect([...read.threshold]).toEqual([...model.threshold]);
    for (const feats of [['you'], ['your weight', '#c:body'], ['pills', 'you', 'nothing']]) {
      expect([...probabilities(read, feats)]).toEqual([...probabilities(model, feats)]);
    }
    expect(serialize(read)).toBe(text);
  });

  it('refuses a file that does not start with the label, bias and threshold rows', () => {
    expect(() => deserialize('bias\t1\nlabel\tcrisis\n')).toThrow(/line 1 should start with "label"/);
  });

  it('adjusts a bias or threshold on a copy that shares the weights and leaves the model as it was', () => {
    const j = MODEL.labels.indexOf('crisis');
    const before = MODEL.threshold[j];
    const copy = adjusted(MODEL, { crisis: { bias: -50, threshold: 0.9 } });
    expect(copy.threshold[j]).toBe(0.9);
    expect(copy.bias[j]).toBe(-50);
    expect(copy.weights).toBe(MODEL.weights);
    expect(MODEL.threshold[j]).toBe(before);
  });
});
