import type { Label } from '@bedrock/shared';
import { expect } from 'vitest';
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
