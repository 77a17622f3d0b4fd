import { isMetaDiscussion, isReported, isSelfNarration } from './context.ts';

// Support that answers the harm ("it's not your fault", "that was his choice") uses the harm's own words;
// such a sentence is not read by the model, as negation and rejection clear the patterns.
const SUPPORT =
  /\b(?:not (?:on )?your fault|isn't (?:on )?you|(?:is|was|were) on him|(?:his|her) (?:choice|choices|decision|decisions|failure|responsibility)\b(?! to)|nothing to do with you|you did nothing|you (?:didn't|did not|weren't|were not|never) (?:cause|deserve|push|drive|make|nag|neglect|fail)|says (?:everything|more) about him|you were (?:allowed|enough|right)|no (?:amount|version) of)\b/i;

/** A sentence that is the writer's own words to or about others: not narration, a report or concept talk. */
export function isEligible(sentence: string): boolean {
  if (SUPPORT.test(sentence)) return false;
  return (
    !isSelfNarration(sentence) && !isMetaDiscussion(sentence) && !isReported(sentence, sentence.length, sentence.length)
  );
}
