import { isMetaDiscussion, isReported, isSelfNarration } from './context.ts';

// Support that answers the harm ("it's not your fault", "that was his choice") uses the harm's own words;
// the model reads such a sentence apart from the writer's own words (views.ts), as negation and rejection
// clear the patterns.
const SUPPORT =
  /\b(?:not (?:on )?your fault|isn't (?:on )?you|(?:is|was|were) on him|(?:his|her) (?:choice|choices|decision|decisions|failure|responsibility)\b(?! to)|nothing to do with you|you did nothing|you (?:didn't|did not|weren't|were not|never) (?:cause|deserve|push|drive|make|nag|neglect|fail)|says (?:everything|more) about him|you were (?:allowed|enough|right)|no (?:amount|version) of)\b/i;

export type AsideKind = 'support' | 'narration' | 'meta' | 'report';

/** Why a sentence is not the writer's own words to or about others: support that answers the harm, her own
 * narration, concept talk or a report; undefined when it is her own words. */
export function asideKind(sentence: string): AsideKind | undefined {
  if (SUPPORT.test(sentence)) return 'support';
  if (isSelfNarration(sentence)) return 'narration';
  if (isMetaDiscussion(sentence)) return 'meta';
  if (isReported(sentence, sentence.length, sentence.length)) return 'report';
  return undefined;
}
