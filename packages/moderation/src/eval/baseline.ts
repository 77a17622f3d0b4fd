import type { Classification, Flag, Label } from '@bedrock/shared';

// What a forum admin would put in a watched-words list (Discourse) or an AutoModerator rule: the
// obvious words per label, matched anywhere, with no idea of who is speaking.
const KEYWORDS: Record<Label, string[]> = {
  blame_shifting: [
    'your fault',
    'your part',
    'your role',
    'takes two',
    'drove him',
    'pushed him',
    'blame',
    'let yourself go',
    'not getting it at home',
    'his shoes',
  ],
  codependency_label: [
    'codependent',
    'codependency',
    'co-dependent',
    'co-addict',
    'enabling',
    'enabler',
    'love addict',
    'love addiction',
  ],
  minimizing: [
    'just porn',
    'only porn',
    'get over it',
    'move on',
    'let it go',
    'at least he',
    'boys will be boys',
    'not a big deal',
    'forgive',
  ],
  invalidating: [
    'paranoid',
    'crazy',
    'hysterical',
    'overreacting',
    'too sensitive',
    'drama queen',
    'imagining things',
    'insane',
  ],
  crisis: [
    'suicide',
    'suicidal',
    'kill myself',
    'end it all',
    'want to die',
    'self harm',
    'self-harm',
    'cutting',
    'overdose',
    'kill me',
    'hurt me',
    'hit me',
  ],
  identifying_info: ['@', 'facebook.com', 'instagram', 'phone number', 'my number', 'street', 'road', 'works at'],
};

export function classifyByKeywords(text: string): Classification {
  const lower = text.toLowerCase();
  const flags: Flag[] = [];
  for (const [label, words] of Object.entries(KEYWORDS) as [Label, string[]][]) {
    for (const word of words) {
      const start = lower.indexOf(word);
      if (start >= 0) {
        flags.push({ label, start, end: start + word.length, reason: `Contains the watched word "${word}".` });
        break;
      }
    }
  }
  return { labels: flags.map((f) => f.label), flags };
}
