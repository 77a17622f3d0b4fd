import { seededRandom } from '@bedrock/moderation/random';
// Bench texts are generated, not stored: a seeded generator mixes forum-register fragments (support,
// narration, some harmful replies, contact details) so every run measures the same inputs.

const FRAGMENTS = [
  'I found the messages last night and I cannot stop shaking.',
  'Sending you so much strength today.',
  'It is NOT your fault he cheated.',
  'He told me it was my fault because I gained weight.',
  'Have you thought about what you did to push him away?',
  'Sounds like classic codependency to me.',
  "It's only porn, every man watches it.",
  'You are being paranoid, honestly.',
  'Day 41 since discovery and I slept five hours.',
  'My counsellor called me codependent and I left in tears.',
  'Text me on 07700 900123 if you want to talk.',
  'this waiting is killing me haha',
  '> you need to let it go',
  'Is it codependent that I still want to stay?',
  'We went to the park with the kids and it was almost normal. 🌳',
  'The co-addiction model has been criticised for pathologizing partners.',
  'Men stray when they are not getting it at home.',
  'I keep thinking about the hotel receipts and the dates that do not add up.',
];

const WORDS =
  'the and I he she you we it was is to of in that my his her a not but so what when trust after months therapy kids phone found told said truth lies healing slowly today again still why how never'.split(
    ' ',
  );

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** Chat-length messages: one fragment, sometimes with a few extra words (5–40 words). */
export function chatMessages(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const extra = Array.from({ length: Math.floor(random() * 12) }, () => pick(WORDS, random)).join(' ');
    return `${pick(FRAGMENTS, random)} ${extra}`.trim();
  });
}

/** Forum posts of about `words` words, fragments mixed with filler sentences. */
export function longPosts(count: number, words: number, seed = 2): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const parts: string[] = [];
    let total = 0;
    while (total < words) {
      const sentence =
        random() < 0.5
          ? pick(FRAGMENTS, random)
          : `${Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(WORDS, random)).join(' ')}.`;
      parts.push(sentence);
      total += sentence.split(' ').length;
    }
    return parts.join(random() < 0.2 ? '\n\n' : ' ');
  });
}
