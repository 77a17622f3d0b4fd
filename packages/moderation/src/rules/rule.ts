import type { Label } from '@bedrock/shared';

/**
 * One pattern for one label. Patterns are written in lower case with a few macros (YOU, YOURE, YOUR,
 * HE, HIM, HIS, MEN) and compiled case-insensitively; they must not use capturing groups.
 */
export interface RuleSpec {
  pattern: string;
  reason: string;
  /** 'speech' (default): run on the text with others' words masked, and respect the sentence context.
   *  'raw': run on the original text and ignore who speaks (crisis, identifying details). */
  scope?: 'speech' | 'raw';
  /** Which negations cancel the match: by default one before it in its clause or inside it ("it is NOT
   *  your fault"); 'before' when the pattern itself contains a negation ("if you hadn't …"); false when
   *  the negation is the point ("don't put it all on him"). */
  negatable?: boolean | 'before';
  /** true when a first-person sentence still counts ("if I leave he'll hurt me"). */
  selfAllowed?: boolean;
  /** Only in a question ("what was your sex life like?"). */
  question?: boolean;
  /** Suppress the match when the sentence also matches this. */
  unless?: RegExp;
  /** The label falls on someone else in this sentence ("his mum is his biggest enabler"): the match is
   *  dropped and the label cleared, so the model does not bring it back from the same words. */
  aboutOthers?: RegExp;
  /** The pattern starts with a symbol (`@`, `+`), so no word boundary is put in front of it. */
  bare?: boolean;
  /** Capitalisation matters (names, organisations, postcodes). */
  caseSensitive?: boolean;
  /** Skip the rule unless the text contains one of these strings (a fast pre-check for symbol-led
   *  patterns such as e-mail addresses, which would otherwise be tried at every word). */
  needs?: readonly string[];
  /** A last check on the match and its surroundings (e.g. a handle needs a platform nearby). */
  check?: (match: string, text: string, index: number) => boolean;
}

export interface Rule extends Omit<RuleSpec, 'pattern'> {
  label: Label;
  regex: RegExp;
}

/** A rule that sees the original text and every speaker (crisis, identifying details). */
export function rawRule(pattern: string, reason: string, extra: Partial<RuleSpec> = {}): RuleSpec {
  return { pattern, reason, scope: 'raw', selfAllowed: true, negatable: false, ...extra };
}

const MACROS: Record<string, string> = {
  YOURE: "(?:you'?re|you are|youre|ur|u r|you were|you've been)",
  YOUR: '(?:your|ur|yr)',
  YOU: '(?:you|u|ya)',
  HE: '(?:he|she|they)',
  HIM: '(?:him|her|them)',
  HIS: '(?:his|her|their)',
  MEN: '(?:men|guys|husbands|boyfriends|blokes|lads|males|a man|a guy|a husband|any man|no man|most men|every man|a bloke|wives|women|a wife|a woman|girls|a partner|partners|people|nobody|no one|no-one)',
};
const MACRO_RE = /\b(YOURE|YOUR|YOU|HE|HIM|HIS|MEN)\b/g;

export function compileRules(label: Label, specs: readonly RuleSpec[]): Rule[] {
  return specs.map(({ pattern, ...rest }) => {
    const source = pattern.replace(MACRO_RE, (name) => MACROS[name] ?? name);
    // Case-insensitive rules run on a lower-cased copy of the text, without the slower `i` flag, unless
    // their pattern spells a capital letter (outside an escape such as \\W).
    const flags = rest.caseSensitive || !/(?<!\\)[A-Z]/.test(source) ? 'g' : 'gi';
    const regex = new RegExp(rest.bare ? source : `\\b(?:${source})`, flags);
    if (new RegExp(`${source}|`).exec('')?.length !== 1) {
      throw new Error(`rule for ${label} has a capturing group: ${pattern}`);
    }
    return { ...rest, label, regex };
  });
}
