import { isMetaDiscussion, isReported, isSelfNarration } from './context.ts';

/** A sentence that is the writer's own words to or about others: not narration, a report or concept talk. */
export function isEligible(sentence: string): boolean {
  return (
    !isSelfNarration(sentence) && !isMetaDiscussion(sentence) && !isReported(sentence, sentence.length, sentence.length)
  );
}
