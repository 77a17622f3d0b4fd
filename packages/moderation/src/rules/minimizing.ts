import { compileRules, type RuleSpec } from './rule.ts';

const SMALL = 'This makes the betrayal sound small or normal.';
const RUSH = "This pressures her to forgive or move on on someone else's timeline.";

const SPECS: RuleSpec[] = [
  {
    pattern:
      "(?:it's|its|it is|it was|that's|that is|this is|was|is) (?:only|just|merely|simply) (?:porn|looking|a (?:bit of |little )?(?:porn|fling|flirt|crush|kiss|mistake|phase|slip|chat|text|emotional thing)|some (?:texts|messages|pictures|photos|flirting|videos|websites)|sex|online|words|a screen|pixels|fantasy|a fantasy|chatting|flirting|texting|physical)",
    reason: SMALL,
  },
  {
    pattern: '(?:only|just) (?:porn|looking|pixels|a screen|flirting|texting|online)\\b(?! addiction)',
    reason: SMALL,
    unless: /\b(?:not|isn't|never|no such thing)\b/i,
  },
  {
    pattern:
      "(?:every|all|most|any) (?:single |normal )?(?:man|men|guy|guys|husband|husbands|bloke|blokes|boys|lads|normal (?:man|guy|person)|red-blooded \\w+)(?: \\w+){0,2}? (?:watch(?:es)?|look(?:s)?|do(?:es)? it|does that|has done|have done|stray|flirts?|cheats?|wanders?|has a wandering)|boys will be boys|men will be men|(?:he's|he is|they're|they are) (?:only|just) (?:human|a man|men|a guy)|everyone (?:watches|does it|looks|cheats)|normal (?:male|guy|man) (?:behaviou?r|stuff|thing)",
    reason: SMALL,
  },
  {
    pattern:
      "at least (?:he|she|they|it|the kids|you|your|his|her)\\b|(?:could|would) (?:have been|be) (?:a lot |so much |much )?worse|(?:no|not a|not that) big deal|not (?:like|as if) (?:he|she) (?:slept|cheated|had (?:an affair|sex)|left|touched)|(?:isn't|is not|wasn't|not) (?:really |even |technically |actually )?(?:cheating|an affair|infidelity|a real affair)|(?:doesn't|does not|didn't) (?:really |even )?count|harmless|(?:making|make) (?:a |such a )?(?:big deal|mountain|fuss|drama) (?:out of|over|about)|(?:blowing|blow|blew) (?:it|this|things) out of proportion|(?:a )?victimless|(?:it's|its) not (?:like it's |that )?(?:the end of the world|a crime)|hardly the crime",
    reason: SMALL,
    negatable: 'before',
  },
  {
    pattern:
      "(?:let it go|let (?:this|that|it all) go|get over it|get past it|move on|moving on|move forward|forgive and forget|put it behind (?:you|u)|put (?:this|that|it) behind|stop dwelling|stop (?:bringing it up|obsessing|talking about it|going on about|picking at|living in the past|punishing him|punishing her|looking back)|dwell(?:ing)? on (?:it|the past|this)|water under the bridge|in the past now|the past is the past|turn the page|draw a line under|time to heal and move|it's time to (?:forgive|move|let)|(?:time|need|have|ought|got) to (?:forgive|let go|move on|get over)|(?:you|u) (?:need|have|ought|should|must|gotta|got) to (?:forgive|let (?:it |this |that )?go|move on|get over|stop (?:talking|bringing|dwelling|obsessing|asking|going on|punishing|living)))",
    reason: RUSH,
    unless:
      /\b(?:when you're ready|in your own time|on your own time|your own pace|no rush|no timeline|if you want|if and when|don't have to|doesn't have to|no one can tell you|nobody can tell you)\b/i,
  },
  {
    pattern:
      "(?:everyone|everybody|we all|people) deserves? (?:forgiveness|a second chance|another chance)|nobody's perfect|no one is perfect|nobody is perfect|no one's perfect|we all make mistakes|everyone makes mistakes|(?:he|she) (?:said|has said) (?:sorry|he's sorry|she's sorry)(?: \\w+){0,6}? what more|what more do (?:you|u) want|(?:how|why) (?:long|much longer) (?:are you|will you) (?:going to )?(?:punish|hold (?:this|it))|(?:still|keep) (?:going on|banging on|harping on|talking) about (?:it|this|that)|(?:years|months|a year|ages) ago(?: \\w+){0,5}? (?:let it|move on|get over|still|why)|was (?:two|three|four|five|six|\\d+|a few|several|many) (?:years|months) ago|(?:he's|he is|she's|she is) (?:sober|in recovery|clean|doing the work|trying)(?: \\w+){0,6}? (?:stop|let|move|time|so|what more)",
    reason: RUSH,
    // "Nobody's perfect" is the cliché itself, not a negation of it.
    negatable: 'before',
  },
  // The pressure as a negative imperative ("don't dwell on it", "dont keep bringing it up"): the negation
  // is the point, so it does not clear the words.
  {
    pattern:
      "(?:don't|dont|do not) (?:keep |just )?(?:dwell(?:ing)? on|obsess(?:ing)? (?:over|about)|(?:bring|bringing) (?:it|this|that) up|dig(?:ging)? (?:it|this|that|things) up|rehash(?:ing)?|live in the past|look back|let (?:it|this|that|one (?:mistake|slip|affair)) (?:ruin|define|destroy))",
    reason: RUSH,
    negatable: false,
    unless:
      /\b(?:when you're ready|in your own time|your own pace|no rush|no timeline|don't have to|doesn't have to|nobody|no one|anyone)\b/i,
  },
  // Her betrayal compared down: lucky it was only this, others had worse, a blip, barely counts.
  {
    pattern:
      "(?:be|should be|you're|ur|you are|you were|u r) (?:so |really |very )?(?:grateful|thankful|lucky|fortunate) (?:it was (?:only|just|a|one)|it wasn't|he (?:told|confessed|came clean|didn't|only|was honest))|(?:barely|hardly) counts|(?:it's|that's|this is|its|thats) (?:just )?(?:a blip|old news|(?:kind of |pretty |fairly )?minor)\\b|(?:not|isn't|is not|aren't) (?:even )?(?:in )?the same (?:league|universe|ballpark)|about as (?:gentle|mild|minor|tame|small) as (?:it gets|they come|betrayals? go)|(?:survive|survived|get through|got through) (?:far |much |way )?worse (?:than this|things)",
    reason: SMALL,
    negatable: 'before',
  },
];

// Pressure to forgive and to stop talking about it, and excuses that make it ordinary.
const MORE: RuleSpec[] = [
  {
    pattern:
      '(?:just |simply |so |then |now |time to |time you |need to |should |must |gotta |have to |please )?forg(?:ive|ave|iven|iving)\\b(?! (?:yourself|myself))|(?:owe|owes|deserves?|needs?|about|choose|practi[cs]e|time for|show|offer|give|extend|path to|journey to|the gift of) (?:him |her |them )?(?:some |your |real |true )?forgiveness',
    reason: RUSH,
    unless:
      /\b(?:when you're ready|your own (?:time|pace)|your choice|if you want|not required|doesn't require|don't have to|no one can|on your (?:own )?(?:timeline|terms)|isn't owed|not owed|can't forgive|whether (?:to|you) forgive|ever forgive|(?:able|ready) to forgive|yours|belongs to you|if it ever|one day|if you don't)\b/i,
  },
  {
    pattern:
      "give (?:it|him|her|them) a (?:rest|break|chance)|punish(?:ed|ing)? (?:him|her) (?:long )?enough|hold(?:ing)? (?:it|this|that) (?:over|against) (?:him|her)|let bygones|let go and let god|learn to live with it|nothing to forgive|bigger than it (?:needs|has|ought) to be|making (?:this|it) (?:into something|bigger)|(?:pretty |quite )?trivial|not that bad|(?:isn't|is not|not) (?:even )?(?:real|that bad|serious|a real)|wouldn't call it serious|just (?:a )?friendships?|a mistake,? not a betrayal|meant nothing|only once|(?:a )?(?:midlife|mid-life) (?:phase|crisis)|grow out of it|should be (?:healed|over it|past (?:it|this)|better) by now|by now you should|move past (?:it|this)|focus(?:ing)? forward|still on about|why does it (?:even )?matter|(?:they|men|guys|blokes|lads|lots of (?:men|people|guys)|most (?:men|guys)) all do (?:it|this)|(?:they|men|guys) all do (?:it|this)|all (?:men|guys|blokes) do (?:it|this)|show me a man who|porn is (?:normal|everywhere|natural|healthy|harmless|just)|sexting isn't|looking,? not touching|(?:he's|he is) a bloke|blokes do|unforgiveness|we're all sinners|who are you to|dragging (?:it|this) out|talk about it too much|nobody wants to hear|throw away (?:a|your|the) (?:marriage|family)|can't hold (?:that|it|this) against|can't expect (?:him|her|a man) not to|perspective\\.|what's done is done|first world problem|for better or worse|sin too|isn't even real|he just likes sex|leave it at that|it happened (?:before|years|ages)|(?:only|just) (?:cam|webcam|a few|some|texts|messages|photos|pictures|online|chatting|flirting)|(?:not|isn't|wasn't) (?:that |such )?(?:a )?big (?:of )?(?:a )?deal|(?:it's|it is|that's) in the past|nobody died|no one died|you'll survive|be past (?:this|it)|(?:completely |totally |perfectly )?normal for (?:men|guys|a man|a guy|husbands|blokes)|least bad|one time in (?:\\w+ ){0,2}years|only (?:one time|once)",
    reason: SMALL,
    negatable: 'before',
  },
];

// Common consolation clichés that shrink the betrayal or hurry her, as a support worker would list them.
const CLICHES: RuleSpec[] = [
  {
    pattern:
      "(?:it|that) could (?:always )?be worse|(?:it's|it was|that's) (?:just|only) (?:sex|physical|a fling|fun|fantasy|online|a phase)|(?:it|she|they) (?:didn't|did not|doesn't) mean (?:anything|a thing)|harmless (?:fun|flirting)|he still loves you|he (?:chose|picked) you|he came (?:back|home) to you|time heals|count your blessings|(?:look on|focus on) the (?:bright side|positive)|you(?:'ve| have) (?:got )?a good (?:man|husband|one)|he's a good (?:dad|father|man|husband)|(?:you're|you are) lucky|be (?:grateful|thankful) (?:that|for|he)|think of the (?:kids|children)|(?:every|all) marriages? (?:has|have|go(?:es)? through)|(?:it|this|affairs|cheating) happens? (?:in|to) (?:every|all|most|lots of)|happens all the time|it's (?:really )?common|marriage is hard|don't dwell|stop dwelling|get past (?:it|this)|move forward|(?:you|u) can't (?:hold|keep) (?:it|this) (?:against|over)",
    reason: SMALL,
    negatable: 'before',
  },
];

// Shapes rather than set phrases: "an X, not a Y" comparisons, "fuss over" a "small thing", healing framed
// as a choice or a deadline, and "had your time" to be upset.
const SHAPES: RuleSpec[] = [
  {
    pattern:
      "(?:it was|it's|just|only) (?:a|an|some) [\\w-]+(?: [\\w-]+)?,? not (?:a|an) (?:mistress|affair|girlfriend|relationship|real \\w+)|(?:all this|all that|such a|so much|a lot of|making a) fuss (?:over|about)|(?:a )?small thing big|(?:texts?|messages|videos|pictures|photos|porn|screens?|words) (?:can't|cannot|don't) (?:hurt|harm) (?:you|anyone)|not like (?:he|she) (?:met|saw|kissed) (?:him|her|them) in person",
    reason: SMALL,
    negatable: 'before',
  },
  {
    pattern:
      "(?:healing|forgiveness|moving on|getting over it) is a choice|choose to (?:be done|heal|move on|let go)|rear-?view mirror|(?:had|have had|you've had) (?:your|enough) time to (?:be upset|grieve|be angry|be sad|heal|vent)|time to be (?:a|his) (?:wife|husband|partner|family) again",
    reason: RUSH,
  },
];

export const minimizingRules = compileRules('minimizing', [...SPECS, ...MORE, ...CLICHES, ...SHAPES]);
