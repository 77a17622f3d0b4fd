import { compileRules, type RuleSpec } from './rule.ts';

const REASON = 'This dismisses her perception or reactions as irrational.';

// Words that judge a reaction wherever they are aimed; the sentence context (her own narration, reported
// speech, negation) decides whether they are aimed at her.
const JUDGING =
  "(?:paranoi[ad]\\w*|hysteric\\w*|over-?react\\w*|over react\\w*|unhinged|psycho(?:tic|path)?\\b|drama queen|irrational|out of proportion|jump(?:ing)? to conclusions|imagin(?:ing|ed|e) (?:it|things|this|that|the|he|she|stuff)|imagining|making (?:stuff|things|it|this|that) up|reading (?:way |far |too much |a lot |meaning |things )*into|overthink\\w*|over-?think\\w*|lost the plot|losing the plot|hormones|hormonal|insecur\\w*|trust issues talking|jealousy (?:and \\w+ )?talking|(?:too|over|overly|so) ?sensitive|oversensitive|worked up|see(?:ing)? ghosts|remembering it wrong|(?:invented|built|building|made up) (?:a|some|this|the)(?: \\w+){0,2}? (?:affair|fantasy|story|theory)|fantasy where|take everything to heart|feelings lie|blow(?:ing|n)? (?:it|this|things) out of proportion|textbook paranoia|in (?:your|ur) head|calm down|chill out|get a grip|catastrophi[sz]\\w*|neurotic|brain is tricking you|snowflake|(?:is|it's|that's) a bit much|seeing things|chill pill|imagination'?s? (?:is )?running|baseless|embarrassing yourself|(?:mass )?hysteria|mountains? out of (?:a )?molehills?|toughen up|crazy (?:ex|town|lady|wife|girlfriend)|w(?:ou|i)nd(?:ing)? yourself up|unreasonable|wound up)";
// Words that only judge when aimed at a person ("it's crazy how…" is not about her).
const STATE =
  '(?:crazy|insane|mad|silly|dramatic|nuts|mental|ridiculous|jealous|neurotic|obsessive|possessive|a bit much|extra|delusional|deluded|histrionic|emotional|petty)';
const AIMED =
  "(?:YOURE|YOU sound|YOU seem|YOU look|YOU come across as|you're being|YOU are being|YOU were being|stop being|don't be|YOU get|YOU've (?:become|gone|been)|YOU (?:always|just) (?:get|sound)|are YOU|YOU're acting|YOU act|(?:a )?bit|a little|proper|sounds|sounding|this (?:thread|post) is|getting|gone)";

// Judgements phrased with a negation of their own ("over nothing", "things that aren't there"): only a
// negation before them clears them.
const NEGATIVE_FORMS =
  "isn't evidence|(?:see|seeing|sees|notice|noticing) (?:things|patterns|signs|clues) that (?:aren't|are not|weren't) there|can't trust your (?:own )?(?:judgment|judgement|gut|instincts)|over nothing|(?:you're|you are|youre|ur|u r) (?:clearly |just |obviously )?not (?:well|rational|thinking straight|in your right mind)|(?:not|isn't|is not) (?:healthy or )?rational|nobody sane|no sane (?:person|woman|wife)";

const SPECS: RuleSpec[] = [
  {
    pattern: NEGATIVE_FORMS,
    reason: REASON,
    negatable: 'before',
  },
  {
    pattern: `${AIMED} (?:(?:too |a |so |really |just |completely |totally |kind of |kinda |a bit |a little |bit |quite |very |pretty |honestly |such |way |being |getting |acting |literally |absolutely |super |clearly |well |proper |actually )+)?(?:${STATE}|${JUDGING})`,
    reason: REASON,
  },
  {
    pattern: JUDGING,
    reason: REASON,
    unless:
      /\b(?:(?:feel|felt|feeling|going|went|drive (?:me|you)|drove (?:me|you)|made (?:me|you) feel|makes you feel)(?: \w+){0,2} (?:crazy|paranoid|insane|insecure))\b/i,
  },
  {
    pattern: "(?:don't|do not|dont) (?:read|look) (?:too much |so much |anything )?into|relax\\.",
    reason: REASON,
    negatable: false,
  },
  {
    pattern:
      "(?:it's|its|it is|all) (?:all )?in (?:your|ur) (?:head|mind|imagination)|(?:you're|you are|ur) (?:just )?imagining|(?:tin ?foil|conspiracy) (?:hat|theor\\w*)|not every (?:\\w+ ){0,6}?(?:is|means) (?:an? |the )?\\w+|there's (?:probably )?(?:an innocent|a simple|a reasonable|a boring) explanation|(?:you|u) need to (?:relax|calm down|chill)|how (?:crazy|insane|mad|paranoid) (?:this|that|you) sounds?|sounds like nothing|(?:that's|this is) not normal|what (?:you think you|you) saw and what|what exactly are you basing|that's your (?:\\w+ ){0,2}talking",
    reason: REASON,
    negatable: 'before',
  },
  // Her mind, memory or perception as the unreliable part, and evidence she is said to invent.
  {
    pattern:
      "YOUR (?:mind|imagination|brain|memory|perception|head|anxiety|fear) (?:is |'s |has been )?(?:\\w+ )?(?:filling in|running (?:wild|away)|run wild|playing tricks|making (?:things|stuff|it) up|skewed|inventing|coloured|colored|distorted|unreliable|choosing)|letting YOUR imagination|(?:YOURE|YOU) (?:just |now |only )?(?:inventing|making up|creating|manufacturing) (?:problems|things|drama|issues|an affair|affairs|reasons)|seeing (?:an affair|affairs|cheating|betrayal|signs|clues) (?:in every|everywhere)|(?:YOU've|YOU have) watched too many|remembering it (?:worse|differently|wrong)|not (?:a )?(?:normal|proportionate|reasonable|rational) (?:response|reaction)",
    reason: REASON,
    negatable: 'before',
  },
];

export const invalidatingRules = compileRules('invalidating', SPECS);
