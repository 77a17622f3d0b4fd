import { compileRules, type RuleSpec } from './rule.ts';

const FAULT = 'This may read as blaming her for his choices.';
const CAUSE = 'This presents something she did or was as the cause of the betrayal.';
const QUESTION = 'This question implies she caused the betrayal.';
const GENERAL = 'This generalization puts the reason for cheating on the betrayed partner.';
const SHARED = 'This says both partners share blame for the betrayal itself.';
const HIS_VIEW = 'This asks her to see the betrayal from his side, as if it were understandable.';

// Things about her that blame-shifting replies point to.
const HER_FAILINGS =
  '(?:coldness|rejection|rejecting|nagging|criticism|criticising|temper|moods?|anger|anxiety|depression|weight|body|looks|appearance|refusals?|refusing|behaviou?r|trust issues|control(?:ling)?|jealousy|insecurit(?:y|ies)|absence|attitude|distance|neglect|coldness|low libido|libido|sex drive|frigidity|lack of (?:interest|affection|intimacy|sex)|being (?:cold|distant|busy|tired)|avoidant \\w+|attachment \\w+|childhood \\w+|own (?:issues|stuff|baggage)|(?:constant )?(?:yelling|shouting|fighting|complaining|interrogations?|questions))';
const CAUSE_VERB =
  '(?:drove|drives|driven|pushed|pushes|push|forced|made|makes|caused|causes|led|leads|triggered|triggers|created|creates|left|leaves|sent|sends|contributed|played a (?:big |huge )?(?:part|role))';
const STRAYED =
  '(?:cheat(?:ed|s|ing)?|stray(?:ed|s|ing)?|wander(?:ed|s|ing)?|look(?:ed|s|ing)? (?:elsewhere|around|outside)|went (?:looking|elsewhere|outside)|go(?:es|ing)? (?:looking|elsewhere|outside)|found (?:it|someone|comfort|warmth|that)|find (?:it|someone|comfort|warmth|that)|turn(?:ed|s)? to|escape(?:d|s)? (?:into|to)|acts? out|acted out|relapse[ds]?|hid(?:es)?|lied|lie|pay(?:s|ing)? for (?:it|sex)|affairs?|porn|escorts?|hook(?:ed|s)? up|sext(?:ed|ing)?|need(?:ed|s)? (?:it|an outlet|porn))';
const HOME_LACK =
  "(?:at home|in the bedroom|from (?:you|his wife|their wives|his partner|her husband)|in (?:the|their|his|your) marriage|wanted|desired|needs? (?:met|weren't met|were not met|unmet)|getting (?:it|enough|any|that)|happy|satisfied|fulfilled|interested|appreciated|respected|neglected|rejected|starved|lonely|unloved|unwanted|enough sex|make an effort|let (?:her|them)sel(?:f|ves) go)";

const SPECS: RuleSpec[] = [
  // Her fault, her part, shared blame.
  {
    pattern: `(?:YOURE|YOU) (?:partly |partially |also |kinda |kind of |sort of |at least partly |equally |just as |half )?(?:to blame|at fault|responsible for (?:th(?:is|at|e affair|e cheating)|his|her|what)|the (?:reason|cause) (?:he|she|they|for)|the problem here)`,
    reason: FAULT,
  },
  {
    pattern: `(?:it's|it is|that's|that is|this is|some of (?:this|it) is|part of (?:this|it) is)(?: \\w+){0,3}? (?:partly |partially |also |kinda |kind of |at least partly |a bit )?(?:YOUR fault|on YOU\\b)`,
    reason: FAULT,
  },
  { pattern: `(?:partly|partially|half|kinda|also) (?:YOUR fault|on YOU\\b)`, reason: FAULT },
  {
    pattern: `YOUR (?:own )?(?:part|role|share|contribution|contributing factors?|side of the street|inventory|responsibility)(?: \\w+){0,3}? (?:in|for) (?:this|it|his|her|the (?:affair|cheating|betrayal|acting out|breakdown))`,
    reason: FAULT,
  },
  {
    pattern: `(?:what|which) (?:part|role) (?:YOU|did YOU) play(?:ed)?|(?:your|own) (?:part|role) in (?:all )?this|(?:look|looking|looked) (?:at|in) (?:the mirror|yourself|your own)|take (?:your own )?(?:inventory|accountability|responsibility) for your|your own contributing|contributing factors|what YOU (?:brought|contributed) to`,
    reason: FAULT,
  },
  {
    pattern: `(?:brought (?:this|it) on (?:yourself|yourselves)|reap what (?:YOU|u) sow|had a (?:hand|part) in (?:this|it)|YOU own (?:part|some|half) of (?:this|it)|own your part|you both (?:own|share)|share (?:the |some of the )?(?:blame|responsibility)|both (?:of YOU )?(?:are |were )?(?:to blame|guilty|responsible)|both (?:let|built|created|allowed|neglected|drifted)|on both of YOU|it takes two|takes 2|two sides to every|(?:a )?two[- ]way street|not (?:all )?(?:on him|on her|his fault alone|just (?:one|his|him))|don't put it all on|(?:weren't|wasn't) all (?:his|hers)|half of (?:th(?:at|is|e) )?(?:pattern|problem|equation|dynamic))`,
    reason: SHARED,
    negatable: false,
    // The saying turned against itself: "it takes two to have a bad marriage, it takes one to cheat".
    unless: /\b(?:takes|and|but|only) (?:only )?(?:one|1) to\b|\btook (?:one|1)\b/i,
  },
  {
    pattern: `(?:an? |the )?(?:affairs?|infidelity|cheating|acting out|porn(?: addiction)?|sex addiction|compulsive \\w+|escorts) (?:\\w+ ){0,3}(?:is|are|was) (?:\\w+ ){0,2}?(?:a |the )?(?:symptom|signal|sign|message|cry for help|outcome|result|reaction|response|product|way of signalling|relationship problem|couple'?s? problem|marriage problem)`,
    reason: SHARED,
  },
  {
    pattern: `(?:a )?(?:message|symptom|sign|signal|outcome|cry for help) (?:about|of|from) (?:YOUR|the|an unhappy|a neglected|a dead|a broken) (?:relationship|marriage|bedroom|sex life)|(?:belongs|belonged) to both|(?:void|gap|distance|space) in the (?:relationship|marriage)|how that (?:void|gap|distance) was created|made (?:space|room) for this|(?:interaction|relational) pattern|the climate in which|in a vacuum`,
    reason: SHARED,
    negatable: false,
  },
  // She caused it.
  {
    pattern: `YOU (?:really |basically |practically |kinda |just |literally )?(?:drove|pushed|forced|sent|handed|gave) (?:HIM|your (?:husband|wife|partner|man|boyfriend))(?: \\w+){0,3}? (?:to (?:it|her|him|them|porn|escorts|the|cheat|look|find|stray)|into|away|elsewhere|out|right to)`,
    reason: CAUSE,
  },
  {
    pattern: `YOU (?:made|make|let|left|caused|created|neglected|rejected|refused|starved|ignored|emasculated|pushed|deprived|abandoned|failed|stopped|checked out|drifted|withheld|ghosted|froze|shut (?:him|her) out|turned (?:him|her) down)(?: \\w+){0,4}? (?:HIM|his|her|the marriage|the relationship|it easy|this happen|it happen|to meet|for years|away)`,
    reason: CAUSE,
    unless: /\b(?:did nothing|nothing you)\b/i,
  },
  { pattern: `YOUR ${HER_FAILINGS}(?: \\w+){0,4}? ${CAUSE_VERB}`, reason: CAUSE },
  // "Your neglect of him is the reason he went…", "your temper was a big part of why he…"
  {
    pattern: `YOUR ${HER_FAILINGS}(?: \\w+){0,4}? (?:is|was|are|were)(?: (?:probably|likely|partly|honestly|definitely|really))? (?:the|a|one|part of the|a big part of the|a (?:big|huge) part of|part of) (?:(?:real|main|big|biggest|whole|only) )?(?:reason|cause|why)\\b(?: (?:why|that))?(?: (?:HE|he'd|she'd|he's|she's))`,
    reason: CAUSE,
  },
  {
    pattern: `(?:HE|he's|he'd|she's|she'd)(?: [\\w']+){1,6}? (?:because|since|cause|cos|coz) (?:of )?(?:YOU|YOUR)\\b(?!'re| are| deserve| matter)`,
    reason: CAUSE,
    unless: /\b(?:HE|his) (?:chose|choice|decided)\b/i,
  },
  {
    pattern: `(?:HE|he'd|she'd) (?:wouldn't|would not|would never|might not|may not|won't|will not|never would)(?: \\w+){0,2}? (?:have )?(?:had to |needed to |need to |felt the need to )?(?:\\w+)(?: [\\w']+){0,6}? if (?:YOU|only YOU)`,
    reason: CAUSE,
    negatable: 'before',
  },
  {
    pattern: `if (?:only )?(?:YOU|you'd|YOU had|YOU hadn't|YOU were|YOU weren't|YOU did|YOU didn't)(?: [\\w']+){1,9}?,? (?:HE|he'd|she'd|your (?:husband|wife|partner|man)) (?:wouldn't|would not|would never|might not|may not|won't|wouldnt|never would|might never)`,
    reason: CAUSE,
    negatable: 'before',
  },
  {
    pattern: `(?:no wonder|small wonder|of course) (?:HE|he's|she's|your (?:husband|wife|partner|man))(?: \\w+){0,3}? (?:${STRAYED}|needed|wanted|went|found|looked|strayed|lies|lied|hides|hid)`,
    reason: CAUSE,
    // "no wonder" is not a negation of what follows.
    negatable: 'before',
  },
  {
    pattern: `what did YOU (?:expect|think would happen)|can YOU (?:really |honestly )?blame (?:HIM)|what did YOU do (?:to make|that made|to push|to drive)|wake-?up call`,
    reason: CAUSE,
  },
  {
    pattern: `(?:every ?time|whenever|when) YOU (?:bring|brought|nag|nagged|push|pushed|start|started|check|checked|question|questioned|get|got|refuse|refused)(?: \\w+){0,5}? (?:HE|he's|she's) (?:gets? triggered|acts? out|relapses?|goes|went|cheats?|looks?|hides?|lies?)`,
    reason: CAUSE,
  },
  {
    pattern: `(?:follows?|followed|after) YOUR (?:bad days|moods|fights|outbursts|rages)|(?:from|with|by) YOU (?:so |and )?HE (?:went|found|looked|turned)|(?:couldn't|didn't|wasn't) get(?:ting)?(?: \\w+){0,4}? (?:from YOU|at home)|what (?:YOU )?(?:weren't|were not) giving (?:HIM)`,
    reason: CAUSE,
    negatable: 'before',
  },
  {
    pattern: `HE (?:was|felt|must have felt|probably felt|must have been|was probably|probably was|clearly felt)(?: so)? (?:starved|lonely|unwanted|unseen|unloved|neglected|rejected|unappreciated|emasculated|invisible|abandoned|like a (?:cash machine|babysitter|roommate|flatmate|lodger|stranger|cashpoint|walking wallet))`,
    reason: CAUSE,
  },
  {
    pattern: `(?:did|does) (?:HE|your (?:husband|wife|partner)) (?:ever )?feel (?:like )?(?:he|she)? ?(?:came second|was second|neglected|unwanted|rejected|lonely|unappreciated|ignored|invisible|unloved)`,
    reason: QUESTION,
  },
  {
    pattern: `(?:his|her|their) (?:\\w+ )?needs (?:weren't|were not|went|were never|had not been|hadn't been)(?: being)? (?:met|unmet|fulfilled)|(?:meeting|meet|met|fulfil|fulfill|satisfy|satisfying) (?:his|her|their) needs|(?:what|which) needs of (?:his|hers)|met them elsewhere|unmet needs`,
    reason: CAUSE,
    negatable: 'before',
    unless: /\b(?:it's|its|that's|not) (?:his|her) (?:job|responsibility)\b/i,
  },
  // Rhetorical questions about her body, sex life, moods or attention.
  {
    pattern: `(?:have|did|do|were|are|was) YOU (?:still |ever |really |always |honestly )?(?:let yourself go|(?:making|make|made) (?:an|any) effort|(?:dress|dressing) up|(?:turning|turn|turned) (?:him|her) down|(?:saying|say|said) no|(?:give|giving|gave) (?:him|her) (?:a reason|attention|what)|(?:initiat\\w*)|(?:there for (?:him|her))|(?:make|making|made) (?:any )?time for (?:him|her))`,
    reason: QUESTION,
  },
  {
    pattern: `(?:how (?:often|much|many)|when|what) (?:\\w+ ){0,5}?(?:sex|intimate|intimacy|initiat\\w*|date night|bedroom|sex life|libido|weight|make ?up|gym|effort|affection|moods?|attention)`,
    reason: QUESTION,
    question: true,
  },
  {
    pattern: `(?:what|why) (?:was|were|is) (?:he|she|they) (?:not getting|missing|looking for|lacking|searching for)|(?:what|which) (?:was|were) missing (?:at home|in (?:your|the) (?:marriage|relationship|bedroom))|what (?:made|drove|pushed|led) (?:HIM)|(?:what|how) (?:changed|happened) (?:in|to|with) (?:you|your)|where was YOUR (?:attention|head|focus)|why was (?:he|she) able to|what (?:did|do) (?:YOU|you two) (?:do|bring|contribute) (?:to|that|wrong|differently)|what (?:was|were) (?:YOU|YOUR|you two)(?: \\w+){0,3}? (?:doing|like)`,
    reason: QUESTION,
    negatable: 'before',
    question: true,
  },
  {
    pattern: `(?:put|putting|step|stepping|imagine) (?:yourself )?(?:in|into) (?:his|her|their) (?:shoes|position|place)|(?:through|from) (?:his|her) (?:eyes|perspective|point of view|side)|imagine being (?:him|her)|(?:in|from) his (?:position|shoes)|if you were (?:in his shoes|him)|would YOU (?:want to )?(?:come home to|be tempted|stay faithful)|wouldn't YOU (?:want|be|look|need)`,
    reason: HIS_VIEW,
    negatable: false,
  },
  {
    pattern: `(?:do|does|did) YOU (?:still )?(?:look like|resemble) (?:the (?:woman|man|girl|guy|person)|you did)|(?:how much|what) weight (?:have )?YOU|since (?:you|the) (?:met|wedding|baby|kids)[^?]{0,60}\\?`,
    reason: QUESTION,
    question: true,
  },
  // Generalizations aimed at partners as a group.
  {
    pattern: `MEN (?:\\w+ ){0,4}?(?:${STRAYED}|stray|look|wander|go looking|need|want|only|don't|do not|never|will|are|read|escape)(?: [\\w']+){0,8}? ${HOME_LACK}`,
    reason: GENERAL,
    negatable: 'before',
    unless:
      /\b(?:plenty|myth|nothing to do with|not about|isn't about|about them|rubbish|nonsense|not true|even when|even if|regardless|no matter|and don't|and still|but don't)\b/i,
  },
  {
    pattern: `(?:MEN|he|they) (?:need|needs|want|wants|have|has|got|like|crave)(?: to)? (?:to )?(?:feel |be )?(?:wanted|desired|needs|respected|admired|appreciated|an outlet|a release|variety|attention|to feel like (?:a|the) man)`,
    reason: GENERAL,
    unless: /\b(?:but|doesn't mean|does not mean|not your job|excuse|myth|his own)\b/i,
  },
  {
    pattern: `MEN are (?:visual|simple|wired|hunters)|(?:a |that's |thats )?(?:human nature|biology)|(?:matters|important) to (?:guys|men)|(?:happy|satisfied|fulfilled|respected|loved) (?:man|husband|men|husbands|guy|guys|wife|wives) (?:doesn't|don't|does not|do not|never|won't)|(?:affairs|cheating|infidelity) (?:don't|doesn't|do not|does not|never) happen in (?:good|happy|healthy|strong)|nobody cheats on|(?:a wife|wives|a woman) (?:has|have|needs?) to keep (?:her|their) (?:husband|man|men)|(?:the )?(?:wife|partner|woman) always has a (?:part|role|hand)|(?:wives|women|partners) who (?:stop|refuse|don't|won't|let)(?: [\\w']+){1,6}? (?:shouldn't|can't|cannot) (?:be surprised|complain)|(?:wives|partners|spouses) (?:who|that) rejected (?:them|him)`,
    reason: GENERAL,
    negatable: 'before',
    unless:
      /\b(?:plenty|myth|nothing to do with|not about|isn't about|rubbish|nonsense|not true|excuse|nervous system|trauma biology)\b/i,
  },
];

// Shared-responsibility framings from couples-therapy talk, and generalizations with "when".
const MORE: RuleSpec[] = [
  {
    pattern:
      'both partners (?:\\w+ ){0,2}(?:created|co-created|contributed|built|neglected|let|allowed)|co-?creat\\w+|relational event|wears? (?:a|the|your) (?:partner|man|husband|wife) down|look(?:ing|s)? for relief|(?:men|guys|husbands|a man|people) (?:stray|cheat|wander|look elsewhere|go looking|act out)\\w* when',
    reason: SHARED,
    negatable: 'before',
  },
];

// Everyday blame clichés aimed at the partner.
MORE.push({
  pattern:
    "(?:should have|should've) seen (?:it|this) coming|(?:hold up|look in) a mirror|(?:ask|asked) yourself why|why do (?:you|u) think (?:he|she) (?:cheated|strayed|did it|looked|went)|(?:a man|men|guys|husbands) (?:has|have) needs|you (?:weren't|were not|never) there for (?:him|her)|you (?:changed|let things slide|took (?:him|her) for granted|stopped trying|put the kids first|were (?:always |too )?(?:busy|tired|cold|distant))|(?:dead|sexless) (?:bedroom|marriage)|keep (?:your|a) (?:man|husband|him) (?:happy|satisfied|interested)|take care of your (?:man|husband)|if you (?:don't|won't),? someone else will",
  reason: CAUSE,
  negatable: 'before',
});

// Shapes: a question about what she did (or failed to do) for him, a need that "they find" elsewhere if
// unmet, and her behaviour as the thing that "got to him".
const SHAPES: RuleSpec[] = [
  {
    pattern:
      'what did (?:you|u) (?:do|say|change) (?:about|for|when)|did (?:you|u) (?:ever |still )?(?:take him out|make time for him|initiate|dress up for him|pay (?:him )?attention|give him)',
    reason: QUESTION,
    question: true,
  },
  {
    pattern:
      '(?:men|women|husbands|wives|guys|people) need [\\w ]{1,30}? or (?:they|he|she) (?:find|look|go|stray|wander)|(?:cup|needs?) (?:is |are )?(?:full|met) at home|(?:the|your|all the|all that) (?:nagging|moaning|criticism|coldness|rejection|moods?)\\b[^.!?\\n]{0,40}?(?:got to|pushed|drove|wore (?:down|out)) him',
    reason: GENERAL,
  },
];

export const blameRules = compileRules('blame_shifting', [...SPECS, ...MORE, ...SHAPES]);
