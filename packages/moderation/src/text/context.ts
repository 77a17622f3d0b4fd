// Linguistic context of a match inside its sentence: who is speaking (reported speech), whether the
// words are negated, whether the sentence is the writer's own narration or a discussion of a concept.
// Each test looks only at the sentence, so a post is judged sentence by sentence.

const PERSON =
  "(?:he|she|they|someone|somebody|people|ppl|some|hubby|dh|everyone|everybody|folks|others|friends|family|relatives|(?:[a-z]+\\s+)?(?:group leader|leader|therapist|counsell?or|pastor|sponsor|doctor|gp)|(?:my|his|her|our|their|your|the|a|an|one|some|this|that)\\s+(?:[a-z'-]+\\s+){0,2}?(?:husband|wife|partner|spouse|ex|therapist|counsell?or|counselors?|mum|mom|mother|dad|father|sister|brother|friends?|mil|fil|in-laws|inlaws|pastor|priest|vicar|doctor|gp|sponsor|coach|boss|family|son|daughter|bf|gf|boyfriend|girlfriend|csat|psychiatrist|psychologist|group|colleague|coworker|co-worker|neighbou?r|mentor|aunt|uncle|cousin|nan|grandma|granny|bestie|book|article|podcast|site|video|leader|member|poster|commenter|men|women|guy|lady|man|woman|person|mate|people|relatives?|parents?|church|everyone))";
const REPORT_VERB =
  '(?:said|says|saying|say|told|tells|telling|tell|called|calls|calling|claims?|claimed|insists?|insisted|implied|implies|suggested|suggests|asked|asks|wrote|writes|accused|accuses|blames?|blamed|yelled|screamed|shouted|texted|messaged|labell?ed|diagnosed|lectured|reckons?|thinks|thought|believes|hinted|keeps? saying|kept saying|keeps? telling|kept telling|made out|decided|announced|explained|informed)';
const REPORT_BEFORE = new RegExp(
  `(?:\\b${PERSON}\\s+(?:[a-z']+\\s+){0,3}?${REPORT_VERB}\\b|\\b(?:i was|i've been|i get|i got|i keep (?:being|getting)|we were|i'm being|i am being|been|got|get|were|was) (?:told|called|labell?ed|diagnosed|accused)\\b|\\b(?:i keep hearing|i heard(?! (?:you|u|your|ur)\\b)|i've heard(?! (?:you|u|your|ur)\\b)|i read(?! (?:(?:all |through |every one of )?(?:your|ur)|you|u)\\b)|i've read(?! (?:(?:all |through |every one of )?(?:your|ur)|you|u)\\b)|according to|apparently|his excuse|her excuse|his words|her words|his exact words|his answer|his reasoning|his logic|his version)\\b|\\btold (?:me|us)\\b|\\b(?:called|calls|labell?ed) me\\b)`,
  'i',
);
// Only a closing tag ("…, he says.") reports what came before; ", he told you it was…" is new speech.
const REPORT_AFTER = new RegExp(
  `^[^.?!]*?,\\s*(?:${PERSON})\\s+(?:${REPORT_VERB}|told me)(?: to me| me)?\\s*[.!?…]*\\s*$`,
  'i',
);

// Cheap first pass: without one of these words no reporting frame can match.
const REPORT_HINT = new RegExp(
  `\\b(?:${REPORT_VERB}|told|called|labell?ed|diagnosed|accused|hearing|heard|read|according|apparently|excuse|words|answer|reasoning|logic|version)\\b`,
  'i',
);

// The writer takes up what she reports ("my pastor said it best: …", "and he's right"), or turns from the
// report to the reader ("he told you what he did, now you need to…"): the words are hers.
const ENDORSED =
  /\b(?:said it best|put it best|said it well|put it well|nailed it|(?:is|was|are|were) (?:so |absolutely |totally )?(?:right|correct|spot on)|(?:he's|she's|they're) (?:so |absolutely |totally )?(?:right|correct|spot on)|has a point|had a point)\b/i;
const TURN_TO_READER = /[,;:]\s+(?:now|so now|and now|but now)\s+/i;

/** True when the words at `at` are someone else's, reported by the writer ("he told me …"). */
export function isReported(sentence: string, at: number, endAt: number): boolean {
  if (!REPORT_HINT.test(sentence)) return false;
  const before = sentence.slice(0, at);
  if (ENDORSED.test(before)) return false;
  // Only what follows the last turn to the reader can still be the report.
  const afterTurn = before.split(TURN_TO_READER).at(-1) ?? before;
  return REPORT_BEFORE.test(afterTurn) || REPORT_AFTER.test(sentence.slice(endAt));
}

// "That's not trauma, that's codependency": a new "that's" starts a new predication (not after "not that").
const CLAUSE_BREAK =
  /[,;:()—–]|\s-\s|\b(?:but|though|although|because|so|and then|yet|until|unless)\b|(?<!\b(?:not|that|like|if|because|cause) )\b(?:that's|thats)\b/gi;
const NEGATION =
  /\b(?:not|never|no|nothing|nobody|none|neither|nor|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|can't|cannot|shouldn't|wouldn't|hardly|stop (?:saying|telling|calling|letting)|quit|instead of|rather than|without|avoid(?:ing)?|isnt|arent|wasnt|werent|dont|doesnt|didnt|wont|cant|shouldnt|wouldnt)\b|n't\b/i;
const RHETORICAL =
  /\b(?:isn't|aren't|wasn't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't) (?:this|that|it|you|u|he|she)\b|\b(?:are|r) (?:you|u) sure (?:(?:you're|you are|youre|ur|u r|it's|it is|this is|he's) not|(?:you|u) (?:aren't|arent)|(?:it|this|that) (?:isn't|isnt))\b/gi;
// "…is a bit dramatic, isn't it?" is a tag question, which asserts.
const NEGATED_AFTER =
  /^\s*(?:(?:is|are|was|were)(?:n't| not| never)\b|(?:isn't|aren't)\b)(?!\s+(?:it|you|u|he|she|they|that|this|there|we|i)\s*[?!.]*\s*$)/i;

/** True when a negation in the same clause comes before the match (or inside it, unless `onlyBefore`),
 * or "is not" follows it. */
export function isNegated(sentence: string, at: number, endAt: number, onlyBefore = false): boolean {
  // Blanked in the whole sentence, since some read past the match ("don't make a | big deal").
  const plain = sentence.replace(NOT_A_DENIAL, (m) => ' '.repeat(m.length));
  let before = plain.slice(0, onlyBefore ? at : endAt);
  // "Isn't this a bit much?" asserts, it does not deny.
  if (sentence.trimEnd().endsWith('?')) before = before.replace(RHETORICAL, ' ');
  let clauseStart = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m !== null; m = CLAUSE_BREAK.exec(before)) {
    clauseStart = m.index + m[0].length;
  }
  const clause = before.slice(clauseStart);
  // A pattern that carries its own negation ('before') reads the "wasn't" after it as its own words:
  // "at least it wasn't physical".
  // Not after a match that ends on its subject: "he looked at porn because you | weren't interested".
  if (!onlyBefore && NEGATED_AFTER.test(sentence.slice(endAt)) && !ENDS_ON_SUBJECT.test(sentence.slice(at, endAt))) {
    return true;
  }
  // "It's not your fault exactly": denied only in part, so still said.
  if (PARTLY.test(sentence.slice(endAt))) return false;
  // Conceded to be answered ("even if he was lonely, lonely people have words") or permitted ("you're
  // allowed to make a big deal of it"): the words are not asserted against her.
  if (CONCEDED.test(sentence.slice(0, at))) return true;
  if (!NEGATION.test(clause)) return false;
  // "Therapy won't fix your codependency" denies the fix, not the label: when the last negation before the
  // match governs a verb acting on her condition ("fix your…", "help his…"), the label still applies.
  const gapStart = clauseStart + lastNegationEnd(clause);
  return gapStart > at || !PRESUPPOSED.test(sentence.slice(gapStart, at));
}

/** Negations that deny nothing of what follows: a disclaimer that goes on to say it ("I'm not saying it's
 * all on you, but…"), a negative imperative that takes the trait for granted ("don't be hysterical", "let's
 * not make a mountain out of a molehill", "stop being paranoid"), and a verb that asserts what comes after it
 * ("you can't stop checking", "won't admit they're codependent"), "not entirely", "not just"; "by not telling the
 * elders you're enabling him", "it's not your place to keep punishing him", "if you don't look at what you brought",
 * and the failing that is the blame ("you weren't meeting his needs"). */
const NOT_A_DENIAL =
  /\b(?:(?:i'm|i am|im) not (?:saying|suggesting|blaming (?:you|u)|trying to (?:say|blame|be mean))|(?:don't|dont|do not) (?:be|get) (?:so |such an? |this |too |all )?|let'?s not|stop being|quit being|(?:can't|cant|cannot|can not|couldn't|couldnt|won't|wont|will not|refuses? to|doesn't want to|don't want to) (?:stop|admit)|not (?:entirely|completely|totally|solely|wholly|just|only|all|100%)|(?:don't|dont|do not) make (?:a|such a|so much of a) (?=(?:big |huge )?(?:deal|mountain|fuss|drama|scene|song and dance)\b)|by not|not (?:your|ur) (?:place|job|right|call) to|(?:you|u) (?:have|got|had) no right to|if (?:you|u) (?:don't|dont|do not|won't|wont|didn't|didnt)|(?:you|u|ya|she|who) (?:weren't|werent|wasn't|wasnt|won't|wont|didn't|didnt|don't|dont|aren't|arent|isn't|isnt|couldn't|can't|were not|was not|did not|do not|will not|would not|wouldn't) (?:\w+ )?(?=(?:meet|meeting|fulfil\w*|satisfy\w*) (?:his|her|their) needs))\b/gi;
const ENDS_ON_SUBJECT = /\b(?:you|u|ya|he|she|they|we)\s*$/i;
const PARTLY = /^\s*(?:exactly|entirely|completely|totally|solely|wholly|100%)\b/i;
const CONCEDED =
  /\b(?:even if|even though|even when|even had|whether or not|(?:you're|you are|ur|youre) (?:allowed|entitled) to|(?:it's|it is|its) (?:ok|okay|fine|normal|alright|allowed) to|(?:you|u) have every right to)\b/i;
const NEGATION_ALL = new RegExp(NEGATION.source, 'gi');
// A verb that acts on a condition it takes for granted, then her (or their) condition: what sits between a
// negation and the match in "won't fix your codependency", "can't really help her enabling".
const PRESUPPOSED =
  /\b(?:fix|cure|heal|solve|treat|overcome|beat|feed|help|change|manage|address|tackle|excuse|work (?:on|through)|deal with|get (?:over|past|rid of)|let go of)(?:es|s|ed|ing)?\s+(?:your|her|their|our|his|that|this|the)\s+$/i;

function lastNegationEnd(clause: string): number {
  let end = 0;
  NEGATION_ALL.lastIndex = 0;
  for (let m = NEGATION_ALL.exec(clause); m !== null; m = NEGATION_ALL.exec(clause)) end = m.index + m[0].length;
  return end;
}

// The writer's own opinion frames ("I think", "I'd say") are not self-narration: what follows is addressed to others.
const OPINION_FRAME =
  /\b(?:i (?:really |honestly |just |do |genuinely )?(?:think|feel like|believe|reckon|guess|suspect|suppose|mean|say|said|know|bet|hate to say|have to say|gotta say|get that|hear you|see)|i'd (?:say|gently suggest|suggest|argue|bet)|(?:i'm|im|i am) (?:just |only |not )?(?:saying|asking|sorry|guessing|going to ask|gonna say|not trying to)|i say this|in my (?:opinion|experience|professional opinion|view|day|book)|if i'm honest|i'll be honest|to me|i'm sorry|i used to be|i wouldn't (?:call|say|worry|make)|i'd (?:just|honestly|let|leave|drop|forgive|move|give|take|focus|put)|i'll be (?:blunt|frank|straight|real)|i'll (?:just )?say|i'm not (?:a|an) \w+)\b/gi;
const FIRST_PERSON = /\b(?:i|i'm|im|i've|ive|i'd|id|i'll|me|my|myself|mine)\b/i;
const SECOND_PERSON = /\b(?:you|your|yours|yourself|yourselves|u|ur|ya|y'all|you're|youre|you've|you'd|you'll)\b/i;
const GROUP_ADDRESS = /\b(?:partners|wives|women|spouses|everyone here|anyone who|people who|those who)\b/i;

// Her experience as the measure of a general claim ("every man I ever knew who strayed…"): about men, not her.
const KNOWN_TO_ME =
  /\b(?:every|any|each|no|most|all the|the only) (?:[a-z']+ ){1,2}(?:that |who )?i(?:'ve| have)? (?:ever )?(?:knew|known|know|met|seen|saw|dated|worked with)\b/gi;

/** The writer talks about herself (narration, self-doubt, her own question), not to or about others. */
export function isSelfNarration(sentence: string): boolean {
  const withoutFrames = sentence.replace(OPINION_FRAME, ' ').replace(KNOWN_TO_ME, ' ');
  return FIRST_PERSON.test(withoutFrames) && !SECOND_PERSON.test(sentence) && !GROUP_ADDRESS.test(sentence);
}

export function addressesReader(sentence: string): boolean {
  return SECOND_PERSON.test(sentence);
}

const META =
  /\b(?:the\s+(?:term|word|label|concept|idea|model|framework|literature|theory|approach|phrase|language|narrative|notion)s?|(?:her|his|their) view|gets quoted|(?:a|the) (?:co-?addict(?:ion)?|codependen(?:cy|ce)|trauma|partner-trauma|addiction) (?:model|framework|lens|idea|approach|literature|label)|is a term|a buzzword|been (?:criticised|criticized|debunked|challenged)|pathologi[sz]\w*|studies|research(?:ers)? (?:shows?|says?|suggests?|found)|myth|tactics?|red flag of|old-school|outdated|so-called|as a concept|harmful (?:label|idea|framing)|the (?:coda|cosa|s-anon|12-step) (?:literature|model|approach|idea)|is built on|(?:enabling|codependency|blame-?shifting|gaslighting|minimi[sz]ing|invalidation) means|by definition|is when|^\s*(?:[\w-]+\s+){1,3}means\b|as a word|(?:that|this|the) language|the name of|leaflet|a real thing|would be|examples? of|invalidation|blame-?shifting|minimi[sz]ation|gaslighting is|difference between|talk about|mention|chapters? (?:on|about|in|of|called)|(?<!\bin )(?:the|a|this|that|his|her|my|your) (?:\w+ )?book(?:s)?\b(?! (?:a|the|an|yourself|him|in|it)\b)|workbook|history of)\b/i;

/** The sentence discusses a concept ("the co-addiction model has been criticised") rather than applying it. */
export function isMetaDiscussion(sentence: string): boolean {
  return META.test(sentence);
}
