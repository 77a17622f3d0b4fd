import { compileRules, type RuleSpec, rawRule } from './rule.ts';

// Crisis is routing, not punishment: these rules see every word (quotes and reported speech included,
// since "he said he'd hurt me" is the crisis) and only a few figurative idioms are let through.
export const CRISIS_REASONS = {
  self: 'This may signal thoughts of suicide or self-harm; please check in and show crisis resources.',
  plan: 'This may describe a plan, means or goodbye before suicide; please check in urgently.',
  danger: 'This may describe threats or violence from a partner; her safety may be at risk.',
  /** The broad lexicon mixes self-harm, means, goodbyes and violence, so its reason names the risk only. */
  risk: 'This may signal risk to her life or safety; please check in and show crisis resources.',
};
const SELF = CRISIS_REASONS.self;
const PLAN = CRISIS_REASONS.plan;
const DANGER = CRISIS_REASONS.danger;

/** Idioms and hyperbole. Laughter ("lol", "haha", 😂, "jk") makes a sentence a joke, except beside the words
 * of a real crisis that chat often wraps in a "lol" ("lol anyway I've stopped taking my meds and I'm
 * stockpiling them", "if I disappeared tonight would anyone notice lol", "lol imagine if I didn't wake up", "lol i bit
 * my arm until it bled", "I've started leaving my seatbelt off on purpose", "if i get hit by a bus tomorrow… not
 * even joking", "signing off for good"). */
export const FIGURATIVE =
  /\b(?:killing me|kill me now|dying (?:to|of|for)|die of (?:embarrassment|shame|laughter|boredom)|(?:i|i'd|i'll|i could|i could have|i could've|gonna|going to) (?:literally |cheerfully |happily |actually )?(?:kill(?:ed)?|murder(?:ed)?|strangled?) (?:him|her|them|my husband|my wife|he|someone|the \w+|my (?:solicitor|lawyer|boss|sister|brother|mum|mom|mother|dad|flatmate|roommate|neighbou?r|printer|laptop|phone|manager|colleague))(?! myself)|(?:felt|feel|feels|feeling) like (?:\w+ ){0,2}?(?:slapped|punched|kicked|stabbed|hit) me|(?:'d|would|will|could) (?:literally )?die without (?:you|me|her|him)|(?:pain|grief|heartbreak|shock|stress)(?: itself)? (?:would|will|is going to|might|could) kill me|dead (?:tired|on my feet|inside lol)|(?:rather|sooner) die than|(?:like|as) a weapon|weaponi[sz]\w*|tried to kill me with|dark thoughts about (?:him|her|them)|suicide mission|knife in the back|laughing (?:so hard|so much|my (?:head|ass|arse) off|till|until|at (?:myself|this|that|the|me|us|you))|end of my (?:rope|tether)|edge of (?:my|your|our|the) seat|ropes|cutting (?:out|back|down|ties|corners|it close)|cutting (?:carbs|caffeine|sugar|booze|alcohol|contact|things out|(?:him|her|them) out)|(?:shaving|disposable|electric|safety) razors?|shav(?:e|ed|es|ing) (?:my|her|his|your) (?:legs|armpits|pits|underarms|head|face|beard|bikini line)|razors? (?:\w+ ){0,3}?(?:recommendation|rash|burn)|letters? to (?:my|your|her|his) (?:future|younger|older|past|teenage) self|jump\w* (?:off|on|into) (?:the|a) (?:trampoline|bouncy castle|sofa|bed|bunk|swing|slide|climbing frame|rope swing)|jump(?:ed|ing|s)? out of (?:my|her|his|your) skin|can't go on (?:doing|with|a|the|like this,? (?:pretending|lying|living a lie|playing happy))|(?:this|that|it)\b[^.!?\n]{0,25}(?:going to|gonna|will) finish me off)\b|^(?![\s\S]*?\b(?:wake up|waking up|woke up|stockpil\w*|disappear\w*|rope|noose|knows where|pills|tablets|meds|overdos\w*|not be here|end it|no one would|nobody would|goodbye|bled|scratch\w* (?:at )?my|bit my|biting my|burn\w* myself|on purpose|not (?:even )?joking|hit by a (?:bus|car|train|truck|lorry)|over my (?:face|mouth|nose)|(?:round|around|on|squeezed|grabbed|gripped) my (?:throat|neck)|zopiclone|sleeping pills|for good|not be around|be gone|nobody will|no one will|can't have you)\b)[\s\S]*?(?:\b(?:lol|lmao|haha+|jk|just kidding|kidding|(?<!\bnot (?:even )?)joking)\b|😂|🤣|💀)/i;
/** A tracker on her (a device, an app), not one she checked ("checked the tracker on the parcel"). Read by the
 * partner-danger patterns here and the risk words of crisis-general.ts. */
export const TRACKER = '(?<!check(?:ed|ing)? (?:the |his |her )?)tracker';
/** Choking on his own excuses, lies, words: an idiom (read by IDIOM here and crisis-general's everyday words). */
export const CHOKE_ON_OWN = String.raw`chok\w* on (?:his|her|their|my|your) own`;
/** Jumps that are a sport or a game (read by the self-harm pattern here and crisis-general's everyday words). */
export const SPORT_JUMPS = '(?:bungee|sky|base|parachute|puddle|show|long|high|ski|trampoline)';
/** "He said I'd never see …" as a threat: not "never see a penny" (his money), unless the children follow
 * ("never see a dime or the kids"). Read by both threat-report patterns below. */
const NEVER_SEE = String.raw`never see(?! a (?:penny|dime|cent|pound|thing)\b(?![^.!?\n]{0,30}\b(?:kids|children|son|daughter|baby)))`;
/** What she can be locked out of that is no place to be kept in: an account or a device ("he locked me out of my
 * own email"). Read by IDIOM and by both partner-violence patterns (here and crisis-general.ts). */
export const OUT_OF_ACCOUNT = String.raw`out of (?:my |our |the |his )?(?:own )?(?:e-?mails?|accounts?|phones?|laptops?|computers?|icloud|bank(?:ing)?|apps?|facebook|instagram|wifi|router|netflix|spotify|amazon|google|gmail|passwords?)\b`;
/** After "cut myself" and the like: not cutting herself off, out or loose, nor cutting herself some slack. */
export const NOT_CUT_OFF = String.raw`(?! (?:off|out|free|loose|some slack|a (?:break|slice|piece))\b)`;
export const IDIOM = new RegExp(
  String.raw`\b(?:locked (?:me|us) ${OUT_OF_ACCOUNT}|knife in (?:the|my) back|twist(?:ed|ing)? the knife|${CHOKE_ON_OWN}|like a knife|dead to me|(?:this|that|it)\b[^.!?\n]{0,25}(?:going to|gonna|will) finish me off)\b`,
  'i',
);
/** A threat of something that is no violence ("he threatened to sue me", "to tell his mum"), in a sentence
 * that names no harm. */
export const NONVIOLENT_THREAT =
  /^(?![^.!?\n]*\b(?:kill|hurt|hit|beat|knife|gun|die|dead|strangl|chok|burn|stab|shoot|take the kids|take (?:my|our|the) (?:kids|children|son|daughter|baby)|never see|nudes|photos|pictures|videos)\w*)[^.!?\n]*?\bthreaten\w* (?:me |us )?(?:to (?:tell|sue|leave(?! (?:the|our|my) (?:kids|children|baby|son|daughter))|divorce|report|move out|stop paying|cancel|cut (?:me |us )?off|go to (?:his|my|the|a) (?:mum|mom|lawyer|solicitor|court)|ruin (?:me|us) (?:in court|financially)|fight (?:me |us )?(?:for|over|in court)|take (?:me|us) to (?:court|the cleaners)|go no contact|stop (?:me|us) (?:seeing|from seeing)|make (?:me|us) sleep on|take (?:the|my|our|his) (?:car|keys|car keys|house|money|savings|furniture|tv|laptop|playstation|xbox)(?! and\b))|with (?:a |an )?(?:lawsuit|divorce|legal action|solicitors?|lawyers?|court))/i;
// Looking back on a crisis that is over, or talking about crisis in general, is not a crisis now. A time in
// the past ("two years ago", "back then", "last summer") counts only in the sentence of the risk words, the
// one before it or the two after it ("I had the pills counted out. I called the line. That was 2019."), not
// anywhere near them: "found out she's been with him for over a year. … I can't see a future" is a crisis now.
const PAST_TIME =
  /\b(?:years? ago|when i was (?:\d+(?! (?:minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?|months?|miles?|pounds?|quid)\b)|little|small|a (?:kid|child|girl|boy|teen(?:ager)?)|young(?:er)?|in (?:school|college|uni|my (?:teens|twenties|20s)))|months ago|yrs? ago|when i first found out|(?<!\b(?:never|he|she|you|we|be|get|got|getting|am|i'm|is|are|was|like i) )used to(?! (?:it|this|that|them|him|her|love|enjoy|like|look forward|care about|adore)\b)|as a teen(?:ager)?|(?:she|he|they|daughter|son|friend|sister|brother|mum|mom|dad) used to|last (?:year|spring|summer|autumn|winter)|(?:for )?over a year|went through a (?:period|phase|time)|that was (?:in )?(?:19|20)\d\d|back then|back in '\d\d|years later|before we separated|(?:that|it|this) was (?:back )?in (?:19|20)\d\d|back in (?:19|20)\d\d)\b/i;
/** Told as over: recovery, years free, "I'm okay now", anywhere near the risk words; not when she doubts it
 * ("not sure I'm safe") or says it for others ("I tell everyone I'm fine now"). */
const RECOVERED =
  /(?<!\b(?:sure|whether|if|wish|pretend|pretending|say|said|saying|tell (?:everyone|people|them)) )\b(?:(?:years?|months) clean|clean from|came through (?:it|that|the worst|this)|came out the other side|(?<!\bnothing )on the other side|i'm (?:okay|ok|fine) now|past that|safety plan matters|free of (?:it|self-harm|cutting)|(?:years?|months?) free\b|grateful to be alive|glad i (?:survived|stayed|am still here|'m still here)|(?:much |a )?better place|(?:it|they|that|the (?:urge|thoughts?)) (?:has |have )?passed|instead\b[^.!?\n]{0,40}(?:proud|helped|passed)|long healed|old (?:self-harm )?scars|(?:stable|safe|(?<!\bfor )good|okay|ok|fine|sober) now|therapy changed|gone now|they're gone|(?:is|are|that's|it's|now|all|finally) behind me|i'm safe|i'm steady|(?:don't|do not|no longer) (?:hurt|cut|harm) myself (?:now|anymore|any more))\b/i;
/** Crisis as a topic: research, fiction, someone else's past, a clinician's question. */
const GENERAL_OR_OTHERS =
  /\b(?:risk of|for those who(?! (?:asked|wondered|messaged|checked in))|anyone who (?:has|had)|(?:my|a) friend(?:'s)? (?:\w+ ){0,3}?(?:tried|attempted|took (?:her|his) own|killed|died|lost|overdosed|self-harms?)|passed away|lost (?:a|an|my|her|his|our) \w+ to suicide|asked (?:me )?about (?:suicid\w*|self-harm|safety)|statistics|a study|more common among|asked if i'd ever|asked (?:me )?(?:if|whether) (?:i'd|he'd|he had|i had|he has|i have|he's) ever|asked (?:me )?(?:\w+ ){0,3}?(?:if|whether) (?:i|i'd|i've|i had|i have|i was|he|he'd|he's|he had|he has|he was|my (?:husband|wife|partner|ex|boyfriend|girlfriend))\b[\w' ]{0,40}?\bever\b|(?:daughter|son|friend|sister|brother|child|teen)\w* (?:was|were) (?:self-harming|cutting|suicidal)|short story|creative writing|(?:a|my) novel|fiction|perpetrator programme|among (?:teenagers|teens|young people|children|kids)|signs to (?:watch|look) for|guest speaker|tv (?:drama|episode|series|show)|(?:the|that|this) episode (?:where|when|in which)|(?<!\b(?:for|excuse|about|addicted to|addiction to) )(?:the|that|this) (?:drama|film|movie|series|documentary|show)|the scene with)\b/i;
const STILL_NOW =
  /\b(?:(?:i'm|im|i am) back to|the same (?:way )?as when|last night|yesterday|this (?:morning|afternoon|evening|week)|(?<!\bnever\b[^.!?\n]{0,30})again|relapsed?|(?<!\bago )tonight|right now|still (?:want|think|feel|have (?:the |those |these |my |his |a )?(?:\w+ )?(?:thoughts|urges?|pills|tablets|plan|rope|bottle|stash|razors?|blades?))|(?:don't|can't|cannot|dont|cant) see the point|i keep (?:driving|going|walking|sitting|standing|thinking about (?:the|ending|dying|not)|looking at (?:the |my |his )?(?:pills|tablets|bridge|rope|knife|razors?|blades?))|now i (?:keep|want|think|can't|just|feel)|new (?:neighbours|ones|marks|cuts|scars)|threw (?:it|that) (?:all )?away|broke my streak)\b/i;
// Talk about crisis as a topic (a helpline, a charity, research, a book, how to answer someone else),
// judged on the sentence of the match only.
const GENERAL_TALK =
  /\b(?:prevention|awareness|charity(?! shop)|lifeline|helpline|hotline|crisis line|988|samaritans|content warning|trigger warning|protocol|research(?:ers)? (?:says?|shows?|found)|studies|statistics|(?<!\b(?:next|new) )chapter|the book|documentary|article|podcast|thread on|the difference between|(?:the )?suicide risk|warning signs|signs of|how do (?:you|we) (?:all )?(?:reply|respond|answer)|when someone|if someone|someone who mentions|those of us|(?:pls|please) call|if (?:ur|you're|you are|u r|youre) not safe|if (?:you|u) (?:think|suspect|find|found|notice)|workshop|webinar|blog|memoir|first aid|(?<!\b(?:her|his|their) )book club|(?:suicide|crisis|safeguarding|asist|samaritans?|listener) training|training (?:course|day|session|to become)|(?:don't|do not) have to be (?:suicidal|in crisis)|(?:clients?|patients?) about|intervention (?:course|training|skills)|(?:social work|nursing|psychology|uni|university|college|counselling|counseling) (?:module|lecture|class|course|placement)|myths?|fairy tales?|what ['"]\w+['"] means|what (?!(?:that|this|it)\b)\w+ means|(?:the word|words? like|write|say|saying|writing|type) ['"]?(?:unalive|kms|ctb|sewerslide|suicide)\b|to anyone (?:reading|who|out there)|i was you\b|check (?:for|your \w+ for) (?:unknown |hidden )?(?:trackers?|spyware|airtags?))\b/i;

// "I want to end it. The marriage, I mean": the writer says what she is ending.
const CLARIFIED =
  /\b(?:(?:the|our|my|this) (?:marriage|relationship|engagement),? i mean|i mean (?:the|our|my) (?:marriage|relationship)|end(?:ing)? (?:it|it all|things)\s*(?:[—–:.]|-\s|,)\s*(?:the|our|my|this|all the) (?:marriage|relationship|pretending|charade|act|lies|lying|date nights)|end(?:ing)? (?:it|things)\s*[—–:.,-]\s*with (?:him|her|them|the \w+|my \w+)|end(?:ing)? it\b[^\n]{0,120}\b(?:lawyer|solicitor|divorce|packs? (?:his|her) (?:bags|things|stuff)|moves? out|moving out|separation))\b/i;

export const notPast = (_m: string, text: string, index: number): boolean => {
  const window = text.slice(Math.max(0, index - 160), index + 160);
  if (CLARIFIED.test(window)) return false;
  const from = sentenceStart(text, index);
  const to = sentenceEnd(text, index);
  if (!STILL_NOW.test(window)) {
    const around = text.slice(sentenceStart(text, from - 2), sentenceEnd(text, sentenceEnd(text, to + 1) + 1));
    if (RECOVERED.test(window) || GENERAL_OR_OTHERS.test(window) || PAST_TIME.test(around)) return false;
  }
  return !GENERAL_TALK.test(text.slice(from, to));
};

/** Where the sentence around `index` starts: after the last `.`, `?`, `!` or line break before it. */
function sentenceStart(text: string, index: number): number {
  if (index <= 0) return 0;
  return Math.max(...['.', '?', '!', '\n'].map((c) => text.lastIndexOf(c, index))) + 1;
}

/** Where the sentence around `index` ends: at the next `.`, `?`, `!` or line break (the text's end if none). */
function sentenceEnd(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const ends = ['.', '?', '!', '\n'].map((c) => text.indexOf(c, index)).filter((i) => i >= 0);
  return ends.length > 0 ? Math.min(...ends) : text.length;
}

/** A risk word denied just before it, in its clause ("I'm not suicidal", "I don't want to die", "not going
 * to hurt myself"); "no longer", "not sure", "never felt so…", "no way out", "no reason to…" do not deny. */
const DENIED_BEFORE =
  /\b(?:not|never|no|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|isnt|arent|wasnt|werent|dont|doesnt|didnt|wont|nobody|no one)(?!\s+(?:longer|sure|even|felt (?:so|this|that|more|such|any)|feel (?:so|this|that|more|any)|been (?:so|this|that|more|any)|more|so|know|stop|anymore|any more|one|matter|point|way|reason|future|hope|choice|idea|clue|end|escape|safe place|option)\b)(?:\s+[\w']+){0,2}\s*$/;
/** A partner denied as the subject of the violence ("he never hit me", "he has never threatened me",
 * "my ex didn't hurt me"), not a threat of never letting her go ("he'd never let me…", "won't stop"). */
const PARTNER_DENIED =
  /^(?:he|she|they|he's|she's|they've|they're|he'd|she'd|my \w+|his \w+(?: \w+)?)(?: (?:has|had|have|is|was|did|does|really|ever|honestly|actually))? (?:never|not|didn't|doesn't|hasn't|hadn't|wouldn't|didnt|doesnt|hasnt|hadnt|wouldnt)\b(?! (?:stop|stops|stopped|let|leave|leaves)\b)/;

/** The second of two things a partner is denied to have done ("he's never once raised a hand or threatened
 * me", "he hasn't hit me or the kids, or"); only with a partner as the subject, so "I don't know whether to
 * leave or …" denies nothing. */
const PARTNER_DENIED_BEFORE =
  /\b(?:he|she|they)(?:'s| has| had| is| was| have)? (?:never|not|hasn't|hadn't|didn't|doesn't|hasnt|didnt|doesnt)(?: (?:once|ever|really))?(?: [\w']+){1,4} (?:or|nor) $/;

/** Whether a crisis match is denied: a negation just before it in its sentence, or a partner denied as the
 * one who did it. Every crisis rule passes this (classify.ts). */
export function crisisDenied(sentenceBefore: string, match: string): boolean {
  const clause = sentenceBefore.slice(Math.max(sentenceBefore.lastIndexOf(','), sentenceBefore.lastIndexOf(';')) + 1);
  return DENIED_BEFORE.test(clause) || PARTNER_DENIED.test(match) || PARTNER_DENIED_BEFORE.test(clause);
}

/** After "end it" or "ending things": not when what follows names whom it ends with ("end it with him"). */
export const NOT_ENDING_WITH = '(?! (?:with|all with|between|off|or (?:stay|not|try))\\b)';
/** After "can't do this anymore": not when it is the marriage ("… with him", "… in this house"). */
export const NOT_THE_MARRIAGE =
  '(?! (?:with (?:him|her|them|this marriage|the marriage|his)|in this (?:house|marriage))\\b)';

export const IDIOM_OR_NONVIOLENT = new RegExp(`${IDIOM.source}|${NONVIOLENT_THREAT.source}`, 'i');

// Another member's talk of dying, waved away in a reply ("you keep saying you want to die but…"): the member
// is at risk whatever the reply makes of it.
const WAVED_AWAY =
  '(?:you|u) (?:keep|kept|always|constantly|still) (?:saying|talking about|posting about|going on about|writing about|threatening)\\b[^.!?\\n]{0,40}?\\b(?:(?:you|u) (?:want|wanna) to die|wanting to die|kill(?:ing)? (?:yourself|urself)|kms|suicid\\w*|self[- ]?harm\\w*|end(?:ing)? (?:it all|your life))';
// Medication extras put aside, knowing how many, a wish not to be here that ends the sentence.
const PUT_ASIDE =
  "(?:meds|medication|pills|tablets|prescription|dose)\\b[^.!?\\n]{0,60}?\\b(?:saving|keeping|stashing|putting aside|hiding) (?:up )?(?:the|my|all the) (?:extra|spare|leftover)s?\\b|i know exactly how many (?:i have|i've got|there are|it would take|it'd take)|wish i (?:wasn't|weren't)(?: (?:here|alive|around|born))?\\s*(?:[.!?]|$)";

const SPECS: RuleSpec[] = [
  rawRule(
    'kill(?:ing)? myself|end(?:ing)? (?:it all|my life|things|it tonight|it now|everything)' +
      NOT_ENDING_WITH +
      "(?![^.!?\\n]{0,20}\\bwith (?:him|her|them|the (?:counsellor|counselor|therapist|marriage|relationship|church|group|ap)|my (?:husband|partner|ex|wife|counsellor|counselor|therapist|bf|gf|boyfriend|girlfriend))\\b)|suicid\\w*|take my (?:own )?life|(?:want|wanna|wish|going|ready|plan(?:ning)?) (?:to )?(?:die|be dead|not exist|disappear (?:forever|permanently))|wish i (?:was|were) (?:dead|gone|never born)|better off (?:dead|without me|with no (?:mum|mom|mother|dad|father))|(?:don't|dont|do not) (?:want|wanna) to (?:be here|be alive|live|wake up(?! in (?:\\w+ )?(?:years?|months?|weeks?|decades?)| (?:next to|beside|with) (?:him|her|them|my \\w+))|exist|go on|carry on|be around)|(?:not|never) (?:wake|waking) up(?! in (?:\\w+ )?(?:years?|months?|weeks?|decades?))|no (?:point|reason) (?:in |to )?(?:being here|living|going on|carrying on|keep going|any of this|anymore|left)|(?:what's|whats) the point (?:of|in) (?:any of (?:this|it)|living|going on|me)|(?:can't|cant|cannot) (?:go on|do this anymore|keep going|take (?:it|this) anymore)" +
      NOT_THE_MARRIAGE +
      "|tired of (?:living|being alive|being here)|not (?:be|being) (?:here|around)(?: \\w+){0,3}? (?:anymore|for (?:it|long)|after)|(?:don't|dont) see (?:the point|myself making it|a future)|make it (?:to|through) (?:my birthday|christmas|the week|this one)|(?:think|thinking|thought) about (?:dying|death|not (?:being here|existing|carrying on)|just not|ending|letting go|turning the wheel|the (?:train|tracks|bridge|cliff))|nobody would (?:notice|miss me|care)|no one would (?:notice|miss me|care)|(?:wouldn't|would not|won't) (?:mind|care) if (?:i|a (?:bus|car|lorry|truck))|hoping something happens|peaceful (?:it would be )?to (?:just )?not|(?:want|wanna) (?:it all )?to (?:stop(?! (?!existing|being|living|breathing|feeling|waking|cutting|hurting)\\w+ing\\b)(?! but\\b)|be over)|(?:check|checking) out(?: \\w+){0,3}? of everything|i want out\\. of everything|(?:i'm|im) (?:a )?(?:burden|done\\.(?!\\s*(?:(?:so |just )?done )?with\\b))|(?:be )?relieved if i was gone|this is it for me|(?:only|one) (?:way|thing) (?:out|left) scares me",
    SELF,
    { unless: FIGURATIVE, check: notPast },
  ),
  rawRule(
    'self[- ]?harm\\w*|(?:cut|cutting|burn(?:ed|t|ing)?|hurt(?:ing)?|scratch(?:ed|ing)?|hit(?:ting)?|punish(?:ing)?) (?:myself' +
      NOT_CUT_OFF +
      '|my (?:arm|arms|wrists?|legs?|thighs?|skin))|(?:started|start|been|was) cutting(?! (?:out|back|down|ties|corners|it|off))|cut (?:tonight|again|last night|deep(?:er)? (?:tonight|last night|this time|again))|(?:the )?urge to cut|(?:blades?|razors?)\\b|(?:nails|hand) (?:into|on) (?:my|the)|till (?:it|they) bleeds?|until (?:it|they) bleeds?|knuckles (?:split|bled)|pull(?:ing)? my hair out|stopped eating on purpose|drinking until i black out|just to feel something|hurt the body',
    SELF,
    { unless: FIGURATIVE, check: notPast },
  ),
  rawRule(
    "(?:pills|tablets|paracetamol|antidepressants|sleeping pills|prescription|meds|medication)(?: [\\w']+){0,5}? (?:lined up|together|saved|saving|stash|counted|counting|in a bag|and (?:a|the) (?:bottle|wine|vodka))|(?:saving|counting|counted|hoarding|stockpiling|collecting|stashing) (?:my |his |the |all )?(?:\\w+ )?(?:pills|tablets|meds|antidepressants|them again)|took (?:the whole|all (?:the|my)|a (?:whole )?(?:strip|bottle|packet)|half (?:of )?my)|overdos\\w*\\b(?! (?:calls?|victims?|patients?|awareness|deaths|statistics)\\b)(?! on (?!(?:\\w+ ){0,2}?(?:pills|tablets|paracetamol|meds|medication|sleeping|painkillers|insulin|heroin|drugs|antidepressants|my|his|her)\\b))|\\bod\\b|(?:bridge|cliffs?|railing|balcony|ledge|roof|tracks|train|motorway|\\d+(?:th|st|nd|rd) floor)(?: \\w+){0,6}? (?:jump|let go|think|the wheel|hoping|writing this|i'm on)|jump(?:ing)? (?:off|in front|and be done)|just want to jump|(?:engine running|noose|hang(?:ing)? myself)|(?:got|have|bought|buy) a (?:gun|rope)|(?:a )?plan and a date|(?:it's|its) planned|(?:i'm )?going to do it|tonight's the night|(?:said|saying) (?:my|our) goodbyes|(?<!\\b(?:he|she|they|husband|he'd|she'd|and) )(?:written|wrote|writing|left) (?:letters|a letter|a note|notes|instructions|my will)(?! (?:to|for) (?:him|her|them|the marriage|his|my (?:husband|wife|partner|ex))\\b)(?![^.!?\\n]{0,40}\\b(?:divorce|when they're older|therapist|counsellor|court|solicitor|lawyer))|(?:sorted|sorting|made|updated) (?:out )?my will|won't be posting again|(?:if i|in case i) don't post again|tell my (?:kids|children|son|daughter|family) i loved|(?:rehomed|gave away|gave) (?:the|my) (?:dog|cat|pets?)|tidying up before i go|(?:planning|plan|planned) my funeral|made my peace|not (?:going to )?be around after|don't think i'll (?:be here|make it)|i'm not safe tonight|scared of what i might do|enough i think|kids would be (?:fine|better)|(?:passwords|direct debits)(?: \\w+){0,4}? (?:for my|cancelled)|cancelled (?:the )?direct debits|stopped making plans|" +
      PUT_ASIDE,
    PLAN,
    { unless: FIGURATIVE, check: notPast },
  ),
  rawRule(
    "(?:he|she|they|my (?:husband|wife|partner|ex|boyfriend|girlfriend|bf|gf)|his (?:ap|affair partner)|her husband)(?: \\w+){0,3}? (?:said|says|told|threatened|texted|messaged|swore|promised|warned|screamed|shouted)(?: [\\w']+){0,14}? (?:kill|hurt(?!ful)|hit|break (?:my|your|me|you|her|every|both)|end(?!ed|er)|burn(?!er)|stab|shoot|bury|destroy|come for|find me|regret it|be sorry|be dead|you're dead|i'm dead|" +
      NEVER_SEE +
      "|never walk|won't survive|won't brake|pay for this|watch (?:my|your) back|know what real pain|put me in hospital|make sure|wouldn't walk|or else|do something bad|accidents happen|take what he wants|not leaving)",
    DANGER,
    { unless: IDIOM_OR_NONVIOLENT, check: notPast },
  ),
  rawRule(
    '(?:he|she|my (?:husband|wife|partner|ex|boyfriend|girlfriend|bf|gf)|his (?:ap|affair partner))(?: \\w+){0,2}? (?:hit|hits|hitting|punched|punches|slapped|slaps|kicked|choked|chokes|strangled|pinned|shoved|pushed me|threw (?:me|a|his|the|her)|beat|beats|raped|forced (?:himself|herself|sex)|forces sex|grabbed (?:me|my)|held my (?:wrists|arms|throat)|smashed|locked (?:me(?! ' +
      OUT_OF_ACCOUNT +
      ")|the door)|dragged|drove at me|tried to run me|hurt me|has hurt me|'s hurt me|is hurting me|has a (?:gun|knife)|got a (?:gun|knife)|has got a (?:knife|gun))|(?:hands?|fingers) (?:round|around|on) my (?:neck|throat)|(?:by|round) the throat|(?:shotgun|rifle|gun|knife(?! (?:set|skills))|(?<!(?:bought|buy|new) (?:my own |some |new )?)knives|bat)\\b|afraid (?:of him|for my life)|(?:scared|terrified) (?:of him|for my life|he'll (?:hurt|kill)|he will (?:hurt|kill)|he's going to (?:hurt|kill))|might kill me|(?:don't|do not) feel safe|i'm not safe|(?:" +
      TRACKER +
      "|tracking (?:me|my (?:phone|car|location|movements|whereabouts))|(?:is|was|been|keeps|he's|she's) tracking|following me|watching my location|turns up wherever|knows where i (?:go|live)|knows my address|nowhere i can go|driving past my house|outside the door shouting|he's (?:outside|in the kitchen))|(?:took|taken|takes) my (?:car keys|keys|passport|phone and|bank card)|flushed my medication|put me in hospital|watch (?:my|your) back|marks on my neck|bruised|bruises",
    DANGER,
    { unless: IDIOM_OR_NONVIOLENT, check: notPast },
  ),
];

// Threats in any wording: a partner (or affair partner) who says he will harm her, the kids or himself.
const THREAT: RuleSpec[] = [
  rawRule(
    "(?:he|she|they|my (?:husband|wife|partner|ex|boyfriend|girlfriend|bf|gf)|his (?:ap|affair partner)|her husband)(?:'s|'d)?(?: \\w+){0,3}? (?:said|says|told|threatened|texted|messaged|emailed|emailing|swore|promised|warned|screamed|screaming|shouted|shouting|yelled|saying)[^.!?\\n]{0,100}?['\"]?\\b(?:kill|hurt(?!ful)|hit|break (?:my|your|me|you|her|every|both)|burn(?!er)|stab|shoot|bury|come (?:for|to)|find (?:me|us|them)|never find (?:me|us|them|you|her|the (?:kids|children|baby))\\b|regret|be sorry|you're dead|" +
      NEVER_SEE +
      "|never walk|won't survive|pay for this|watch (?:my|your)(?:self| back)|off the bridge|take (?:the|our|my) (?:kids|children|baby|son|daughter)|go away forever|accidents happen|something bad|or else)",
    DANGER,
    { unless: IDIOM },
  ),
  rawRule(
    "(?:threw|thrown|throws) (?:a|the|his|her|my) \\w+ at (?:me|my head)|(?<!\\b(?:it|that|this|reality|what) )(?:beat|hit|choked|strangled|punched|kicked|slapped|shoved|strangles|chokes|beats) me\\b(?! to it)|(?:already|has) hurt me|in real trouble|(?:she'd|he'd|she'll|he'll) kill me|which school the kids|watch yourself|you'll pay for this",
    DANGER,
    { unless: IDIOM_OR_NONVIOLENT, check: notPast },
  ),
  rawRule(
    "wants? to die|(?:hope|wish) i (?:just )?(?:don't|didn't|never) wake up|can't see a future|into my (?:arm|leg|skin|wrist)|\\bi cut\\b(?! (?:my hair|my fringe|the|out|back|down|off|ties|him|her|contact|them|myself (?:off|out|free|loose))\\b)|cut to (?:check|feel)|if a (?:bus|car|lorry|truck) hit me|for it all to (?:be over|end|stop)|keeping me (?:here|alive|going)|half (?:of )?my prescription|(?:bottle|vodka|wine)(?: \\w+){0,5}? (?:pills|tablets)|(?:pills|tablets)(?: \\w+){0,5}? (?:vodka|wine|bottle)|telling me to (?:jump|die|end it)|(?<!" +
      SPORT_JUMPS +
      ' ?)\\bjump\\b(?! (?:in|on|at|to conclusions|through|start|the gun|ship|ahead))|(?:only one|only way) left scares me|run out of ways to cope|\\bstash\\b|no reasons? left|(?:top of the stairs|edge)(?: \\w+){0,6}? letting go|check out[^\\n]{0,30}of everything',
    SELF,
    { unless: FIGURATIVE, check: notPast },
  ),
];

// Quieter signals: being a burden, stopping medication, asking how, a partner who watches and follows.
const MORE: RuleSpec[] = [
  rawRule(
    "(?:better|fine|lighter|easier) without me|without me around|i'd (?:just )?be in the way|raise them better|shouldn't be alive|be alive anymore|talk me out of it|if i didn't wake up|nature (?:can )?take its course|stopped taking my (?:\\w+ )?(?:meds|medication|tablets|pills)|reading about (?:other )?ways|does (?:anyone know if )?it hurt(?! (?:this|so|that) much)|if it hurts|(?:thinking about|going to|might) try(?:ing)? again|i tried (?:last|before|once)|(?:carved|scratched|burned|cut) (?:into )?my (?:leg|arm|skin|wrist|thigh)|\\bcutting\\b(?! (?:out|back|down|ties|corners|it|off|the|my hair|his|her|board|edge))|scalding|blistered|(?:rope|pills|knife|blade|tablets)(?: \\w+){0,5}? (?:garage|cabinet|drawer|keep thinking)|thinking about the (?:pills|rope|bridge|knife|tracks|blade|car)|dark thoughts|inside i'm finished|be around (?:much )?(?:longer|for long)|(?:can't|cant|cannot) keep myself safe|(?:not|n't) safe (?:from|with) myself|talk me out of (?:something|doing something)|(?:don't|dont) think i can hold on|(?:can't|cant|cannot) hold on (?:much )?(?:longer|that long|anymore|any more)|(?:the ones?|the person|whoever|who) (?:who |that )?finds? me\\b(?! on)|i'd (?:already )?be gone (?:already|by now|long ago)|lock(?:ed)? (?:the )?(?:cutlery|knife|kitchen) drawer|" +
      WAVED_AWAY,
    SELF,
    { unless: FIGURATIVE, check: notPast },
  ),
  rawRule(
    "knows where i(?:'m| am) (?:staying|living)|knows where i live|(?:parking|parked|waiting|standing) outside my|turned up at my|(?:was|were|is|been|stood|standing|lurking|hiding|waiting|sat|sitting|appeared|showed up|turned up) in my garden|carried (?:back )?(?:in|out)|(?:in|leave in|out in) a (?:body bag|box|coffin)|dead for real|kill (?:the|my|our) (?:dog|cat|pets?|horse)|broken? the (?:non-molestation|restraining|protective|protection) order|careful driving|it's not over|finish (?:this|me)|coming (?:to|for) (?:me|my|\\d+)[^.]{0,40}tonight|(?:he|she|they)(?:'s| has| have)? (?:posted|shared|put|leaked) (?:my|our) (?:home )?(?:address|location)\\b",
    DANGER,
    { unless: IDIOM_OR_NONVIOLENT, check: notPast },
  ),
];

export const crisisRules = compileRules('crisis', [...SPECS, ...THREAT, ...MORE]);
