import type { Label } from '@bedrock/shared';
import { expect } from 'vitest';
import { Analysis, ruleFlags } from '../src/classify.ts';
import { classify } from '../src/index.ts';

export const labelsOf = (text: string): Label[] => classify(text).labels;

/** The body of an `it.each` over [shape, text] rows: `label` is among the text's labels, or (flagged false)
 * it is not. */
export const expectLabel =
  (label: Label, flagged = true) =>
  (_shape: string, text: string): void => {
    if (flagged) expect(labelsOf(text)).toContain(label);
    else expect(labelsOf(text)).not.toContain(label);
  };

/** The words the patterns alone flag for `label`, without the model: a test on them cannot be passed by
 * retraining the model, nor failed by it. */
export const patternMatches = (text: string, label: Label): string[] =>
  ruleFlags(new Analysis(text), text)
    .filter((f) => f.label === label)
    .map((f) => text.slice(f.start, f.end));

/** `expectLabel` on the patterns alone. */
export const expectPatterns =
  (label: Label, flagged = true) =>
  (_shape: string, text: string): void => {
    if (flagged) expect(patternMatches(text, label)).not.toEqual([]);
    else expect(patternMatches(text, label)).toEqual([]);
  };
