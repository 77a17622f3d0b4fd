// Finding a rule's matches without trying the pattern at every character. Most patterns can only start on
// one of a few dozen words (src/rules/starts.ts); a text's words are listed once, and each such pattern is
// tried, anchored, only where one of its words starts. The matches are exactly those of the pattern run
// over the whole text with the `g` flag: the leftmost match from a position starts on one of the listed
// words, and an anchored (`y`) try there finds the same match.
import type { Rule } from './rule.ts';
import { startsOf } from './starts.ts';

/** Per rule, the offsets where its pattern may match in one text (ascending), or undefined when the rule is
 * scanned in full. */
export type Candidates = readonly (readonly number[] | undefined)[];

const WORDS = /\w+/g;
/** Words already looked up, with the rules they may start. Bounded so a flood of distinct words cannot grow
 * it without limit. */
const MAX_CACHED_WORDS = 50_000;
const NONE: readonly number[] = [];

export class RuleScanner {
  readonly #rules: readonly Rule[];
  /** Per rule, the same pattern anchored (`y`), or undefined for a rule scanned in full. */
  readonly #anchored: (RegExp | undefined)[];
  readonly #exact = new Map<string, number[]>();
  readonly #partial = new Map<string, number[]>();
  #longestPartial = 0;
  /** Rules a match of which can start with a digit. */
  readonly #digit: number[] = [];
  readonly #byWord = new Map<string, readonly number[]>();

  constructor(rules: readonly Rule[]) {
    this.#rules = rules;
    this.#anchored = rules.map((rule, index) => {
      // A case-insensitive flag would need the words folded too; every such rule here runs on lower case.
      if (rule.regex.flags.includes('i')) return undefined;
      const starts = startsOf(rule.regex.source);
      if (starts === undefined) return undefined;
      for (const word of starts.exact) push(this.#exact, word, index);
      if (starts.digit) this.#digit.push(index);
      for (const prefix of starts.partial) {
        push(this.#partial, prefix, index);
        this.#longestPartial = Math.max(this.#longestPartial, prefix.length);
      }
      return new RegExp(rule.regex.source, `${rule.regex.flags}y`);
    });
  }

  /** Whether rule `index` is tried only where its words start. */
  indexed(index: number): boolean {
    return this.#anchored[index] !== undefined;
  }

  /** Where each rule may match in `text`. */
  candidates(text: string): Candidates {
    const out: (number[] | undefined)[] = this.#anchored.map((a) => (a === undefined ? undefined : []));
    WORDS.lastIndex = 0;
    for (let m = WORDS.exec(text); m !== null; m = WORDS.exec(text)) {
      for (const rule of this.#rulesFor(m[0])) (out[rule] as number[]).push(m.index);
    }
    return out;
  }

  /** The first match of rule `index` in `text` starting at `from` or later, as `regex.exec` with the `g` flag
   * from `lastIndex = from` would find it. */
  next(index: number, text: string, from: number, candidates: Candidates): RegExpExecArray | null {
    const anchored = this.#anchored[index];
    const at = candidates[index];
    if (anchored === undefined || at === undefined) {
      const regex = (this.#rules[index] as Rule).regex;
      regex.lastIndex = from;
      return regex.exec(text);
    }
    for (let k = firstAtOrAfter(at, from); k < at.length; k++) {
      anchored.lastIndex = at[k] as number;
      const m = anchored.exec(text);
      if (m !== null) return m;
    }
    return null;
  }

  #rulesFor(word: string): readonly number[] {
    let rules = this.#byWord.get(word);
    if (rules === undefined) {
      const found = new Set<number>(this.#exact.get(word));
      if (/^\d/.test(word)) for (const rule of this.#digit) found.add(rule);
      for (let k = 1; k <= Math.min(word.length, this.#longestPartial); k++) {
        for (const rule of this.#partial.get(word.slice(0, k)) ?? NONE) found.add(rule);
      }
      rules = found.size === 0 ? NONE : [...found].sort((a, b) => a - b);
      if (this.#byWord.size >= MAX_CACHED_WORDS) this.#byWord.clear();
      this.#byWord.set(word, rules);
    }
    return rules;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** The index of the first offset ≥ `from` in an ascending list (binary search). */
function firstAtOrAfter(offsets: readonly number[], from: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
