import { compileRules, type RuleSpec, rawRule } from './rule.ts';
import {
  CHOKE_ON_OWN,
  CRISIS_REASONS,
  FIGURATIVE,
  IDIOM,
  IDIOM_OR_NONVIOLENT,
  NONVIOLENT_THREAT,
  NOT_CUT_OFF,
  NOT_ENDING_WITH,
  NOT_THE_MARRIAGE,
  notPast,
  OUT_OF_ACCOUNT,
  SPORT_JUMPS,
  TRACKER,
} from './crisis.ts';

// Crisis in general shapes rather than set phrases, because people in danger rarely use the words a list
// expects: a threat as "if I …, he'll …", violence done to "me", means of suicide beside a first person,
// and a wish not to be alive.
const ME = '(?:me|my|us|our|the kids|the children|mum|mom|the baby)';
const PARTNER =
  '(?:he|she|my (?:husband|wife|partner|ex|bf|gf|boyfriend|girlfriend)|his (?:ap|affair partner|girlfriend)|the ap)';
const HARM =
  '(?:hurt|kill|drive (?:us|me|us both|both of us|the car) (?:both )?(?:off|into)|take|regret|sorry|make sure|never (?:see|find|get|let|walk|be found|live)|end|ruin|destroy|find|come after|come for|do something|pay|suffer|burn|dead|die|break|throw|lock|sorry)';
/** A goodbye to a named thing, not to life ("said goodbye to the house", "goodbye, old life", "goodbye forever
 * to my old phone number"), or a last post somewhere on the site ("my last post in the 'still together'
 * board"). */
const NAMED_GOODBYE =
  /\bgoodbye(?: letter| forever)?,? (?:to )?(?:the|my|our|this|that|his|her|old)\b[^.!?\n]{0,20}?\b(?:house|home|flat|apartment|phone|number|car|job|life|marriage|ring|dress|town|city|board|section|church|group|sofa|bed|name|account|neighbou?rs?|street|village|garden|office|team|colleagues)\b|\blast (?:post|message) (?:in|on) (?:the|this|that) [^.!?\n]{0,30}?\b(?:board|section|thread|forum|group|sub)\b/;
const GOODBYE_UNLESS = new RegExp(`${FIGURATIVE.source}|${NAMED_GOODBYE.source}`, 'i');
const EVERYDAY =
  /\b(?:left|leaving|leave|kicked|threw) (?:him|her|them|my (?:husband|wife|partner|ex|bf|gf|boyfriend|girlfriend)|the (?:marriage|house|church)) (?:out )?for good|\b(?:phone|battery|laptop|plants?|houseplants?|flowers|tomatoes|garden|lawn|boiler|printer|wifi|router|fridge|tv|car|conversation|convo|chat|group chat|thread|fire|hopes?|dream|marriage|love|relationship) (?:\w+ ){0,2}?(?:died|dying|die)|(?:his|her|their|my|when|while) (?:dad|mum|mom|father|mother|gran\w*|nan|grandad|grandpa|uncle|aunt|brother|sister|friend)(?:'s)? (?:was |is )?(?:dying|death)|jump(?:s|ed|ing)? (?:every time|whenever|at every|when (?:the|my|his|a) )|(?:this|that|the|my|these|those) (?:\w+ ){0,2}?(?:is |are |will |'s )?(?:gonna |going to |will )?kill(?:ing)? me\b|(?:therapist|mum|mom|mother|boss|sister|friend|teacher|dentist|trainer|coach|counsellor|counselor|sponsor|doctor|kids|daughter|son|nan|gran) (?:would|will|'d|'ll|is going to|is gonna|gonna) (?:literally |actually )?kill me|bleeding (?:money|cash|£|\$)|chok(?:ed|ing) on (?:my |a |the |his |her )?(?:tea|coffee|drink|food|water|toast|dinner|lunch|breakfast|sandwich|crisps|popcorn|wine|laughter)|(?:chef's|kitchen|bread|steak|butter|carving|paring|pocket) knife|die on (?:that|this) hill|(?:it'll|it will|it'd|it would|that'll|that'd) be my funeral|overdos\w* on (?!(?:\w+ ){0,2}?(?:pills|tablets|paracetamol|meds|medication|sleeping|painkillers|insulin|heroin|drugs|antidepressants|my|his|her)\b)|disappear (?:for (?:a|the) (?:weekend|week|day|night|month|bit|while|few \w+)|to (?:a|an) (?:cabin|island|beach|spa|hotel|cottage|desert island))|(?:the|this|that|a|financial) burden of|knife skills|knife set|(?:bought|buy|new) (?:my own |some |new )?knives|(?:doctor|gp|dr) (?:gave|prescribed|put) me|(?:new|prescribed|prescription|repeat)\b[^.!?\n]{0,30}\b(?:tablets|pills|meds)\b(?![^.!?\n]{0,30}\b(?:saved|saving|stash|all|whole))|(?<!\b(?:kept|keeping|saved|saving|hid|hidden|hiding|stashed|hoarded|collected|counted|put)(?: \w+){0,3} )(?:tablets|pills|meds) (?:from|for (?:my )?(?:blood pressure|anxiety|sleep|panic|migraines?|thyroid))|walk(?:s|ed|ing)? (?:on|along|by) the cliffs?|dying (?:to|of|for|laughing)|die (?:of|for|laughing)|(?:cut|cutting) (?:out|back|down|ties|my hair|corners)|jump(?:ing|ed)? (?:in|on|at|to|start|through|ship|the gun|the fence|the queue|over)|blood (?:test|tests|work|pressure|sugar|type)(?! (?:pills|tablets|meds|medication))|jumping to conclusions|(?:paracetamol|ibuprofen|aspirin|painkillers?|tablets|pills)(?: \w+){0,3}? for (?:the|a|my|his|her) (?:headache|migraine|cold|flu|fever|period|cramps|back|toothache|hangover)|(?:phrase|saying|word|line|trend|expression|it|that|this|which)(?: i (?:wish|hope))? (?:would|will|should|could|can) (?:just )?die\b|pointless (?:argument|meeting|fight)|hopeless (?:romantic|case at)|gun to my head|like a knife|knife in (?:the|my) back|worthless (?:apology|promise)|dying inside|(?:pills|tablets|meds|medication) (?:\w+ ){0,5}?(?:make|made|makes) me (?:groggy|sleepy|drowsy|sick|tired|dizzy|foggy)|chok(?:ed|ing) up|choke back|bleeding (?:me|us|him) dry|(?:it|that|this|reality) (?:finally )?hit me|should (?:have )?kill(?:ed)? me|if anyone(?:'s (?:partner|husband|wife|ex|spouse)| (?:else |here |new )?(?:needs|wants|is struggling|is feeling|feels|has been|else))|dying (?:father|mother|dad|mum|mom|parent|gran\w*|grandad|grandpa|nan|husband|wife|friend|sister|brother|uncle|aunt)|anyone who (?:needs|is struggling|is feeling|feels|has been|reads)|literally dying|strangled by|jump(?:ed|ing)? out (?:from|at|of)|(?:character|player|avatar) (?:\w+ )?(?:dies|died|dying|keeps dying)|(?:this|that|it|the \w+) (?:is |will )?(?:gonna|going to|will)? ?kill me|(?:hit|banged|bumped|knocked) my (?:head|knee|elbow|toe|leg|arm|shin) (?:on|against) (?:the|a) (?!wall)(?![^.!?\n]*\b(?:until|till|bled|bleed|blood|stars|bump|bruised?|again and again|over and over|times)\b)/i;
const NOT_NOW = new RegExp(
  `${FIGURATIVE.source}|${EVERYDAY.source}|${SPORT_JUMPS} ?jump\\w*|${CHOKE_ON_OWN}|${NONVIOLENT_THREAT.source}|${NAMED_GOODBYE.source}`,
  'i',
);

const SPECS: RuleSpec[] = [
  rawRule(
    `if i (?:ever )?(?:leave|left|tell|told|go|take|took|divorce|report|call|show|try|speak|talk|mention|contact|move out)\\b[^.!?\\n]{0,80}?\\b(?:he|she|they)(?:'ll|'d| will| would| is going to| swore| said)\\b[^.!?\\n]{0,50}?\\b${HARM}|\\b(?:he|she|they)(?:'ll|'d| will| would)\\b[^.!?\\n]{0,50}?\\b${HARM}\\w*[^.!?\\n]{0,50}? if i (?:ever )?(?:leave|left|tell|go|take|divorce|report|call|show|try|talk|contact)`,
    CRISIS_REASONS.danger,
    { unless: IDIOM },
  ),
  rawRule(
    `${PARTNER}\\b[^.!?\\n]{0,40}?\\b(?:hit|hits|hitting|punch\\w*|slap\\w*|kick\\w*|chok\\w*|strangl\\w*|shov\\w*|grabb?\\w*|pinn?ed|pins|threw|throws?|beat|beats|beating|rap(?:ed|es|ing)|forc(?:ed|es|ing)|lock(?:ed|s)|trapp?\\w*|stalk\\w*|threaten\\w*|attack\\w*|spat|spit|dragg?\\w*|restrain\\w*|smash\\w*|bit|bites)\\b[^.!?\\n]{0,30}?\\b${ME}\\b`,
    CRISIS_REASONS.danger,
    { unless: IDIOM_OR_NONVIOLENT, check: notPast },
  ),
  rawRule(
    '(?:pills|tablets|paracetamol|painkillers|sleeping pills|meds|blades?|razors?|rope|noose|gun|rifle|bridge|cliff|tracks|motorway|balcony|roof|ledge|overpass|car park roof)\\b[^.!?\\n]{0,60}?\\b(?:thinking|think|thought|staring|stare|counting|counted|holding|enough|ready|done|end|jump|over the edge|all of them)|(?:thinking|think|thought|keep thinking|staring|counting|holding|looking at|sitting with|sat with|bought|got|have|stockpiled) (?:about )?(?:the |my |his |a |all (?:the |my )?|some )?(?:pills|tablets|paracetamol|painkillers|sleeping pills|blades?|razors?|rope|noose|gun|rifle|bridge|cliff|train tracks|tracks|ledge|edge)\\b',
    CRISIS_REASONS.plan,
    { unless: FIGURATIVE, check: notPast },
  ),
  rawRule(
    "(?:want|wanna|wish|rather|hope|ready|going|planning|plan|decided|better|easier|tempted|urge) (?:to |i |i'd |if i )?(?:just |simply |quietly )?(?:die|be dead|not (?:be |wake |exist|live)|disappear|stop existing|stop living|end (?:it|things|everything)" +
      NOT_ENDING_WITH +
      "|end my life|sleep forever|never wake|go to sleep forever|be gone|wasn't here|weren't here|was gone|were gone)",
    CRISIS_REASONS.self,
    { unless: NOT_NOW, check: notPast },
  ),
  rawRule(
    "(?:this is|saying|say|said) (?:my )?goodbye|final (?:post|message|goodbye)|last (?:post|message) (?:from me|here|ever)|won't be here (?:tomorrow|much longer|for long|by)|(?:take care of|look after) (?:my|the) (?:kids|children|cat|dog|son|daughter) for me|(?:affairs|things) in order|(?:everyone|they|the kids|my kids|my family|my children|he|the world) (?:would be|will be|are|is|'d be) (?:so much |much |all )?better off(?! (?:with(?:out)? him|with him out|without (?:their|his) (?:dad|father)|now (?:that )?he|since he))|(?:a|such a) burden (?:to|on) (?:everyone|them|my|the)|(?:cut|cutting|burn|burning|hurt|hurting|harm|harming|punish|punishing|scratch|scratching|starv\\w+|bruis\\w+) (?:myself" +
      NOT_CUT_OFF +
      '|my body|my skin|my arms?|my legs?|my wrists?|my thighs?)',
    CRISIS_REASONS.plan,
    { unless: GOODBYE_UNLESS, check: notPast },
  ),
  rawRule(
    "(?:not|don't|do not|never) feel(?:ing)? safe|scared for my (?:life|safety|kids)|(?:afraid|scared|terrified) (?:of what he(?:'ll| will| might)|he(?:'ll| will| might| could) (?:hurt|kill|do something)|to go home|for my life)|(?:called|call|calling) the police (?:on him|because|when|after)",
    CRISIS_REASONS.danger,
    { unless: IDIOM },
  ),
];

// Recall first: a risk word in a sentence about the writer (or done to her) is enough, unless it is one
// of the everyday idioms ("my phone died", "dying to know", "cutting back on sugar").
const RISK_WORDS =
  "suicid\\w*|kill (?:myself|me|us|her|the kids)|\\bdie\\b|dying|end (?:it|things)(?! (?:with|all with|between|off))|end my life|overdos\\w*|pills|tablets|blades?|razors?|bleed\\w*|blood\\b|noose|hang myself|jump(?:ing|ed|s)?\\b|cliff|gun|knife|knives|hopeless|worthless|pointless|burden|goodbye|give up on (?:life|everything|myself)|can't (?:go on|do this anymore|take (?:it|this|any ?more)|cope)" +
  NOT_THE_MARRIAGE +
  "|scared of (?:myself|him|what (?:he|she|they|i)(?:'ll|'d| will| would| might| could| may) (?:do|try))|(?:hurt|harm|punish|cut|burn|starve) myself" +
  NOT_CUT_OFF +
  "|(?:hit|hits|punch\\w*|slap\\w*|kick\\w*|chok\\w*|strangl\\w*|shov\\w*|grabb?\\w*|threaten\\w*|bruis\\w*) (?:me|my|us)|unsafe|not safe|trapped|(?<!\\b(?:i|we) (?:just |literally |basically |totally |kinda |even |also )?)(?:stalk(?!ing\\b)\\w*|(?<!\\b(?:i'm|im|i am|i was|i've been|ive been|i been) (?:just |literally )?)stalking)|following me|" +
  TRACKER +
  '|weapon' +
  // A broader lexicon for wordings no list of set phrases covers, still only beside a first person.
  "|paracetamol|zopiclone|sleeping (?:pills|tablets)|swallow(?:ed)? (?:a lot|all|the|too many|more)|how many [\\w ]{0,30}(?:it takes|it would take|would it take|to take)|(?:won't|don't|never|not) wake up(?! in (?:\\w+ )?(?:years?|months?|weeks?|decades?))|disappointed i woke|never been born|undo being alive|stop being alive|signing off for good|(?:if|in case) i (?:don't|never) (?:log in|post|come back|write|check in) again|(?:pillow|hand|hands) over my (?:face|mouth)|(?:punched|hit|kicked|smashed) (?:the|a) (?:wall|door)|next to my head|never see (?:the|my|our) (?:kids|children|baby|son|daughter)|knows people who|screenshot of where i|(?:checks|tracks|monitors|watches) my (?:location|phone)|what i want (?:at|for) (?:the|my) (?:service|funeral)|motorway bridge|car keys[^.!?\\n]{0,40}(?:bridge|motorway)|(?:locked|locks) me (?:in|(?!" +
  OUT_OF_ACCOUNT +
  ')out)|(?:strangl|chok)\\w*|sleep forever|not (?:being|be) here' +
  // Categories rather than phrases, each still only in a sentence about the writer or about no one else:
  // places and means, the finality of a goodbye, softened words for dying, self-injury, and a partner's
  // violence, surveillance and threats.
  "|(?:overpass|quarry|crossings?|platform|bridge|cliff|roof|ledge)[^.!?\\n]{0,60}?\\b(?:edge|working up|let (?:\\w+ )?trains? go|step off|jump)|(?:sat|sit|sitting|stood|stand|standing|parked|parking) (?:\\w+ ){0,4}?(?:at|on|by|near) the (?:edge|overpass|quarry|crossing|platform edge|bridge|cliff|roof)|walk(?:ing|ed)? into the (?:sea|river|lake|water)|(?:step|walk|jump|throw myself)\\w* in front of|step off (?:the )?(?:edge|platform|ledge|roof|bridge)|beam[^.!?\\n]{0,30}(?:hold|rope)|(?:car|bus|train|lorry) (?:doesn't|didn't|won't) stop" +
  "|(?:be|is) my (?:last|final) (?:post|message)|goodbye (?:everyone|all|friends)|thank you (?:all )?for everything|take care of yourselves|(?:gave|giving|given) (?:away )?(?:my|all my) (?:dog|cat|pets?|things|belongings|possessions)|where (?:the|my) will is|sorted (?:out )?my (?:accounts|affairs|will)|(?:not|won't) (?:gonna |going to )?be (?:on )?(?:here|around) (?:much|for) long(?:er)?|stick around (?:long enough|much longer|for long)|(?:only|still) (?:alive|here) because of (?:the|my)|make it (?:to|through) (?:the )?morning|if i (?:just )?(?:went|go) quiet" +
  "|end(?:ing)? it\\b(?! (?:with|all with|between))(?!,? (?:the|our|my) (?:marriage|relationship))|call me home|leave this world|(?:fall asleep|go to sleep) and (?:stay asleep|not wake)|forward to dying|my (?:own )?funeral|ideation|(?:identified|found|chosen|picked|decided on|have) a method|(?:planning|planned|plan|worked out|working out|figured out|figuring out) how (?:to|i'd|i would|i'll|i will) do it\\b|nothing on the other side|insurance pays? out|(?:and|to) (?:not|never) come back\\b|(?:no|not having (?:a|one)|the only) future(?: i can picture)? is not having one" +
  '|(?:bang|banging|hit|hitting) my head (?:against|on|into) the (?:\\w+ )?wall|(?:pick|picking|claw|clawing|scratch|scratching|dig|digging|gouge|gouging)(?: at| into)? my (?:skin|face|arms?|legs?|wrists?)|long sleeves|split the skin|(?:knuckles|fist|head) (?:into|through) (?:the )?(?:glass|mirror|wall|window)' +
  "|(?:sat|sits|knelt|kneeling) on (?:my chest|my back|top of me)|held me (?:under|down)|(?:squeez|grabb|press)\\w* my (?:neck|throat)|(?:found|hidden|taped|hid)\\w* (?:an? )?(?:airtag|tracker|spyware)|(?:airtag|spyware|tracker) (?:on|in|under) my (?:car|bag|phone|laptop)|(?:he|he's|he'd|he has|he had|ex) (?:\\w+ ){0,3}?(?:shared|sharing|track\\w*) my (?:phone's |phone )?location|hammer (?:by|under|beside|next to)|(?:post|share|send|put|leak|release)\\w* (?:my|the|our) (?:nudes|intimate \\w+)|(?:videos?|photos?|pictures?) of me (?:\\w+ ){0,3}?(?:online|to my (?:boss|family|work|parents))|can't have me|(?:drive|crash) (?:the car )?(?:into|off) (?:a|the) (?:tree|wall|bridge|cliff|river)" +
  // Further forms of the same categories, still only about the writer.
  // Indirect wordings by category: not being here and others better off, finality, knowing the means, a
  // partner's threat in other words, self-injury again, a road or a car as the means, wishing for illness.
  "|if i (?:wasn't|weren't|was not|were not|wasnt|werent) (?:here|around|alive)|(?:get|have|got) (?:their|his|her|your) li(?:fe|ves) back (?:if|without|once) (?:i|me)|better off (?:not (?:watching|seeing|having) me|without (?:me|mum|mom|their (?:mum|mom|mother)))|(?:a|just a|such a) (?:weight|drain|burden) (?:on|to|for) (?:all of )?(?:them|everyone|my)" +
  "|(?:logging|signing|checking|clocking) off for good|the (?:kind|sort) (?:you|that you|one) (?:don't|dont|never) (?:come back|wake up) from|(?:always|there's|there is) (?:the|an) (?:exit|way out)\\b|nothing (?:coming|left|waiting) (?:after this|for me)|(?:going to|gonna|will) stop soon anyway|(?:had|have had|i've had) a good innings|not planning on (?:a|the|being (?:here|around) (?:for|at)) (?:summer|christmas|birthday|future|next year|spring|autumn|winter)|whatever (?:it is )?(?:that )?(?:makes|keeps) people (?:keep )?going|lost (?:the|my) (?:will|reason) to (?:live|keep going|go on)" +
  "|know(?:s)? exactly (?:what and how much|how much|how (?:i'd|i would|i'll|to))|(?:would|could|will) do the job|(?:picked|chosen|set) (?:the|a) date(?![^.!?\\n]{0,40}\\b(?:tell|filing|file|divorce|move|leave him|wedding|court|solicitor|lawyer))|(?:plan|planning|planned) (?:my|your) own funeral|picked the readings|(?:don't|do not) want to be talked out of" +
  "|if (?:i|he|she) can(?:'t|t|not) have (?:you|me|her),? (?:no one|nobody|no-one|noone) (?:can|will|else)|take (?:her|me|us) (?:down )?with (?:him|her)|(?:you|she|i) won't get far|(?:we|we'd|we should|let's) (?:all )?(?:just )?(?:go|drive) (?:over|off) the edge|(?:women|wives|girls) who [\\w ]{0,30}(?:are|get) killed|(?:said|told him|asked him) (?:no|to stop)\\b[^.!?\\n]{0,30}(?:didn't|wouldn't|did not|would not) stop|reporting on (?:when|where) i|(?:when|where) i come and go" +
  '|new (?:marks|cuts)|fresh (?:cuts|marks)|went back to the real thing|(?:drift|veer|swerve|steer|aim)(?:ing|ed)? (?:\\w+ )?(?:across|into|at|towards?) (?:the )?(?:oncoming|other lane|lorry|pillar|concrete|wall|tree|traffic|central reservation)|(?:cross|crossing|crossed|walk|walking) (?:\\w+ )?roads? without looking|stopped caring (?:if|whether) (?:anything|a car|something|a lorry)|how easy it would be to|hoping (?:it|the (?:results?|scan|biopsy|lump)) (?:would be|was|is) (?:bad|cancer|serious|the worst)' +
  "|(?:i'm|im|i am) on (?:the|a) (?:bridge|roof|ledge|balcony|edge|tracks)|(?:standing|stood|sitting|sat) on (?:the|a|my) (?:bridge|roof|ledge|balcony|railing|tracks)|(?:the|a) hose(?:pipe)?\\b|(?:this is|this'll be|this will be) (?:the|my) last (?:one|post|message)|(?:not|never) coming back (?:on )?here|while i still can|if anything happens to me|(?:look after|take care of) my (?:\\w+ )?(?:dog|cat|kids|children) if|who gets the (?:dogs?|cats?)|(?:(?:don't|dont|do not|didn't|didnt) )?deserve to (?:be alive|live)|being dead|(?:won't|wont|not going to) survive (?:it|this)|woke up disappointed|to be missed|come to (?:the|my) funeral|without me in it|ways to go|want out,? permanently|(?:pain|it|everything) to stop (?:for good|forever|permanently)|stockpil\\w+|saving (?:the|my) (?:new )?(?:ones|meds|pills|tablets)|(?<!\\b(?:i|i've|ive|i'd|i have) (?:\\w+ )?)(?:broke|broken|cracked|fractured) (?:\\w+ (?:of )?)?my (?:nose|arm|ribs?|jaw|wrist|finger|cheekbone|collarbone|eye socket)|unaliv\\w*|\\bkms\\b|\\bctb\\b|sewer ?slide|s\\*\\*?cide|(?:won't|wont|will not|might not|may not|probably won't) be (?:here|around) (?:for|to see|when|by)|stopped taking my (?:\\w+ )?(?:insulin|antidepressants|sertraline|lithium|heart meds)|let nature decide|saving (?:my|the) \\w+ instead of taking|(?:weeks?|months?)'? worth (?:of (?:pills|tablets|meds)|in a (?:sock|drawer|bag|box|tin))|(?:googled|searched|looked up|researching|researched) (?:\\w+ ){0,4}?(?:bridges?|heights|doses?|lethal|painless|methods?)|(?:train line|railway|tracks|level crossing)[^.!?\\n]{0,60}timed it|(?:beam|banister|bannister|loft hatch)[^.!?\\n]{0,40}(?:cord|belt|rope|scarf|cable)|no point (?:in )?(?:waking|getting) up|half hoping|finish(?:es)? the job|(?:walk|walked|walking|cross|crossed|crossing|stepped|ran) (?:straight )?(?:across|into|out into|onto) (?:the |a )?(?:\\w+ )?(?:road|carriageway|motorway|traffic|street|junction)[^.!?\\n]{0,30}without looking|swam (?:out )?(?:way )?past|stop taking up space|(?:not eating|starving myself|skipping meals)[^.!?\\n]{0,30}(?:punish|deserve)|haven't eaten (?:properly )?(?:since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:days|\\d+ days|a week))|feels finished|(?:told|texted|messaged|rang|called) (?:everyone|all the people) i love|(?:want|wanted) (?:her|him|them|you) to have (?:it|them) now|join (?:\\w+ ){0,3}?in heaven|pistol|handgun|firearm|revolver|dragg?\\w* me\\b|by my hair|pulled my hair|(?:lighter|flame|cigarette|iron) (?:to|against|on) my (?:hair|skin|face|arm|hand)|(?:don't|do not|dont) get to say no|(?:doesn't|does not|won't|didn't|wouldn't) stop when i (?:cry|cried|say no|said no|beg)|have to (?:sleep with|have sex with) him (?:first|to|before|or)|can't hide from (?:me|him|her)|put (?:me|you|her) through (?:the|a) (?:window|wall|door)|finish what (?:he|she|they) started|end up in (?:the|a) (?:river|canal|ditch|lake|ground|morgue)|(?:what|which) school (?:your|the|my) (?:kids|children|son|daughter)|i know where (?:you|your) (?:live|work|kids)|(?:described|knew|knows|told me) what i (?:was|am) wearing|coming (?:for|after) (?:me|you|us)|take (?:the|our|my) (?:baby|kids|children|son|daughter) and (?:vanish|disappear|run|leave the country)|(?:turned|switched|turn) off (?:my )?location[^\\n]{0,80}back on|banging on the (?:door|window)|look like an accident|found in a ditch|(?:punched|hit|smashed) (?:the|a) (?:mirror|window|glass)|stopped eating(?! (?:dinner|lunch|breakfast|meals|together|out|meat|sugar|gluten|dairy|with)\\b)";
const FIRST_OR_DONE_TO_ME = /\b(?:i|i'm|im|i've|i'd|i'll|me|my|myself|we|us)\b/i;
const ABOUT_OTHERS =
  /\b(?:you|your|he|she|they|him|her|his|their|them|someone|somebody|people|anyone|friend|character|teenagers|kids|children|men|women|partners)\b/i;

/** A sentence whose risk words are an idiom or everyday talk ("my phone died", "this heat will finish me
 * off"): the crisis model's flag is dropped for it, as the patterns are. */
export function isIdiomatic(sentence: string): boolean {
  return NOT_NOW.test(sentence);
}

SPECS.push(
  rawRule(RISK_WORDS, CRISIS_REASONS.risk, {
    unless: NOT_NOW,
    check: (match, text, index) => {
      const from = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('\n', index)) + 1;
      const sentence = text.slice(from, index + match.length + 80);
      // Chat drops the "I" ("took a lot of tablets", "goodbye everyone x"): a sentence about no one else counts.
      // "I'm not scared of him", "you're not a burden": every crisis match is checked for a denial
      // before it (crisisDenied in crisis.ts, through classify.ts).
      return (FIRST_OR_DONE_TO_ME.test(sentence) || !ABOUT_OTHERS.test(sentence)) && notPast(match, text, index);
    },
  }),
);

export const generalCrisisRules = compileRules('crisis', SPECS);
