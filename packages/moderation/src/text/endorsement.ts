// A quoted post is someone else's words, so it never makes a reply harmful by itself (GUIDELINES.md,
// principle 1). A reply whose own words open by agreeing with the quote and say nothing else in that
// sentence ("This.", "^^^ this", "Exactly.", "Well said.", "Sad but true.") takes the quoted words as its
// own: "> it takes two\nThis. Nobody wants to hear it." says what the quote says. Only a whole first
// sentence of agreement counts, so "This is exactly what my husband said", "True, but…" and "Yes? It
// happened to me?" are not agreement.
import type { Sentence } from './sentences.ts';

// The whole of the reply's first sentence: one of these, with at most a softener after it.
const AGREEMENT = new RegExp(
  '^(?:' +
    [
      String.raw`\^+(?: *this)?`,
      '(?:yes,? |so much |exactly )?this(?: right here| 100 ?%| so much| exactly)?',
      'exactly(?: this| my thoughts| right)?',
      '100 ?%',
      String.raw`\+1`,
      '(?:i )?(?:totally |completely |fully |strongly )?agree(?:d)?(?: with (?:this|(?:every word|all) of this|her|him))?',
      "couldn'?t agree more",
      '(?:very |so )?true',
      '(?:sad|harsh|hard|brutal) but (?:true|fair|someone (?:had|needed) to say it)',
      'well (?:said|put)',
      '(?:lol |honestly )?facts',
      'amen(?: to that)?',
      'spot on',
      'preach',
      'bingo',
      String.raw`right\?+`,
      'what (?:she|he|they|op|you) said',
      "i(?:'d| would) (?:say|have said) the same",
      '(?:i was )?(?:thinking|going to say) the same(?: thing)?',
      'came here to say (?:this|that)',
      String.raw`(?:this is )?(?:the )?(?:best|only sane|most sensible|only honest) (?:reply|answer|comment|post|advice)(?: (?:here|on here|in (?:this|the) thread|in \w+ pages))?`,
    ].join('|') +
    ')' +
    String.raw`(?:,? (?:honestly|tbh|ngl|lol|sorry))?[\s.!,:;]*$`,
  'i',
);

export interface Endorsement {
  /** The agreeing words in the reply. */
  span: Sentence;
  /** The quoted post it agrees with, quote marks removed (the innermost level only: a reply to a nested
   * quote agrees with the post it answers, not the one that post answered). */
  quoted: string;
}

/** The quoted post a reply opens by agreeing with, if it does. `text` is the text as written; `speech` the same
 * text lower-cased with other people's words blanked (mask.ts), same length; `sentences` its sentences (the
 * Analysis keeps them, so they are not split again here). */
export function endorsement(text: string, speech: string, sentences: readonly Sentence[]): Endorsement | undefined {
  if (!text.includes('>')) return undefined;
  const quoted = quotedLines(text);
  if (quoted === '') return undefined;
  const first = sentences[0];
  if (first === undefined || !AGREEMENT.test(speech.slice(first.start, first.end))) return undefined;
  return { span: first, quoted };
}

/** The `> ` lines of the first quoted block with one level of quote marks, marks removed. */
function quotedLines(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^[ \t]*(?:>|&gt;)[ \t]?(.*)$/.exec(line);
    if (m === null) {
      if (lines.length > 0) break;
      continue;
    }
    const inner = m[1] as string;
    if (/^[ \t]*(?:>|&gt;)/.test(inner)) continue;
    lines.push(inner);
  }
  return lines.join('\n').trim();
}
