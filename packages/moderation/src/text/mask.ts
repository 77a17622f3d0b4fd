// Other people's words are blanked out before the harmful-language rules run: quoted posts (`> …`
// lines), text inside quotation marks and HTML tags. Blanking with spaces keeps every character
// offset unchanged, so a match in the masked text is also a span in the original text.

const QUOTE_LINE = /^[ \t]*(?:>|&gt;)[^\n]*/gm;
const BLOCKQUOTE = /<blockquote[\s\S]{0,20000}?<\/blockquote>/gi;
const TAG = /<\/?[a-z][^<>]{0,300}>/gi;
// Straight or curly double quotes around at most one line; single curly quotes around two+ words.
const DOUBLE_QUOTED = /["“”„«»][^"“”„«»\n]{1,400}["“”„«»]/g;
// It opens only after a space, a bracket or a line start, so an apostrophe earlier in the sentence ("that's")
// cannot open a span that swallows the real quote ('you're imagining it').
const SINGLE_QUOTED = /(?<=^|[\s(])[‘'](?=[a-z])(?:[^'‘’\n]|['’](?=[a-z])){1,400}[’'](?![a-z])/gi;

function blank(match: string): string {
  return match.replace(/[^\n]/g, ' ');
}

/** Curly apostrophes become straight ones (same length) so one set of patterns fits both. */
export function normalizeApostrophes(text: string): string {
  return text.replace(/[’‘ʼ`´]/g, "'");
}

export function maskHtml(text: string): string {
  return text.replace(BLOCKQUOTE, blank).replace(TAG, blank);
}

/** Masks quoted posts and quoted words; keeps length and newlines. */
export function maskOthersWords(text: string): string {
  const withoutQuotedLines = maskHtml(text).replace(QUOTE_LINE, blank).replace(DOUBLE_QUOTED, blank);
  // A single quote is also an apostrophe: only a quote that opens after a space or line start counts.
  return withoutQuotedLines.replace(SINGLE_QUOTED, (match, offset: number, whole: string) => {
    const before = offset === 0 ? ' ' : whole[offset - 1];
    return before !== undefined && /[\s(]/.test(before) ? blank(match) : match;
  });
}
