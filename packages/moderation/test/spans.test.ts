import type { Label } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/index.ts';

function spans(text: string, label: Label): string[] {
  return classify(text)
    .flags.filter((f) => f.label === label)
    .map((f) => text.slice(f.start, f.end));
}

describe('flags point at the words that triggered them', () => {
  it('marks the label word, not the whole post', () => {
    const text = 'Thanks for sharing.\nHonestly this sounds like textbook codependency to me.';
    expect(spans(text, 'codependency_label')).toEqual(['codependency']);
  });

  it('keeps offsets right after emoji, quotes and HTML', () => {
    const text = '🙄🙄 > not this\n<i>hi</i> "quoted words here" you are being hysterical';
    expect(spans(text, 'invalidating')).toEqual(['you are being hysterical']);
  });

  it('points each label at its own words in a post with several', () => {
    const text = "It's just porn. And you are being paranoid. Ring me on 07700 900321.";
    expect(spans(text, 'minimizing')).toEqual(["It's just porn"]);
    expect(spans(text, 'invalidating')).toEqual(['you are being paranoid']);
    expect(spans(text, 'identifying_info')).toEqual(['07700 900321']);
  });

  it('gives every flag a one-sentence reason', () => {
    for (const flag of classify('You drove him to it. You are codependent. Let it go.').flags) {
      expect(flag.reason).toMatch(/^[A-Z][^.]*\.$/);
    }
  });
});
