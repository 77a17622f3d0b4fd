import { compileRules, type RuleSpec, rawRule } from './rule.ts';

const CONTACT = 'This shares contact details that could identify someone.';
const HANDLE = 'This shares a social-media handle or profile that could identify someone.';
const PLACE = 'This shares an address or vehicle detail that could identify someone.';
const PERSON = 'This names a person together with details that could identify them.';
const WORK = 'This names a workplace or school that could identify someone.';
const STAY = 'This shares where someone is staying, down to the room, which could identify or endanger them.';
const ID_NUMBER = 'This shares a licence, registration or ID number that could identify someone.';
/** Jobs that, beside a name or a workplace, point at one person. Not a member's own helpers ("my counsellor at
 * Relate"): a national service names nobody. */
const JOBS =
  '(?:nurse|manager|receptionist|teacher|physio|hygienist|midwife|dentist|doctor|solicitor|lawyer|accountant|engineer|cashier|barista|secretary|trainer|instructor|surgeon|chef|bartender|realtor|clerk|supervisor|[Tt]eaching assistant|pastor|paramedic|pharmacist|director|consultant|vet)';

const NAME = "[A-Z][a-z]{1,30}(?:['’-][A-Za-z]{1,20})?(?: [A-Z]\\.)? [A-Z][a-z]{2,30}(?:['’-][A-Za-z]{1,20})?";
const ORG_WORD = "(?:[A-Z][A-Za-z'’&.-]{0,30}|&|of|the|and)";
// A day, a month or a holiday is not an organisation ("a solicitor booked for Tuesday").
const NOT_ORG =
  '(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter|Thanksgiving|Halloween)\\b)';
const ORG = `(?:the )?${NOT_ORG}[A-Z][A-Za-z'’&.-]{0,30}(?: ${ORG_WORD}){0,5}`;
const PLATFORM =
  '(?:insta(?:gram)?|ig|twitter|x|tiktok|telegram|snap(?:chat)?|facebook|fb|threads|discord|whatsapp|signal|kik|venmo|cash ?app|onlyfans|reddit|youtube|hinge|tinder|bumble|grindr|linkedin|wechat|viber|kakao|etsy|ebay|depop|vinted|patreon|twitch|steam|pinterest|the site|the forum)';
/** The common platforms as written with capitals, for the rules that read names in the original text. */
const PLATFORM_CASED =
  '(?:[Ff]acebook|FB|[Ff]b|[Ii]nsta(?:gram)?|IG|[Ss]nap(?:chat)?|[Tt]ik[Tt]ok|[Tt]witter|[Ll]inked[Ii]n|[Hh]inge|[Tt]inder|[Bb]umble|[Gg]rindr|[Ee]tsy|[Yy]ou[Tt]ube|[Oo]nly[Ff]ans|[Ww]hats[Aa]pp)';

// Two capitalised words are often not a person: a sentence opening ("In Australia"), a book title, a helpline.
const NOT_A_NAME =
  /^(?:He|She|It|I|We|They|My|Our|Your|His|Her|Their|The|This|That|There|What|When|Why|How|In|On|At|For|From|To|Not|Just|After|Before|And|But|Or|If|As|So|All|Every|Last|Next|Honestly|Sorry|Hi|Hello|Dear|Sending|Thank|Thanks|Happy|Merry|Good|God|Jesus|New|National|Ashley|Oh|Team|Helping|Saint|Mount|Lake|Lady|Lord|King|Queen|Prince|Princess|Captain|Uncle|Aunt|Auntie|Grandma|Grandpa|Nana|Mum|Mom|Dad|Mummy|Daddy)\b|\b(?:Helpline|Hotline|House|Line|Trust|Foundation|Anonymous|Spouse|Betrayal|Recovery|Trauma|Addiction)\b/;
const AUTHOR_CONTEXT =
  /\b(?:by|book|author|wrote|podcast|chapter|read|reading|recommended|syllabus|novel|film|movie|song|album|series|singer|band|concert|tour|marathon)\b/i;
function looksLikePersonName(match: string, text: string, index: number): boolean {
  const name =
    /[A-Z][a-z'’-]+(?: [A-Z]\.)? [A-Z][a-z'’-]+$|[A-Z][a-z'’-]+(?: [A-Z]\.)? [A-Z][a-z'’-]+(?=\W*$)/.exec(match)?.[0] ??
    match;
  if (NOT_A_NAME.test(name) || insideQuotes(text, index)) return false;
  return !AUTHOR_CONTEXT.test(text.slice(Math.max(0, index - 40), index + match.length + 40));
}

/** A title in quotation marks ("The Body Keeps the Score") is not a person. */
function insideQuotes(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index) + 1;
  const before = text.slice(lineStart, index);
  return (before.match(/["“”]/g)?.length ?? 0) % 2 === 1 || /(?:^|\s)['‘][^'’]*$/.test(before);
}

const DIGIT = /\d/g;
// Public helplines are shared to help, and identify nobody.
const HELPLINE =
  /\b(?:helpline|hotline|samaritans|refuge|lifeline|crisis (?:line|text)|pieta|nhs|samhsa|national)\b|^(?:0800|0808|1-?800|1800|116|988|111)/i;
// An order, tracking or booking number right before the digits: "Order 204-8873115-5519", "tracking no. …".
const REFERENCE_BEFORE =
  /\b(?:order|tracking|ref(?:erence)?|invoice|receipt|booking|confirmation|case|claim|policy|parcel|shipment|transaction)(?:\s*(?:no\.?|number|num|#|id|code))?[\s:#.]*$/i;
function looksLikePhone(match: string, text: string, index: number): boolean {
  if (HELPLINE.test(match) || HELPLINE.test(text.slice(Math.max(0, index - 100), index + match.length + 60)))
    return false;
  if (REFERENCE_BEFORE.test(text.slice(Math.max(0, index - 30), index))) return false;
  const digits = match.match(DIGIT)?.length ?? 0;
  // Seven digits only in the 555-0123 shape; otherwise a phone number has nine or more digits.
  return digits >= 9 ? digits <= 15 && !/^\d{4}-\d{2}-\d{2}$/.test(match) : /^\(?\d{3}[ .-]\d{4}$/.test(match);
}

const HANDLE_CONTEXT = new RegExp(
  `\\b(?:${PLATFORM}|follow|dm|message|add me|find me|handle|account|profile|page)\\b`,
  'i',
);
/** "@mel_rebuilding it's your sister", "hey @mo_k did u get home": a member addressed by her name on the site at
 * the start of a message, not a handle shared. */
const ADDRESSED = /(?:^|\n)\s*(?:(?:hi|hey|thanks|thank you|ty|ok|okay|aw+|oh|lol|yes|no),?\s+)?$/i;
function looksLikeHandle(match: string, text: string, index: number): boolean {
  const near = HANDLE_CONTEXT.test(text.slice(Math.max(0, index - 80), index + match.length + 80));
  if (ADDRESSED.test(text.slice(0, index)) && !near) return false;
  return near || /[\d_.]/.test(match.slice(1));
}

const SPECS: RuleSpec[] = [
  rawRule(
    '(?<![\\w.+-])(?:[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,4}|[\\w.+-]{1,64} ?[([]at[)\\]] ?[\\w-]{1,63} ?[([]dot[)\\]] ?[a-z]{2,6})',
    CONTACT,
    { bare: true, needs: ['@', 'at)', 'at]'] },
  ),
  rawRule('(?<![\\w+])\\+?\\(?\\d[\\d ().-]{5,16}\\d(?![\\w])', CONTACT, { bare: true, check: looksLikePhone }),
  rawRule(
    '(?:zero|one|two|three|four|five|six|seven|eight|nine|oh)(?:[ ,-]+(?:zero|one|two|three|four|five|six|seven|eight|nine|oh)){8,}',
    CONTACT,
  ),
  rawRule('(?<![\\w.@])@[a-z0-9_](?:[a-z0-9_.-]{1,29}[a-z0-9_])', HANDLE, {
    bare: true,
    check: looksLikeHandle,
  }),
  rawRule(
    `\\b${PLATFORM}(?:\\s+(?:is|as|id|handle|name|username|profile|page|account|me|on|at|it's|its))*\\s*[:=]?\\s*['"‘“]?@?(?=[a-z0-9_.#-]*(?:[\\d_]|\\w\\.\\w))[a-z0-9_.#-]{3,31}[a-z0-9_]`,
    HANDLE,
  ),
  rawRule(
    `\\b${PLATFORM} (?:name|username|handle|profile|account|shop|store|channel)(?: is|:) ['"‘“]?[a-z0-9_.-]{4,32}`,
    HANDLE,
  ),
  // A full name given as where to find someone: "find me on fb, Rosalind Achterberg", "Rhona McAllister on Facebook".
  rawRule(`${PLATFORM_CASED}\\W{1,3}(?:(?:it's|its|is|as) )?${NAME}|${NAME} on ${PLATFORM_CASED}\\b`, HANDLE, {
    bare: true,
    caseSensitive: true,
    check: looksLikePersonName,
  }),
  rawRule(`\\b(?:${PLATFORM}) (?:as|is|was|:) ['"‘“][^'"’”\\n]{3,40}['"’”]`, HANDLE, { bare: true }),
  // Handles written with a symbol: a subreddit user, a payment tag, a gaming tag.
  rawRule(`(?<![\\w/])u/[a-z0-9_-]{3,}|(?<![\\w$])\\$[a-z][a-z0-9_]{3,}|(?<![a-z0-9])[a-z0-9]{1,32}#\\d{4}`, HANDLE, {
    bare: true,
    needs: ['u/', '$', '#'],
  }),
  rawRule(
    '(?<![\\w.@/-])(?:https?://)?(?:www\\.)?(?:[a-z0-9-]{1,63}\\.){1,4}(?:com|co\\.uk|org|net|blog|gg|me|io|uk)(?:/[^\\s,]{0,200})?',
    HANDLE,
    { bare: true, needs: ['.com', '.co', '.org', '.net', '.blog', '.gg', '.me', '.io', '.uk'] },
  ),
  rawRule(
    '\\d{1,5}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Crescent|Place|Pl|Boulevard|Blvd|Terrace|Gardens|Grove|Hill|Park|Row|Mews|Square|Walk)\\b\\.?|\\d{1,5} [a-z]+ (?:street|st|road|rd|avenue|ave|lane|drive|close|way)\\b|(?:on|at) [A-Z][a-z]+ (?:Street|Road|Avenue|Lane|Drive|Close)(?: \\w+){0,4}?,? number \\d+|number \\d+ [A-Z][a-z]+ (?:Street|Road|Avenue|Lane)',
    PLACE,
    { bare: true, caseSensitive: true },
  ),
  rawRule(
    '\\b[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}\\b|\\b[A-Z]{2}\\d{2} ?[A-Z]{3}\\b|(?:[Rr]eg|[Pp]late|[Rr]egistration|[Nn]umber plate)(?: is| number)?:? [A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,4}',
    PLACE,
    {
      bare: true,
      caseSensitive: true,
    },
  ),
  rawRule(
    `(?:(?:[Hh]is|[Hh]er|[Mm]y|[Tt]heir) (?:\\w+ )?name(?:'s| is)|Name(?:'s| is)|(?:is|was) called|named|I'm|I am|is|was|called|as) ${NAME}|${NAME}(?=,? (?:\\d{2}|who|from|at|she|he|my|works|runs|owns|teaches|lives|goes)\\b|[,.] (?:an? |the )?(?:[A-Za-z]+ )?${JOBS}\\b|(?:, | \\(| in )[A-Z][a-z]{2,})|(?:Dr|Mr|Mrs|Ms|Miss|Pastor|Councillor|Father|Rev|DC|PC|DS|Sgt|Coach|Staff Nurse|Nurse)\\.? ${NAME}`,
    PERSON,
    {
      bare: true,
      check: looksLikePersonName,
      caseSensitive: true,
    },
  ),
  rawRule(
    `\\b(?:works?|working|worked|teach(?:es)?|teaching|${JOBS}|payroll|lectures?|coaches|runs|owns|partner|head of \\w+|foreman|firefighter|officer|drives for|employed|student|job|shift|volunteers?|studies|studying|plays|swims?|trains?) (?:\\w+ ){0,3}?(?:at|for) ${ORG}(?: (?:in|of|on) [A-Z][a-z]+(?: [A-Z][a-z]+)?)?|(?:go(?:es)?|is|are) (?:in [A-Z][a-z]+ \\d+ )?(?:to|at) ${ORG} (?:Primary|Elementary|Academy|Grammar|High|School|Juniors|College|Nursery)|(?:Year|Grade) \\d+ at ${ORG}|\\b(?:at|to|attends?) ${ORG} (?:Primary|Elementary|Academy|Grammar|High|Middle|School|Montessori|Nursery|College|Church|Lutheran|Baptist|Methodist|Catholic|Presbyterian|Parish|Chapel|Mosque|Synagogue|Temple|Clinic|Hospital|Surgery|Dentistry)(?: School| Church)? (?:in|on|,) [A-Z][a-z]+|the only (?:\\w+ ){0,3}(?:at|in) (?:the )?${ORG}|\\b(?:owns|runs|manages) ${ORG}(?: in|,) [A-Z][a-z]{2,}`,
    WORK,
    { bare: true, caseSensitive: true },
  ),
  // Chat writes places and addresses in lower case: a named street or a corner, a PO box, "dot com".
  rawRule(
    "(?:on|at|off|in) (?!(?:the|a|my|our|his|her|this|that|every|each|any|one|no|main|high|side|back)\\b)[a-z0-9']+(?: [a-z0-9']+)? (?:st|street|rd|road|ave|avenue|lane|ln|blvd|boulevard)\\b(?! (?:smart|food|fashion|style|cred)\\b)|corner of [a-z0-9]+(?: [a-z]+)? and [a-z0-9]+\\b|\\bpo box \\d+",
    PLACE,
  ),
  rawRule('[a-z0-9._-]+(?: dot [a-z0-9]+)* at [a-z0-9-]+ dot (?:com|co|org|net|uk)\\b', CONTACT, { needs: [' dot '] }),
  // "I'm at the Travelodge on the A38, room 214": where she is hiding, or where they meet.
  rawRule(
    "(?:travelodge|premier inn|motel|hotel|inn|lodge|b&b|airbnb|holiday inn|hostel)\\b[^.!?\\n]{0,60}?\\broom (?:number )?\\d{1,4}[a-z]?\\b|\\broom (?:number )?\\d{1,4}[a-z]? (?:at|in) (?:the )?[a-z' ]{0,30}?(?:travelodge|premier inn|motel|hotel|inn|lodge|b&b|hostel)\\b",
    STAY,
    { needs: ['room'] },
  ),
  rawRule(
    '(?:licen[cs]e|registration|badge|employee|passport|ssn|social security|nhs|staff) (?:number |no\\.? |id )?(?:is |was )?#?:? ?[a-z]{0,3}-?\\d[\\d-]{4,}\\d',
    ID_NUMBER,
  ),
];

export const identifyingRules = compileRules('identifying_info', SPECS);
