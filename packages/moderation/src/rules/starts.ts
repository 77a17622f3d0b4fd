// Which words a pattern's match can start with, read from the pattern's source. A pattern such as
// `\b(?:(?:you|u|ya) (?:drove|pushed) …)` can only match where the text has the word "you", "u" or "ya", so
// on a long post the scan needs to try a handful of places instead of every character (src/rules/scan.ts).
//
// The reading is conservative: whatever it cannot follow (a character class that may hold a letter, `\w`,
// `.`, a repeat) ends the known start there, and a pattern whose start it cannot pin to a word at all is
// scanned in full. Everything it returns is a superset of the true starts, never a subset.

/** The words a match starts with: `exact` when the word is known to end there ("you" in `you\b`, `you `,
 * `you'`), `partial` when only its beginning is known ("enabl" in `enabl(?:ing|er)`). */
export interface Starts {
  exact: string[];
  partial: string[];
  /** Some match starts with a digit: any word that starts with one is a start. */
  digit: boolean;
}

type Node =
  | { kind: 'char'; char: string; min: number; max: number }
  | { kind: 'group'; alternatives: Node[][]; min: number; max: number }
  /** A character class, escape or dot that consumes one character; `nonWord` when it can only match a
   * character outside \w (a space, `[- ]`), `digit` when only a digit (`\d`). */
  | { kind: 'set'; nonWord: boolean; digit?: boolean; min: number; max: number }
  /** Matches no character: `\b`, `\B`, `^`, `$`, lookarounds. */
  | { kind: 'empty'; boundary: boolean };

const WORD = /\w/;
const ONCE = { min: 1, max: 1 } as const;
const OPTIONAL = { min: 0, max: 1 } as const;
const ANY = { min: 0, max: Number.POSITIVE_INFINITY } as const;
const SOME = { min: 1, max: Number.POSITIVE_INFINITY } as const;
/** A counted repeat, `{2}`, `{0,3}`, `{1,}` (sticky: read where the parser stands). */
const BRACES = /\{(\d+)(,(\d*))?\}/y;
/** More than this many start strings and the pattern is scanned in full: the reading would cost more than
 * the scan saves. */
const MAX_STATES = 4_000;

class Parser {
  #at = 0;
  constructor(readonly source: string) {}

  parse(): Node[][] {
    const alternatives = this.#alternatives();
    if (this.#at !== this.source.length) throw new Error(`unbalanced ) at ${this.#at}`);
    return alternatives;
  }

  #alternatives(): Node[][] {
    const out: Node[][] = [[]];
    while (this.#at < this.source.length) {
      const c = this.source[this.#at] as string;
      if (c === ')') break;
      if (c === '|') {
        this.#at++;
        out.push([]);
        continue;
      }
      (out[out.length - 1] as Node[]).push(this.#atom());
    }
    return out;
  }

  #atom(): Node {
    const s = this.source;
    const c = s[this.#at] as string;
    if (c === '(') {
      let kind: 'group' | 'look' = 'group';
      if (s.startsWith('(?:', this.#at)) this.#at += 3;
      else if (s.startsWith('(?=', this.#at) || s.startsWith('(?!', this.#at)) {
        this.#at += 3;
        kind = 'look';
      } else if (s.startsWith('(?<=', this.#at) || s.startsWith('(?<!', this.#at)) {
        this.#at += 4;
        kind = 'look';
      } else throw new Error(`capturing or named group at ${this.#at}`);
      const alternatives = this.#alternatives();
      if (s[this.#at] !== ')') throw new Error(`unclosed group at ${this.#at}`);
      this.#at++;
      if (kind === 'look') {
        this.#quantifier(); // a repeated lookaround still matches no character
        return { kind: 'empty', boundary: false };
      }
      return { kind: 'group', alternatives, ...this.#quantifier() };
    }
    if (c === '^' || c === '$') {
      this.#at++;
      return { kind: 'empty', boundary: false };
    }
    if (c === '[') {
      const { nonWord, letters } = this.#characterClass();
      const quantifier = this.#quantifierAfter();
      // A class of a few letters ("[Tt]eaching") is an alternative of each.
      if (letters !== undefined) {
        return {
          kind: 'group',
          alternatives: letters.map((char): Node[] => [{ kind: 'char', char, min: 1, max: 1 }]),
          ...quantifier,
        };
      }
      return { kind: 'set', nonWord, ...quantifier };
    }
    if (c === '.') {
      this.#at++;
      return { kind: 'set', nonWord: false, ...this.#quantifier() };
    }
    if (c === '\\') {
      const e = s[this.#at + 1] as string;
      this.#at += 2;
      if (e === 'b' || e === 'B') return { kind: 'empty', boundary: e === 'b' };
      if (e === 's' || e === 'W') return { kind: 'set', nonWord: true, ...this.#quantifier() };
      if (e === 'd') return { kind: 'set', nonWord: false, digit: true, ...this.#quantifier() };
      if (/[wdSDntrfvux0-9ck]/.test(e)) {
        // \w, \d, \S, a control or code escape: may be a word character, or is too rare here to follow.
        if (e === 'x') this.#at += 2;
        if (e === 'u') this.#at += 4;
        return { kind: 'set', nonWord: false, ...this.#quantifier() };
      }
      return { kind: 'char', char: e, ...this.#quantifier() };
    }
    this.#at++;
    return { kind: 'char', char: c, ...this.#quantifier() };
  }

  /** Reads `[...]`: whether every character it can match is outside \w, and its letters when it is a few
   * plain letters (`[Tt]`). */
  #characterClass(): { nonWord: boolean; letters?: string[] } {
    const s = this.source;
    this.#at++;
    const negated = s[this.#at] === '^';
    if (negated) this.#at++;
    let nonWord = !negated;
    let letters: string[] | undefined = negated ? undefined : [];
    let first = true;
    while (this.#at < s.length && (s[this.#at] !== ']' || first)) {
      first = false;
      const c = s[this.#at] as string;
      if (c === '\\') {
        const e = s[this.#at + 1] as string;
        if (!/[sW\-.,;:!?'"()[\]/\\+*&@#]/.test(e)) nonWord = false;
        letters = undefined;
        this.#at += 2;
        continue;
      }
      if (c === '-' && s[this.#at + 1] !== ']' && s[this.#at - 1] !== '[') {
        nonWord = false; // a range
        letters = undefined;
      } else if (/[a-zA-Z]/.test(c)) {
        nonWord = false;
        letters?.push(c);
      } else {
        if (WORD.test(c)) nonWord = false;
        letters = undefined;
      }
      this.#at++;
    }
    if (s[this.#at] !== ']') throw new Error('unclosed character class');
    return {
      nonWord,
      letters: letters !== undefined && letters.length > 0 && letters.length <= 4 ? letters : undefined,
    };
  }

  #quantifierAfter(): { min: number; max: number } {
    this.#at++; // the closing ]
    return this.#quantifier();
  }

  #quantifier(): { min: number; max: number } {
    const s = this.source;
    const c = s[this.#at];
    let q: { min: number; max: number } = ONCE;
    if (c === '?') q = OPTIONAL;
    else if (c === '*') q = ANY;
    else if (c === '+') q = SOME;
    else if (c === '{') {
      BRACES.lastIndex = this.#at;
      const m = BRACES.exec(s);
      if (m === null) return q;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.#at += m[0].length - 1;
      q = { min, max };
    } else return q;
    this.#at++;
    if (s[this.#at] === '?') this.#at++; // lazy: the same characters, in another order of trying
    return q;
  }
}

/** A start being read: the characters known so far, and whether more can follow (`open`), the word is known
 * to have ended (`closed`), or nothing more is known (`stopped`). */
interface State {
  text: string;
  status: 'open' | 'closed' | 'stopped';
  /** A \b came before the first character, so the match starts where a word starts. */
  bounded: boolean;
  /** The first character is a digit, nothing more known. */
  digit?: boolean;
}

class TooMany extends Error {}

function extend(states: State[], sequence: readonly Node[]): State[] {
  let open = states.filter((s) => s.status === 'open');
  const done = states.filter((s) => s.status !== 'open');
  for (const node of sequence) {
    if (open.length === 0) break;
    const next = step(open, node);
    open = [];
    for (const s of next) (s.status === 'open' ? open : done).push(s);
    if (open.length + done.length > MAX_STATES) throw new TooMany();
  }
  return done.concat(open);
}

function step(states: State[], node: Node): State[] {
  if (node.kind === 'empty') {
    // \b after a word character: the word ends here.
    if (!node.boundary) return states;
    return states.map((s) => {
      if (s.text === '') return { ...s, bounded: true };
      return endsInWord(s.text) ? { ...s, status: 'closed' as const } : s;
    });
  }
  const once = (from: State[]): State[] => {
    if (node.kind === 'char') return from.map((s) => append(s, node.char));
    if (node.kind === 'set') {
      return from.map((s) => {
        if (node.nonWord && endsInWord(s.text)) return { ...s, status: 'closed' as const };
        return { ...s, status: 'stopped' as const, digit: s.text === '' && node.digit === true };
      });
    }
    return node.alternatives.flatMap((alternative) => extend(from, alternative));
  };
  let out = once(states);
  // A repeat: one more copy may or may not follow, so what comes after is unknown.
  if (node.max > 1) out = out.map((s) => (s.status === 'open' ? { ...s, status: 'stopped' as const } : s));
  if (node.min === 0) out = [...states, ...out];
  return out;
}

function append(state: State, char: string): State {
  if (!WORD.test(char) && endsInWord(state.text)) return { ...state, status: 'closed' };
  return { ...state, text: state.text + char };
}

function endsInWord(text: string): boolean {
  return text.length > 0 && WORD.test(text[text.length - 1] as string);
}

/** The words a match of `source` (a pattern as compiled, flags aside) can start with, or undefined when a
 * match can start with something other than a word character, or inside a word (no `\b` before it), or the
 * start cannot be read. */
export function startsOf(source: string): Starts | undefined {
  let states: State[];
  try {
    const alternatives = new Parser(source).parse();
    states = alternatives.flatMap((alternative) => extend([{ text: '', status: 'open', bounded: false }], alternative));
  } catch (error) {
    if (error instanceof TooMany) return undefined;
    throw error;
  }
  const exact = new Set<string>();
  const partial = new Set<string>();
  let digit = false;
  for (const state of states) {
    if (!state.bounded) return undefined;
    if (state.digit === true) {
      digit = true;
      continue;
    }
    const word = /^\w+/.exec(state.text)?.[0];
    if (word === undefined) return undefined;
    // A word that ran to the end of the pattern, or was cut by something unknown, may go on in the text.
    if (state.status === 'closed' || word.length < state.text.length) exact.add(word);
    else partial.add(word);
  }
  // A beginning covers every longer word it begins ("enabling" covers "enablings").
  const covered = (word: string, self?: string): boolean => [...partial].some((p) => p !== self && word.startsWith(p));
  const byDigit = (word: string): boolean => digit && /^\d/.test(word);
  return {
    exact: [...exact].filter((w) => !covered(w) && !byDigit(w)),
    partial: [...partial].filter((p) => !covered(p, p) && !byDigit(p)),
    digit,
  };
}
