import { describe, expect, it } from 'vitest';
import { classify } from '../src/index.ts';

// Crisis shapes added for recall: the broader risk lexicon beside a first person, and the crisis model as
// an extra signal. Written for the tests, not taken from the corpus or the shared check set.
const labelsOf = (text: string) => classify(text).labels;

describe('broader crisis lexicon beside a first person', () => {
  it.each([
    ['sleep that does not end', 'some nights i hope i just never wake up'],
    ['overdose means', 'I looked up how many of my tablets it takes before bed.'],
    ['a goodbye that is not called one', "In case I don't check in again, thank you all."],
    ['violence to her face', 'He held a cushion, then his hand over my mouth until I stopped crying.'],
    ['violence next to her', 'He kicked the door right next to my head.'],
    ['coercive tracking', 'He checks my location all evening and calls if I stop anywhere.'],
    ['being locked in', 'He locked me in the spare room again last night.'],
    ['losing the children as a threat', 'He swore I would never see the kids again if I tell anyone.'],
  ])('%s: %s', (_shape, text) => {
    expect(labelsOf(text)).toContain('crisis');
  });
});

describe('narrow exceptions: general talk, fiction, recovered past, idiom', () => {
  it.each([
    ['general concern about others', 'Is self-harm among teenagers more common after a divorce? Signs to watch for?'],
    ['fiction', 'That episode where the husband pulls a knife was hard to watch.'],
    ['recovered past, said in the present', "My scars are old now and I don't hurt myself anymore."],
    ['idiom', 'This heatwave is going to finish me off, honestly.'],
    ['a dated past', "I wanted to die when I found out. That was back in 2019, and I'm doing well."],
    ['medication side effects', 'The tablets my GP started me on make me drowsy all morning.'],
  ])('%s: %s', (_shape, text) => {
    expect(labelsOf(text)).not.toContain('crisis');
  });
});
