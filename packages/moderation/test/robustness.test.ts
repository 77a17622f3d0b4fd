import { classificationSchema } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/index.ts';

const inputs: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \n\t \n'],
  ['emoji', '💔💔 you are being paranoid 🙄 👩‍👧‍👦'],
  ['mixed scripts', 'Он сказал, что это моя вина. 他说是我的错. هو قال You drove him to it.'],
  ['html', '<p>You drove <b>him</b> to it</p><script>alert(1)</script><blockquote>it takes two</blockquote>'],
  ['markdown', '# Title\n\n**you are codependent**\n\n- item\n> quoted line\n```\ncode\n```'],
  ['lone surrogates', '\ud800 abc \udc00 you need to move on'],
  ['100 KB', 'I am so tired of all of this. '.repeat(3500)],
  ['100 KB of matches', 'You are paranoid. Call 07700 900123. '.repeat(2800)],
  ['no spaces', 'x'.repeat(100_000)],
  ['punctuation', '?!.,;:'.repeat(20_000)],
];

describe('classify copes with any input', () => {
  it.each(inputs)('%s', (_name, text) => {
    const result = classify(text);
    expect(classificationSchema.parse(result)).toEqual(result);
    for (const flag of result.flags) {
      expect(flag.start).toBeLessThan(flag.end);
      expect(flag.end).toBeLessThanOrEqual(text.length);
      expect(result.labels).toContain(flag.label);
    }
    expect(classify(text)).toEqual(result);
  });

  it('caps the number of flags per label in a flood of matches', () => {
    const result = classify('You are paranoid. '.repeat(1000));
    expect(result.flags.length).toBeLessThanOrEqual(5);
  });

  it('treats a non-string as empty rather than throwing', () => {
    expect(classify(undefined as unknown as string)).toEqual({ labels: [], flags: [] });
  });
});
