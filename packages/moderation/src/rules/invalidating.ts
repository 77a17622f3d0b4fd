import { compileRules, type RuleSpec } from './rule.ts';

const REASON = 'This dismisses her perception or reactions as irrational.';

const STATE =
  '(?:paranoid|crazy|hysterical|insane|nuts|mental|unhinged|delusional|irrational|dramatic|melodramatic|overdramatic|over-dramatic|hormonal|neurotic|obsessive|obsessed|jealous|insecure|possessive|controlling|unstable|ridiculous|(?:too|overly|over|so) (?:sensitive|emotional|much|intense|suspicious)|oversensitive|over-sensitive|a drama queen|a psycho|psycho|batshit|bonkers|extra|petty|a bit much|making (?:it|this|things) up|imagining (?:it|things|this)|seeing things|reading (?:too much )?into (?:it|this|things)|overthinking|catastrophi[sz]ing|spiralling|spiraling|projecting|losing it|losing (?:the|your) plot|blowing (?:this|it|things) out of proportion)';

const SPECS: RuleSpec[] = [
  {
    pattern: `(?:YOURE|YOU sound|YOU seem|YOU look|YOU come across as|you're being|YOU are being|you're just being|YOU were being|stop being|don't be|YOU get|YOU always get|YOU're acting|YOU are acting|YOU act|acting|sounding|being) (?:(?:a |so |really |just |completely |totally |kind of |kinda |a bit |a little |bit |quite |very |pretty |honestly |such |way |being |getting |acting |a little bit |literally |absolutely |super |clearly |being a bit )+)?${STATE}`,
    reason: REASON,
  },
  { pattern: 'over-?react(?:ing|ed|ion|s)?|over react(?:ing)?', reason: REASON },
  {
    pattern:
      "(?:it's|its|it is|all) (?:all )?in (?:your|ur) (?:head|mind|imagination)|(?:you're|you are|ur) imagining|(?:calm|chill) (?:down|out)|get a grip|take a (?:chill pill|breath and relax)|(?:tin ?foil|conspiracy) (?:hat|theor\\w*)|not every (?:\\w+ ){0,6}?(?:is|means) (?:an affair|cheating|he's cheating)|there's (?:probably )?(?:an innocent|a simple|a reasonable) explanation|you'?re (?:reading|seeing) (?:too much|things)|(?:you|u) need to (?:relax|calm down|chill)|(?:paranoid|jealous|crazy|insecure|hysterical|overreact\\w*)(?: \\w+){0,2}? much\\?",
    reason: REASON,
    negatable: 'before',
  },
];

export const invalidatingRules = compileRules('invalidating', SPECS);
