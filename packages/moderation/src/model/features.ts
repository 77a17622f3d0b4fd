// Word features for the small linear model: lower-cased word unigrams and bigrams, with chat spellings
// folded into standard ones ("u" → "you") so a short training set covers both registers.

const TOKEN = /[a-z0-9]+(?:'[a-z]+)?|[?]/g;
const FOLD: Record<string, string> = {
  u: 'you',
  ur: 'your',
  ya: 'you',
  youre: "you're",
  im: "i'm",
  dont: "don't",
  doesnt: "doesn't",
  isnt: "isn't",
  cant: "can't",
  wont: "won't",
  thats: "that's",
  hes: "he's",
  shes: "she's",
};

export function tokens(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).map((t) => FOLD[t] ?? t);
}

/** The distinct features of a text. */
export function features(text: string): Set<string> {
  const words = tokens(text);
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(words[i] as string);
    if (i > 0) out.add(`${words[i - 1]} ${words[i]}`);
  }
  return out;
}
