import { describe, expect, it } from 'vitest';
import { classify } from '../src/index.ts';
import { labelsOf } from './expect-label.ts';

// One case per principle of GUIDELINES.md. These sentences are written for the tests, not taken from the
// shared check set.

describe('harmful replies are caught', () => {
  it.each([
    ['If you had paid him more attention he would not have needed to look at other women.', 'blame_shifting'],
    ['You drove him straight to her with all that nagging.', 'blame_shifting'],
    ['It takes two to wreck a marriage, sweetheart.', 'blame_shifting'],
    ['Your checking is a codependent habit, plain and simple.', 'codependency_label'],
    ["Honestly you're enabling him by staying.", 'codependency_label'],
    ["Come on, it's only porn. Every guy watches it.", 'minimizing'],
    ['That was ages ago, you need to let it go.', 'minimizing'],
    ["You're being so dramatic about a few texts.", 'invalidating'],
    ['I have decided to end my life this weekend.', 'crisis'],
    ['Write to me at rosie.mends@example.org', 'identifying_info'],
  ] as const)('%s → %s', (text, label) => {
    expect(labelsOf(text)).toContain(label);
  });
});

describe('implicit blame (no keyword) is caught', () => {
  it.each([
    'So what was happening in the bedroom in the months before he started?',
    "Guys don't wander when they feel wanted at home.",
    'Put yourself in his shoes for a minute.',
  ])('%s', (text) => {
    expect(labelsOf(text)).toContain('blame_shifting');
  });
});

describe('the partner is not flagged for what was said or done to her', () => {
  it.each([
    ['reported speech', 'My husband told me I pushed him into it because I was always tired.'],
    ['reported speech', 'Our marriage counsellor said I was codependent and needed my own program.'],
    ['reported speech', 'People keep telling me to get over it already.'],
    ['self-narration', "I keep wondering if it's my fault he went looking."],
    ['self-narration', 'I felt like I was going insane when he denied everything.'],
    ['her own question', 'Am I codependent if I still want to try?'],
    ['rejection', "I'm not a love addict, I'm a person who was lied to."],
    ['negation and support', 'None of this is your fault. He chose this.'],
    ['negation and support', "You're not paranoid, you were lied to."],
    ['meta discussion', 'The codependency model was never designed for partners of sex addicts.'],
    ['quoted post', '> you need to move on\nNo she does not. Take all the time you need.'],
    ['quotation marks', 'Someone at church said "men are visual" to me and I just walked out.'],
  ])('%s: %s', (_principle, text) => {
    expect(labelsOf(text)).toEqual([]);
  });
});

// Quotation is not a flag (principle 1), but a reply that opens by agreeing with a quoted post and says nothing
// else in that sentence takes the quoted words as its own.
describe('a reply that agrees with a quoted post says what the post says', () => {
  it.each([
    ['> it takes two to wreck a marriage\n\n^^^ this', 'blame_shifting'],
    ["> It's only porn, every guy watches it.\nExactly.", 'minimizing'],
    ["> By staying you're enabling him.\n\nWell said.", 'codependency_label'],
    ["> You're being so dramatic about a few texts.\nAgreed, sorry.", 'invalidating'],
  ] as const)('%s → %s', (text, label) => {
    const flag = classify(text).flags.find((f) => f.label === label);
    expect(flag?.reason).toMatch(/^Agrees with a quoted post: /);
    // The flag points at the reply's words of agreement, not at the quote.
    expect(text.slice(flag?.start, flag?.end)).toMatch(/^(?:\^\^\^ this|Exactly\.|Well said\.|Agreed, sorry\.)$/);
  });
  it.each([
    [
      'the quote rejected',
      "> you're overreacting, it's just porn\nThis is exactly what my husband said, and it's not okay.",
    ],
    ['a reservation', "> Nobody's perfect, you need to let it go\nTrue, but years of lies are not imperfection."],
    ['her own answer', "> You're being so dramatic about this\nYes? It happened to me?"],
    ['agreement with support', '> It is not your fault he cheated.\nThis. 100%.'],
    [
      'agreement with the reply to a quote',
      '>> it takes two to wreck a marriage\n> Does it though? He chose to lie.\nExactly.',
    ],
  ])('%s: %s', (_shape, text) => {
    expect(labelsOf(text)).toEqual([]);
  });
});

describe('crisis is biased to recall but not to idioms', () => {
  it('flags a threat reported by the partner: reported speech does not hide danger', () => {
    expect(labelsOf('He told me that if I go to a lawyer he will kill me.')).toContain('crisis');
  });
  it('flags means at hand', () => {
    expect(labelsOf("I've been saving my sleeping pills in a drawer.")).toContain('crisis');
  });
  // A quoted post is someone else's words, so it never makes a reply harmful; but a crisis is a crisis
  // however it reached the page, and a supportive reply must not let the model talk the quote's risk away.
  it.each([
    "> honestly everyone would be fine without me. i've been counting what's left in the packet\n\nHey, I'm glad you wrote this here. Please tell someone at home tonight. We want you around.",
    "> if you go to your sister's I'll find you and you'll regret it\n\nThat's what he sent me an hour ago. I'm at work till six.",
    '<blockquote>I keep thinking about the railway bridge on my way home</blockquote><p>Please ring someone before you set off. You matter here.</p>',
    // The same, as an HTML entity from a rich-text editor.
    "&gt; if you go to your sister's I'll find you and you'll regret it\n\nThat's what he sent me an hour ago. I'm at work till six.",
  ])('flags a crisis quoted in a reply: %s', (text) => {
    expect(labelsOf(text)).toContain('crisis');
  });
  it('does not flag a quoted idiom answered in kind', () => {
    expect(
      labelsOf('> the wait for the polygraph is killing me lol\n\nSame here, ours is Thursday. Snacks and trash TV.'),
    ).toEqual([]);
  });
  it.each(['Waiting for the test results is killing me lol', "I'm dying to know how your appointment went!"])(
    'does not flag the idiom: %s',
    (text) => {
      expect(labelsOf(text)).not.toContain('crisis');
    },
  );
});

describe('identifying details', () => {
  it.each([
    'hes always at the pub on ferry road in hull, ask anyone',
    'mail me: tanya dot b at gmail dot com',
    'Call me on 07700 900456 tonight',
    'ring +1 (555) 014-2231 after six',
    'follow me @quiet.rebuild on insta',
    '@jo_88 add me on insta, same name',
    'His name is Mark Dalton, he works at Harbour Dental in Leeds.',
    'We live at 22 Willow Crescent, Harrogate.',
    // A full name beside a place, an organisation or a job, with no verb between.
    'Her name is all over their website: Corinne Blaydes, Penrith.',
    'The other woman? Maxine Trowbridge (Trowbridge Lettings) of course.',
    'It was Hugo Delacroix, physiotherapist at the leisure centre.',
    "Name's Ottilie Brand, if anyone here knows her.",
    'so its Rowan Pettifer on facebook, go look',
    'find me on Insta, Marisol Quintero, the one with the lemon tree',
    // A child's school or a family's church, with its town.
    'The kids go to Fairholme Primary in Keswick and she does the school run now.',
    'we attend Grace Chapel in Dunedin and the elders all knew',
    'He owns Pellow Joinery in Truro and used the van to see her.',
    '1 flagged up: ring (555-0134) after six',
    'her order arrived, ring her on 07700 900417 if you want the truth',
    'Flat 9C: 14B Mill Lane, Hexham',
    'Plate is WX61 KLM, seen it outside her house',
    "i'm at the premier inn by the station, room 318, with the boys",
    'his licence number is DL-4471-2290, I have a copy',
    'Her Etsy shop is LittleBirchBakes, she sells cakes.',
  ])('flags %s', (text) => {
    expect(labelsOf(text)).toContain('identifying_info');
  });
  it.each([
    "My husband (I'll call him D.) works in finance.",
    'I live in a big city.',
    '@kate thank you for this',
    'we went for a walk down the high street',
    // A member addressed by her name on the site, not a handle shared (with a platform nearby it would be).
    '@mo_k did u get home ok after the handover? text when ur in',
    'hey @jo_88 how was court',
    // Two capitalised words that are a feast, a title or a place, not a person.
    "My cousin's Anand Karaj is in June and he will probably be there.",
    'Oh Cornwall in October is gorgeous.',
    // A sentence opening, a day or a holiday, not a person or an organisation.
    'In Australia we call that a dog act, sorry love.',
    'At Christmas my aunt said it takes two.',
    'Got a solicitor booked for Tuesday, just to know my options.',
    'My counsellor at Relate said the same.',
    // An order or tracking number, not a phone number.
    'Order 204-8873115-5519, one lace bodysuit, delivered to his work.',
    'tracking no. 0234 5567 8812, the parcel he says never came',
  ])('does not flag %s', (text) => {
    expect(labelsOf(text)).not.toContain('identifying_info');
  });
});

describe('chat register and talk about the words themselves', () => {
  it.each([
    ['a bare role noun reports', 'couples coach said i was enabling him, not going back'],
    ['negation spelt without an apostrophe', 'u werent being paranoid, ur instincts were right'],
    ['a rule of thumb against the harm', 'Tip for new volunteers: avoid calling anyone codependent in replies.'],
    ['forgiveness as a topic, not a demand', 'Forgiveness is optional and it can wait as long as you need.'],
    ['a definition', 'Paranoia means fear without a reason; you had every reason.'],
    ['crisis as a topic', 'There is a good thread on the warning signs of suicide in the resources section.'],
    ['someone else enabling him', 'His mum has always been his biggest enabler, she still lends him money.'],
    ['someone else enabling him', 'His brother keeps enabling him and covering his debts.'],
    ['the saying turned against itself', 'It takes two to have a bad marriage, it takes one to have an affair.'],
    ['conceded to be answered', 'Even if he was lonely, lonely people have words.'],
    ['permission, not a judgement', "You're allowed to make a big deal out of this."],
    ['a quote after an apostrophe', "Sometimes I doubt myself. That's what five years of 'you're imagining it' does."],
    ['someone else enabling him', 'honestly his friends enable him every single weekend'],
    ['negation before the label itself', "You're not his enabler, you're traumatized."],
    ['negation before the label itself', "Staying isn't codependency, and no book will change that."],
    [
      'support in the words of the harm',
      'Whatever the bedroom was like, cheating was his decision and it says everything about him.',
    ],
    ['a plain denial', "It's not your fault. He made his choices."],
    ['a label denied by someone else', "Nobody is saying you're codependent. You're traumatized."],
    ['a trait denied', "You're not hysterical, you're hurt."],
    ['a label turned down for another', "That's not codependency, that's trauma."],
    ['not her job, so support', "You're not responsible for meeting his needs."],
    ['a denial that is no tag question', "You reading his texts isn't paranoid, it's evidence."],
  ])('%s: %s', (_case, text) => {
    expect(labelsOf(text)).toEqual([]);
  });

  it.each([
    [
      'a disclaimer that goes on to say it',
      "I'm not saying it's all your fault, but the spark had gone long before he strayed, hadn't it.",
      'blame_shifting',
    ],
    [
      'denied only in part',
      "It's not your fault exactly, but the distance in the house gave him an opening.",
      'blame_shifting',
    ],
    [
      "a new verb after the match's subject",
      "He went looking because you weren't interested anymore.",
      'blame_shifting',
    ],
    ['a negation before "until"', "He didn't need porn until you stopped wanting him.", 'blame_shifting'],
    [
      'a verb that asserts what follows',
      "The fact that you can't stop checking his phone tells me you're codependent.",
      'codependency_label',
    ],
    ['a negative imperative takes the trait for granted', "Don't be hysterical about a few texts.", 'invalidating'],
    ['advice as what the writer would do', "I'd let it go and focus on the kids.", 'minimizing'],
    ['a demand to forgive', 'You owe him forgiveness after everything he did for the family.', 'minimizing'],
    ['an imperative', 'just forgive him already, it has been a year', 'minimizing'],
    ['"his enabler" is her label', 'ur basically his enabler at this point', 'codependency_label'],
    [
      'her act, a third person only its object',
      'Keeping his secret from your family is enabling him.',
      'codependency_label',
    ],
    ['her label, next to a third person', "you're enabling him just like his mum did", 'codependency_label'],
    ['a judgement phrased with its own negation', "honestly you're spiralling over nothing again", 'invalidating'],
    ['"no wonder" is not a negation', 'with that temper of yours no wonder he lied about the trips', 'blame_shifting'],
    ['"nobody\'s perfect" is the cliché', "Nobody's perfect, sweetheart. Give the man a break.", 'minimizing'],
    ['a negated fix keeps the label', "Therapy won't fix your codependency, only you can.", 'codependency_label'],
    ['a question that asserts', "Are you sure you aren't just being jealous here?", 'invalidating'],
    ['"at least it wasn\'t" is the cliché', "At least it wasn't with someone from church.", 'minimizing'],
    ['compared down', 'Plenty of marriages get through much worse things than a few texts.', 'minimizing'],
    [
      'her mind as the unreliable part',
      'Honestly your memory is playing tricks on you after all that stress.',
      'invalidating',
    ],
    [
      'a negated cure keeps the label',
      'No amount of checking his phone will cure your enabling.',
      'codependency_label',
    ],
    [
      'a negative imperative that takes the fuss for granted',
      "Don't make a big deal out of one relapse.",
      'minimizing',
    ],
    ['a tag question asserts', "Crying for a week over some pictures is a bit dramatic, isn't it?", 'invalidating'],
    ['"by not" is the act she is blamed for', "By not telling his sponsor you're enabling him.", 'codependency_label'],
    ['"not your place" presses her', "It's not your place to keep bringing up what God has forgiven.", 'minimizing'],
    ['the failing is the blame', "Simple: you weren't meeting his needs.", 'blame_shifting'],
    [
      'an if-clause is no denial',
      "If you don't look at what you brought to the marriage, the next one will stray too.",
      'blame_shifting',
    ],
    ['"that\'s" starts the label\'s own clause', 'thats not grief thats codependency talking', 'codependency_label'],
    ['the report turned to her', 'He told you everything, now you need to forgive and move forward.', 'minimizing'],
    ['her posts read, not a report', "I've read your posts for weeks and you're enabling him.", 'codependency_label'],
    [
      'a report taken up',
      "Your pastor said it best: a wife who won't meet his needs leaves the door open.",
      'blame_shifting',
    ],
    [
      'her own experience as a measure of men',
      'Every man I ever knew who strayed was starving at home.',
      'blame_shifting',
    ],
    ['"in my book" is an opinion', "Honestly that's not really cheating in my book.", 'minimizing'],
    [
      'a disclaimer in chat spelling',
      'im not saying hes right but men are visual and you stopped trying',
      'blame_shifting',
    ],
  ])('still caught, %s: %s', (_case, text, label) => {
    expect(labelsOf(text)).toContain(label);
  });
});
