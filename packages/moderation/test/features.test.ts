import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from '../src/model/features.ts';

describe('model features: word classes', () => {
  it('a word of a class sets the class, and with a second person the pair', () => {
    const features = sentenceFeatures('Have you thought about whether your figure changed?');
    expect(features).toContain('#c:body');
    expect(features).toContain('#you+c:body');
  });

  it('inflections and chat spellings reach the same class', () => {
    expect(sentenceFeatures('u were always so distant')).toContain('#you+c:mood');
    expect(sentenceFeatures('stop nagging him')).toContain('#c:mood');
    expect(sentenceFeatures('he strayed')).toContain('#c:stray');
  });

  it('a two-word entry is matched as a bigram', () => {
    expect(sentenceFeatures('You need to move on.')).toContain('#you+c:forgive');
    expect(sentenceFeatures('I moved to the coast.')).not.toContain('#c:forgive');
  });

  it('without a second person there is no pair', () => {
    const features = sentenceFeatures('I felt paranoid for months.');
    expect(features).toContain('#c:irrational');
    expect([...features].some((f) => f.startsWith('#you+c:'))).toBe(false);
  });
});
