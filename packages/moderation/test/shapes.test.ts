import { describe, expect, it } from 'vitest';
import { expectLabel, expectPatterns, labelsOf } from './expect-label.ts';

// Blame and minimizing caught by their shape rather than a set phrase. Written for the tests, not taken
// from the corpus or the shared check set.

describe('blame-shifting shapes', () => {
  it.each([
    ['a question about what she did for him', 'He told you he felt invisible. What did you do about that?'],
    ['an unmet need that "they find" elsewhere', 'Men need admiration or they look for it somewhere else.'],
    ['her behaviour as what "got to him"', 'Honestly, all the criticism probably got to him in the end.'],
  ])('%s: %s', expectLabel('blame_shifting'));
});

describe('minimizing shapes', () => {
  it.each([
    ['an X, not a Y', 'It was a chat room, not a girlfriend.'],
    ['fuss over a small thing', 'So much fuss over a couple of emails.'],
    ['healing as a choice', 'Forgiveness is a choice, so make it.'],
    ['a deadline on being upset', "You've had your time to grieve, love."],
  ])('%s: %s', expectLabel('minimizing'));
});

describe('the same shapes in her own narration or support are not flagged', () => {
  it.each([
    "I keep asking myself what I did about his loneliness, and I know it isn't mine to carry.",
    'My sister said it was a chat room, not a girlfriend, and I hung up on her.',
    "Don't let anyone tell you healing is a choice you failed to make.",
  ])('%s', (text) => {
    expect(labelsOf(text)).not.toContain('blame_shifting');
    expect(labelsOf(text)).not.toContain('minimizing');
  });
});

describe('the pressure as a negative imperative', () => {
  it.each([
    ['chat', 'dont dwell on it hun, past is past'],
    ['forum', "Don't keep bringing it up at every dinner, it's been a year."],
  ])('minimizing, %s: %s', expectLabel('minimizing'));

  it.each([
    ['her own narration', "I don't dwell on it much anymore, therapy helped."],
    ['support against the pressure', "Don't let anyone tell you to stop dwelling on it."],
  ])('not flagged, %s: %s', expectLabel('minimizing', false));
});

describe('her failing named as the reason he strayed, by the patterns alone', () => {
  it.each([
    ['is the reason', 'Your coldness is the reason he went looking.'],
    ['a big part of why', 'ur temper was a big part of why he hid everything'],
    ['probably the real reason', 'Your criticism was probably the real reason she strayed.'],
  ])('flagged, %s: %s', expectPatterns('blame_shifting'));
  it.each([
    ['nothing about him', 'Your post is the reason I finally joined.'],
    ['reported speech', 'He said my coldness is the reason he went looking.'],
    ['negated', 'Your anxiety is not the reason he cheated.'],
  ])('not flagged, %s: %s', expectPatterns('blame_shifting', false));
});
