import { describe, expect, it } from 'vitest';
import { NONVIOLENT_THREAT } from '../src/rules/crisis.ts';
import { expectLabel, expectPatterns, labelsOf, patternMatches } from './expect-label.ts';

// Crisis shapes added for recall: the broader risk lexicon beside a first person, and the crisis model as
// an extra signal. Written for the tests, not taken from the corpus or the shared check set.

describe('broader crisis lexicon beside a first person', () => {
  it.each([
    ['sleep that does not end', 'some nights i hope i just never wake up'],
    ['overdose means', 'I looked up how many of my tablets it takes before bed.'],
    ['a goodbye that is not called one', "In case I don't check in again, thank you all."],
    ['violence to her face', 'He held a cushion, then his hand over my mouth until I stopped crying.'],
    ['violence next to her', 'He kicked the door right next to my head.'],
    ['coercive tracking', 'He checks my location all evening and calls if I stop anywhere.'],
    ['being locked in', 'He locked me in the spare room again last night.'],
    ['losing the children as a threat', 'He swore I would never see the kids again if I tell anyone.'],
    ['others better off without her', 'Sometimes I think my family would get their lives back if I was not around.'],
    ['a car as the means', 'On the drive home I keep steering towards the central reservation.'],
    ['self-injury again', 'Fresh marks on my thighs again this morning.'],
    ["a partner's threat in other words", "He keeps telling me that if he can't have me no one can."],
    ['not safe from herself', "honestly i can't keep myself safe this weekend"],
    ['holding on', "Group isn't till Thursday and I don't think I can hold on till then."],
    ['who will find her', "I just don't want my son to be the one who finds me."],
    ['means locked away from herself', 'We lock the knife drawer now. Not for him, for me.'],
    ['only one thing keeping her', "If it wasn't for my mum I'd be gone by now."],
    ['a threat of being carried out', "His text said I'd leave that house in a box if I tried to take the girls."],
    ['harm to a pet as the threat', 'He said he would kill the cat if I ever went to the police.'],
  ])('%s: %s', expectLabel('crisis'));
});

describe('narrow exceptions: general talk, fiction, recovered past, idiom', () => {
  it.each([
    ['general concern about others', 'Is self-harm among teenagers more common after a divorce? Signs to watch for?'],
    ['fiction', 'That episode where the husband pulls a knife was hard to watch.'],
    ['recovered past, said in the present', "My scars are old now and I don't hurt myself anymore."],
    ['idiom', 'This heatwave is going to finish me off, honestly.'],
    ['a dated past', "I wanted to die when I found out. That was back in 2019, and I'm doing well."],
    ['medication side effects', 'The tablets my GP started me on make me drowsy all morning.'],
    ['found on a platform', 'Whoever finds me on Instagram, yes, that is my bakery.'],
  ])('%s: %s', expectLabel('crisis', false));
});

describe('crisis categories: places, finality, softened words, self-injury, control and violence', () => {
  it.each([
    ['a place, lingering', 'Parked by the bridge again tonight and sat near the edge for a long time.'],
    ['a goodbye without the word', 'thank you all for everything, you kept me going longer than anyone'],
    ['giving things away', 'I have given my cat to my neighbour and sorted out my will.'],
    ['chat without an "I"', 'took a lot of pills. feel strange'],
    ['a softened word for dying', "been thinking about ending it, can't see why not"],
    ['a method chosen', 'I have picked a method and I know when.'],
    ['self-injury', 'I keep banging my head against the wall until the noise stops.'],
    ['pinned down', 'He sat on my chest and would not let me breathe properly.'],
    ['surveillance', 'I found an AirTag taped inside my bag.'],
    ['a threat with images', 'He says he will send videos of me to my boss if I go.'],
    ['a report that mentions a friend', "He threw a plate at me, I'm staying at my friend's house now."],
    ['at the place, in chat', 'someone pls reply im on the roof of the car park'],
    ['not deserving to live', "After tonight I don't deserve to be alive, honestly."],
    ['a means kept back', 'Been stockpiling my sleeping tablets since the GP changed them.'],
    ['an injury from him', 'He broke my wrist last night and says I fell.'],
  ])('%s: %s', expectLabel('crisis'));

  it.each([
    ['ending the relationship', 'Should I end it with him or give counselling one more go?'],
    ['an accident', 'I hit my head on the cupboard door this morning, ouch.'],
    ['an idiom', "I'm on the edge of my seat waiting for the solicitor's letter."],
    ['clearing out', 'I gave away my wedding dress to a charity shop today.'],
    ['leaving him', 'I left him for good last month and the house is so quiet.'],
    ['ordinary insomnia', "Couldn't stay asleep past 4am again, this is exhausting."],
    ['a crisis told as over', 'I took an overdose last spring. I am in a much better place now and glad I am here.'],
    ['someone else, in the past', 'My son used to self-harm and the school nurse was wonderful with him.'],
    ['general talk', 'Are the statistics on self-harm after discovery as bad as people say?'],
    ['a denied risk word', "Please hear this: you're not a burden to any of us."],
    ['advice to someone else', 'if ur not safe tonight pls call 999, we are here too'],
    ['a game', 'My character keeps dying on the last level and I am losing my mind lol'],
  ])('not crisis, %s: %s', expectLabel('crisis', false));
});

describe('denial: a risk word denied just before it, a partner denied as the one who did it', () => {
  it.each([
    ['her own denial', "Before anyone panics: I'm not suicidal, just very low today."],
    ['not going to', 'Not in danger and not going to hurt myself, just crying in the car.'],
    ['a partner who never hit her', 'He never hit me, not once, which is why the lying floored me.'],
    ['a partner who never threatened her', 'No, he has never threatened me. He sulks.'],
  ])('not crisis, %s: %s', expectLabel('crisis', false));

  // The denial is the patterns'. The crisis model is a separate signal, trained on posts where "I don't want to
  // die" opens a crisis ("…but I can't keep living like this"), and since round 22 reads this sentence as risk
  // on its own: a false flag counted in the figures, which routes and hides nothing.
  it('the patterns take "I don\'t want to die" as a denial', () => {
    const text = "I don't want to die, I want him to understand what he did.";
    expect(patternMatches(text, 'crisis')).toEqual([]);
    const control = 'I want to die, I want him to understand what he did.';
    expect(patternMatches(control, 'crisis')).not.toEqual([]);
  });

  it.each([
    ['no longer', 'I no longer want to be alive.'],
    ['never felt so', 'I have never felt so hopeless in my life.'],
    ['no way out', "There's no way out of this except ending it."],
    ['a threat of never letting her go', "He said he'd never let me see the kids again and he'd hurt me if I tried."],
    ['he will not stop', "He won't stop hitting me when he drinks."],
    ['used to it, said to her', 'He choked me in bed and said I should be used to it by now.'],
    ['reading about means', 'Spent last night reading how much of my medication would be enough.'],
  ])('still crisis, %s: %s', expectLabel('crisis'));
});

describe('ending a relationship is not ending a life', () => {
  it.each([
    ['ready to end it with him', "I'm ready to end it with him. Anyone have a good separation checklist?"],
    [
      'ending things with a counsellor',
      'Ending things tonight with the counsellor he picked; we need someone trauma-informed.',
    ],
  ])('not crisis, %s: %s', expectLabel('crisis', false));

  it('ending it, with nothing named, still is', () => {
    expect(labelsOf("I'm ready to end it. Tonight.")).toContain('crisis');
  });
});

describe('goodbyes to things, and being done with him', () => {
  it.each([
    ['a house', 'Said goodbye to the house today. Walked round every room and cried.'],
    ['an old number', 'Goodbye forever to my old phone number! He can only reach me through the solicitor now.'],
    ['a board of the site', "This is my last post in the 'still together' board! Moving to the separated section."],
    ['done with him', "I'm DONE. Done with him, done with the lies, ringing a solicitor on Monday."],
    ['ending it, then naming it', "Ending it. The marriage. He's been told and I'm at mum's."],
  ])('not crisis, %s: %s', expectLabel('crisis', false));

  it.each([
    ['a goodbye to everyone', "I'm done. Goodbye everyone."],
    ['a last post with no place named', 'This is my last post. Thank you all for everything.'],
  ])('still crisis, %s: %s', expectLabel('crisis'));
});

describe('a partner denied in the contracted form', () => {
  it.each([
    ["he's never", "He's never touched me, never threatened me. He slams doors and sulks."],
    ["she's never", "She's never been violent and never threatened me; it's the lying I can't take."],
  ])('not crisis, %s: %s', expectLabel('crisis', false));

  it("he's never stopped is still a threat", () => {
    expect(labelsOf("He's never stopped threatening me since I found out.")).toContain('crisis');
  });
});

describe('safety named, questions about safety, crisis as a subject of training or reading', () => {
  it.each([
    ['never felt unsafe', "I've never felt unsafe with him, he's just a liar."],
    [
      'a therapist asking',
      'My therapist asked me today whether my husband has ever been violent or threatened me. I said no.',
    ],
    ['training', 'Did suicide training through work and it was eye-opening.'],
    ['a memoir', 'Read a memoir by a betrayed wife about her suicidal months after discovery. So honest.'],
    ["can't with him", "I can't do this anymore with him. Meeting a solicitor Thursday."],
  ])('not crisis, %s: %s', expectLabel('crisis', false));

  it.each([
    ['never felt so', "I've never felt so hopeless, I keep thinking about the pills."],
    ["can't do this anymore", "I can't do this anymore. I'm so tired."],
  ])('still crisis, %s: %s', expectLabel('crisis'));
});

describe('slang, stopped care, searched means, coercion and threats in other words', () => {
  it.each([
    ['filter-dodging slang', 'tbh i want to unalive most nights now'],
    ['chat abbreviation', 'kms thoughts every day since dday ngl'],
    [
      'not being here for what comes next',
      'Book the polygraph for March if you like, I probably won’t be here for it.',
    ],
    ['stopping what keeps her alive', 'I stopped taking my insulin on Sunday. Just letting nature decide.'],
    ['searching the means', 'I googled which bridges near me have no fences yet.'],
    ['a weapon shown', 'He put his pistol on the kitchen table while we talked.'],
    ['coercion', "He says I'm his wife so I don't get to say no."],
    ['a threat in other words', 'His AP messaged me that she knows which school my kids go to.'],
    ['children taken', 'he keeps threatening to take the baby and vanish'],
  ])('%s: %s', expectLabel('crisis'));

  it.each([
    ['a treat, not a dose', 'Overdosed on Dairy Milk and Bake Off tonight, no regrets.'],
    ['weather hyperbole', 'This heat is going to kill me, the aircon is broken again.'],
    ['an appliance', 'I could strangle the printer at work today.'],
    [
      'the marriage, by its lawyer',
      "I'm going to end it tonight. My lawyer has the papers and he packs his bags tomorrow.",
    ],
    ['years free', 'Eight years free of self-harm this month and proud of it.'],
    ['a word inside a word', "He threatened to tell my parents I'm unstable. Let him."],
    ['a sleep app', 'Tracking my sleep and moods in an app my therapist suggested.'],
    ['a relative dying', 'I stayed with my sister for a month when dad was dying.'],
    ['a clinician asking', 'My counsellor asked about suicidal thoughts at intake; she asks everyone.'],
  ])('%s: %s', expectLabel('crisis', false));
});

describe('laughter, everyday bumps and past times only where they really clear the words', () => {
  it.each([
    ['a crisis wrapped in a "lol"', 'lol imagine if i just never woke up tomorrow'],
    ['a crisis question ending in "lol"', 'if i disappeared tonight would anyone even notice lol'],
    ['a head hit until it hurt', 'I banged my head against the bathroom door until I saw stars.'],
    ['pills named for what they treat', 'Spent an hour reading how many of my blood pressure tablets it would take.'],
    [
      'a past time far from the risk words',
      "I found out she'd been seeing him for over a year. Since then I've stopped eating. I can't see a future anymore.",
    ],
    ['a threat to leave the children', "He threatens to leave the kids alone in the car if I don't do as he says."],
    ['a plea to anyone reading', 'pls if anyone is awake call me, he said when he wakes up im dead'],
    [
      'self-injury wrapped in a "lol"',
      'lol i scratched at my wrists till they bled last night, anyway how was everyones day',
    ],
    ['risk on purpose, with a laugh', "haha my counsellor would freak: I've been skipping my seatbelt on purpose"],
    ['"not even joking"', "lol honestly if a bus hit me tomorrow i'd be relieved, not even joking"],
    [
      'a past attempt, then the same wish now',
      "Last year I tried to kill myself with his pills. I don't see the point in being here anymore.",
    ],
    [
      'driving to the bridge now',
      'Years ago I took an overdose when I first found out. I keep driving to the bridge at night and sitting there.',
    ],
    [
      'his laugh beside his threat',
      'He told my son I might not be around much longer, then laughed and said he was joking.',
    ],
    ['signing off for good', "thank you for everything girls. i'm logging off for good now x"],
    [
      'an update for those who asked',
      'Update for those who asked: he cracked two of my ribs on Friday and he is still living here.',
    ],
  ])('%s: %s', expectLabel('crisis'));

  it.each([
    ['laughter beside hyperbole', 'this commute is killing me lol'],
    ['laughter beside slang', "I'm dead 😂 the cat fell off the sofa"],
    ['an everyday bump', 'bumped my head on the cupboard door again, ouch'],
    ['a blood pressure check', 'Had my blood pressure checked, all fine.'],
    [
      'a past time two sentences on',
      "I had the tablets lined up one night. I rang the helpline instead. That was 2018, and I'm a nan now.",
    ],
    ['a threat to leave her', 'He threatened to leave me for her if I kept asking questions.'],
    ['a charity shop', 'Dropped three bags of his shirts at the charity shop. Felt lighter.'],
    ['a nosebleed from laughing', 'I laughed so hard lol, then my nose started bleeding everywhere'],
    ['a chapter of a book', 'The chapter on trauma bonds made me cry, but the good kind.'],
    ['support to anyone who needs it', "If anyone here needs to talk tonight, I'm around."],
  ])('%s: %s', expectLabel('crisis', false));
});

describe('recovery, topic and past words that are part of the crisis itself', () => {
  it.each([
    ['nothing on the other side', 'whats even the point anymore, theres nothing on the other side of this'],
    ['a train that came through', 'Stood on the platform edge when the express came through and wanted to step off.'],
    [
      'a pet promised away, not a clinician asking',
      "Asked my sister if she'd have the dog if anything ever happened to me. She doesn't know I meant it.",
    ],
    ['a streak thrown away', 'ten months clean and I threw it all away last night after his text'],
    [
      '"used to", then "now I keep"',
      'I used to be scared of heights. Now I keep going up to the roof of the car park on my lunch.',
    ],
    ['"what that means" about herself', "I want to stop existing for a while and I'm scared of what that means."],
    [
      "a book club that is someone's",
      'She left me for a man from her book club and I keep thinking about the cliff road.',
    ],
  ])('%s: %s', expectLabel('crisis'));

  it.each([
    ['an odd question', "My neighbour asked if I'd ever want to adopt a cat, funny question."],
    ["the group's book club", 'Our book club read a memoir about suicide prevention this month.'],
    ['came through it', 'Two years on, I came through it, and the thoughts of ending it are long gone.'],
    ['a clinician asking', "My GP asked if I'd ever had thoughts of ending my life; I said no, truthfully."],
  ])('%s: %s', expectLabel('crisis', false));
});

describe('words that look like a threat or a risk but are not one', () => {
  it.each([
    ['a burner phone', 'He told me the burner phone was for work. It was for her.'],
    ['a figurative threat to someone else', 'I could strangle my solicitor, three weeks and still no reply.'],
    ['a choke idiom', 'He can choke on his own excuses for all I care.'],
    ['a bungee jump', 'My sister dared me to do a bungee jump for my 40th and I said yes.'],
    ['a tracker she checked', 'I checked the tracker on the parcel six times today, I need a hobby.'],
    ['a word inside an e-mail address', 'Write to bruised.but.breathing@example.net if you want the group notes.'],
    ['a quoted denial', "> I'm not suicidal, I'm just exhausted.\nThat exhaustion is so real. Rest when you can."],
    ['tablets for a headache', 'took two paracetamol for the headache and went to bed early'],
    ['cutting things out', 'Cutting carbs, cutting caffeine, cutting him out of the group chat. New year, new me.'],
    ['a shaving razor', 'Need a new razor recommendation, the cheap ones give me a rash.'],
    ['never a penny', "He said I'd never see a penny of his pension. My solicitor laughed."],
    ['a past with an age', 'When I was 19 I took an overdose. I have been well for twenty years now.'],
    ['startled', 'I jump out of my skin whenever his phone buzzes.'],
    ['letters to herself', 'Writing letters to my future self as a therapy exercise.'],
    ['a trampoline', 'My son broke his wrist jumping off the trampoline.'],
    ['new knives', 'Gave his wedding-present set to the charity shop and bought my own knives today.'],
    ['a hurtful phrase', "'At least he told you' is one of the most hurtful things he said to me."],
    ['a phrase she wishes gone', "'Everyone slips' is a phrase I wish would die."],
    ['stopping a habit', 'I want to stop checking his location every hour.'],
    ['jumpy', "This forum is the only place I don't have to explain why I'm so jumpy."],
    ['her own stalking of a profile', "i stalked his AP's linkedin for 2 hrs last night. not proud lol"],
    ['her own stalking, ongoing', "I'm stalking her instagram again, I need to stop."],
    ['an age with a number', 'When I was 20 I took an overdose. I have been well for twenty years now.'],
    ['tablets from the GP', 'Got new tablets from the GP for my migraines, fingers crossed.'],
  ])('%s: %s', expectLabel('crisis', false));

  it.each([
    ['fear of what he will do', "I'm scared of what he'll do when he finds the lawyer's letter."],
    ['a threat to burn', 'He texted that he would burn the house down with my stuff in it.'],
    ['a tracker he put on her car', 'Found a tracker under my car and he is the only one who could have put it there.'],
    ['a past, then last night', 'When I was 19 I took an overdose and last night I took another one.'],
    ['wanting to stop existing', 'I just want to stop existing for a while.'],
    ['a knife block as a message', 'He still has a key. Yesterday the knife block was on my pillow.'],
    ['back to what she did as a girl', "i'm back to hurting myself. the same way as when i was 15."],
    ['a threat that names money and the children', "He said I'd never see a dime or the kids again."],
    ['a threat of never seeing the children', 'He said I would never see the kids again if I left.'],
    ['being stalked', "I've been stalked for months and the police do nothing."],
    ['he is stalking her', 'He is stalking me. He turns up everywhere.'],
    ['wanting to jump', 'I keep thinking I should just jump. The bridge is right there.'],
    [
      'minutes late is no age',
      'Last week when I was 20 minutes late he pinned me against the fridge. I am shaking typing this.',
    ],
    [
      'what she used to love is no past crisis',
      "I don't care anymore. I've stopped going to the thing I used to love. I think the kids would be fine with their grandparents.",
    ],
    ['an apology for "the drama" is no TV drama', 'I just want to sleep and not wake up anymore. Sorry for the drama.'],
    [
      'tablets kept aside from a prescription',
      "I don't feel like living. I have kept the sleeping tablets from my mother's prescription aside.",
    ],
    ['driving them off a cliff', "He keeps 'joking' that he'll drive us both off a cliff if I ever leave."],
    [
      'no point in any of it',
      "what's the point in IC if nothing is ever going to change. what's the point in any of it",
    ],
  ])('%s: %s', expectLabel('crisis'));
});

// The threat patterns read "end" and "burn" as words, not as the start of "ended" or "burner". Checked on the
// patterns alone: the crisis model is a separate signal, measured on the corpus, and may still read a whole
// sentence as risk ("He said …" with nothing else in it).
describe('threat patterns match whole words', () => {
  it.each([
    'He said my world ended because I let it, which is rich coming from him.',
    'He told me the burner phone was for work.',
  ])('%s', (text) => {
    expect(patternMatches(text, 'crisis')).toEqual([]);
  });
  it('still matches the threat itself', () => {
    expect(patternMatches('He said he would end me if I told anyone.', 'crisis')).not.toEqual([]);
  });
});

// Found on round 28's train and dev items (the seventh session of 2026-12-07). Checked on the patterns alone,
// as above, so that retraining the model cannot hide a regression in them.
describe('crisis patterns from round 28', () => {
  it.each([
    ['a reply waving away her talk of dying', "You keep saying you want to die but you're still with him."],
    ['"addicted to the drama" is no TV drama', 'You keep saying you want to die, so you are addicted to the drama.'],
    ['extra medication put aside', "My psychiatrist upped my meds and I've been saving the extra."],
    ['knowing how many', 'I know exactly how many I have.'],
    ['wishing she was not here', "still here. barely. wish i wasn't"],
    ['her address posted', "he's posted my address on some gross site and now men are turning up"],
  ])('%s: %s', expectPatterns('crisis'));

  it.each([
    ['cake is not medication', 'saving the extra cake for tomorrow'],
    ['a wish about something else', "I wish I wasn't so tired all the time."],
    ['a drama on television', 'We watched that drama about a woman who wanted to die, so sad'],
  ])('not %s: %s', expectPatterns('crisis', false));
});

// Found on round 30's crisis chat file (dh) after it was scored unseen. On the patterns alone, as above.
describe('crisis patterns from round 30', () => {
  it.each([
    ['the robins in her garden', 'the robins are back in my garden'],
    ['shaving her legs', 'Bought a pack of razors and shaved my legs for the first time in months.'],
    ['cutting herself off from people', 'I cut myself off from everyone after D-day.'],
    ['locked out of her e-mail', 'he changed the wifi and locked me out of my own email'],
    ['a partner denied both things', "he's never once raised a hand or threatened me, it's the lying"],
    ['a chat that dies', "won't be here next week, no wifi at the in-laws. don't let the chat die without me"],
  ])('not crisis, %s: %s', expectPatterns('crisis', false));

  it.each([
    ['someone in her garden', 'he was in my garden at 2am again, looking through the window'],
    ['a razor from his shaving kit', 'used the razor from his shaving kit. felt fitting somehow'],
    ['cutting herself', 'I cut myself again last night.'],
    ['locked in', 'he locked me in the bedroom and took my phone'],
    ['the second of two threats', "he's never said sorry and threatened me with the knife"],
    ['not knowing whether to leave or die', "I don't know whether to leave or kill myself."],
  ])('still crisis, %s: %s', expectPatterns('crisis'));
});

// Found on round 38's partner-danger file (ck) after it was scored unseen. On the patterns alone, as above: his
// "joking" does not make his hand over her face a joke, and her own startle joke stays one.
describe('crisis patterns from round 38', () => {
  it.each([
    [
      'a pillow over her face, "joking"',
      "he held a pillow over my face for a few seconds and laughed and said 'relax, joking'",
    ],
    ['his hands on her throat, "only joking"', 'he squeezed my throat and said he was only joking'],
    [
      'his hand over her mouth, then "joking"',
      'he put his hand over my mouth when i screamed, then said he was joking',
    ],
  ])('still crisis, %s: %s', expectPatterns('crisis'));

  it.each([
    [
      'a pulled neck muscle, laughing',
      'I jumped so high when the cat knocked a mug off that I pulled a muscle in my neck 😂',
    ],
    ['laughing so hard', 'I was laughing so hard I nearly died'],
    ['laughing at the thread', "I'm laughing at this thread, it's killing me"],
  ])('not crisis, %s: %s', expectPatterns('crisis', false));

  // "laughing" alone made a whole sentence an idiom for the risk lexicon; only laughter's own idioms do now.
  it.each([
    [
      'hair pulled for not laughing at his joke',
      'He pulled my hair in the car because I embarrassed him by not laughing at his joke.',
    ],
    [
      'a threat, her laughing nervously',
      "He said if he can't have me nobody will, and I just stood there laughing nervously.",
    ],
  ])('still crisis, %s: %s', expectPatterns('crisis'));
});

// The means-and-plans pattern bridges up to five words, apostrophe words included ("i've", "they're"), so the
// flag spans the plan and carries its reason instead of the bare risk word.
it('pills "lined up" after a word with an apostrophe are read as a plan', () => {
  const text = "my sleeping pills and i've got them lined up on the sink";
  expect(patternMatches(text, 'crisis')).toContain("sleeping pills and i've got them lined up");
});

// Round 31's crisis files (ce, bb), after they were scored unseen: threats of things that are no violence.
describe('non-violent threats from round 31', () => {
  it.each([
    ['court', "he's threatening to ruin me in court and tell the judge I'm an unfit mum"],
    ['custody', "He's threatened to fight me for full custody."],
    ['the cleaners', 'he threatened to take me to the cleaners in the divorce. good luck'],
    ['the car keys', "he's threatened to take the car keys off me if I keep asking"],
    ['the sofa', "he threatened to make me sleep on the sofa. mate, I've been on it since March"],
    ['no contact', 'He threatened to go no contact with my family as a punishment. Promise?'],
  ])('not crisis, %s: %s', expectPatterns('crisis', false));

  it.each([
    ['the car as the means', 'you threatened to take the car and drive it into the river'],
    ['harm named beside the threat', "He's threatened to take the car keys and said he'd hurt me if I leave."],
  ])('still a threat that may be violent, %s: %s', (_shape, text) => {
    expect(NONVIOLENT_THREAT.test(text)).toBe(false);
  });
});
