export interface Sentence {
  start: number;
  end: number;
}

// A sentence ends at . ! ? (and runs of them, with closing quotes/brackets) before whitespace, or at a
// line break. Decimal points and most abbreviations ("Dr. Smith") are short enough not to matter here.
const BOUNDARY = /[.!?…]+["')\]]*(?=\s|$)|\n/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    pushTrimmed(text, start, end, sentences);
    start = end;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

function pushTrimmed(text: string, start: number, end: number, into: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) into.push({ start: s, end: e });
}

/** The sentence containing `index` (binary search; sentences are sorted and disjoint). */
export function sentenceAt(sentences: readonly Sentence[], index: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (index < s.start) hi = mid - 1;
    else if (index >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
