import { compileRules, type RuleSpec } from './rule.ts';

const LABEL = 'This labels a betrayed partner as codependent or co-addicted instead of traumatized.';
const ENABLING = 'This calls her choices "enabling", making her responsible for his addiction.';
const ADDICTION = 'This frames her trauma responses as an addiction of her own.';

const TERM =
  '(?:co-?dependen(?:t|ts|cy|ce|tly)|co ?dependen(?:t|ts|cy|ce)|codies?|co-?addict(?:s|ion|ed|ive)?|co ?addict(?:s|ion)?|co-?sex[- ]?addict(?:s|ion)?|love[- ]addict(?:s|ion|ed)?|relationship[- ]addict(?:s|ion|ed)?|addicted to (?:him|her|them|the (?:relationship|drama|chaos|cycle|marriage|pain)|checking|control|being (?:needed|a victim)|answers|the rollercoaster)|trauma bond addiction)';
const TRAUMA_RESPONSES =
  '(?:checking|snooping|questions|questioning|interrogations?|detective work|obsession|obsessing|need for (?:answers|disclosure|control)|hypervigilance|monitoring|searching|scrolling)';

// A third person who can be the subject of enabling him: his family, friends, people around him.
const THIRD_PERSON =
  "(?:(?:his|her|their|my|our|your|the|a)\\s+(?:[\\w'-]+\\s+){0,2}?(?:mum|mom|mother|mummy|dad|father|parents?|family|brothers?|sisters?|siblings?|friends?|mates?|buddies|buddy|pals?|therapist|sponsor|boss|colleagues?|co-?workers?|mil|fil|in-?laws|grandma|grandmother|gran|nan|uncle|aunt|cousins?|church|pastor|wife|ex|girlfriend|gf|bestie|son|daughter|kids?)|(?:his|her|their) (?:mum|mom|dad) and (?:dad|mum|mom)|everyone around him|the people around him)";

// Someone else who enables him is not her label ("his mum has always been his biggest enabler", "his
// friends keep enabling him"); "you're his enabler" is. The enabler is the subject: a third person, with
// no "you" between it and the word. Only a subject counts, so at a clause start: in "keeping his secret from
// your family is enabling him" the family is not the one enabling.
const OTHERS_ENABLING = new RegExp(
  `(?:\\b(?:he's|he is|she's|she is|they're|they are) (?:\\w+ )?(?:enabling|enablers?)|(?:^\\s*|[,;:(]\\s*|\\b(?:and|but|so|because|cos|since|while|honestly|tbh|also|plus|yeah|well|i think|i feel like|and yes|yes)\\s+)${THIRD_PERSON}(?:'s)?\\s+(?:(?!you\\b|u\\b|ur\\b|your\\b|and\\b|or\\b)[\\w']+\\s+){0,6}?(?:enabl(?:ing|es|ed|e)|enablers?))\\b`,
  'i',
);

const SPECS: RuleSpec[] = [
  { pattern: TERM, reason: LABEL },
  {
    pattern:
      '(?:enabl(?:ing|es|ed)|enablers?)(?! (?:notifications?|settings?|cookies|javascript|2fa|two-factor|location|dark mode|the (?:app|setting|option|feature|filter)))',
    reason: ENABLING,
    aboutOthers: OTHERS_ENABLING,
  },
  {
    pattern: 'enable (?:him|her|them|his|her|it|this|the (?:addiction|behaviour|behavior|acting out))',
    reason: ENABLING,
    aboutOthers: OTHERS_ENABLING,
  },
  {
    pattern: `(?:YOUR|it's YOUR|that's YOUR|is YOUR) (?:own )?(?:disease|drug|fix|compulsion|addiction|acting out|sickness|relapse|slip|dopamine|high)`,
    reason: ADDICTION,
    unless: /\b(?:his|he's|he) (?:disease|addiction|drug)\b.*\b(?:not|n't) (?:your|ur)\b/i,
  },
  {
    pattern: `${TRAUMA_RESPONSES}(?: \\w+){0,4}? (?:is|are|was|has become|becomes|as) (?:an? |your |just |really |basically )?(?:own )?(?:addiction|compulsion|disease|acting out|relapse|slip|drug|fix|sickness)`,
    reason: ADDICTION,
  },
  {
    pattern:
      "(?:YOURE|we're|we are|partners are|wives are) (?:\\w+ )?(?:sick|ill|addicted|powerless) (?:too|as well|yourselves|yourself|themselves|ourselves)|sick (?:too|themselves)|(?:partners|wives|spouses) have (?:their|our) own (?:disease|addiction|sickness)|powerless over (?:his|her|their|our husbands)|work (?:your|ur) own (?:program|steps)|(?:your|our) own (?:disease|sickness|program)",
    reason: ADDICTION,
  },
  {
    pattern:
      '(?:treat|treating) the (?:checking|questions|snooping)(?: \\w+){0,6}? (?:as|like) an addiction|(?:YOURE|YOU) (?:\\w+ )?addicted to (?:checking|the drama|him|her|control|the relationship|answers)|getting (?:your|ur) fix|(?:reset|resetting) (?:your|ur) (?:\\w+ )?(?:counter|sobriety|days)',
    reason: ADDICTION,
  },
  {
    pattern:
      '(?:look into|looked into|go to|get to|get yourself to|try|join|needs?|belong in) (?:a |an )?(?:coda|cosa|s-anon|al-anon|alanon)\\b',
    reason: LABEL,
  },
];

SPECS.push({ pattern: '(?:as|just as) sick as (?:the|him|he|his|them)|family disease', reason: ADDICTION });

export const codependencyRules = compileRules('codependency_label', SPECS);
