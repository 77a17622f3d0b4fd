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

/** The quoted posts alone (`> …` lines and blockquotes, with their tags blanked) and everything else
 * blanked, same length; undefined when there are none. The crisis model reads these besides the writer's
 * own words: a member's suicidal post quoted in a reply, or his threat pasted from a text message, is the
 * crisis however it reached the page. */
export function quotedPosts(text: string): string | undefined {
  if (!text.includes('>') && !text.includes('&gt;')) return undefined;
  const parts: [number, string][] = [];
  for (const m of text.matchAll(QUOTE_LINE)) parts.push([m.index, m[0]]);
  for (const m of text.matchAll(BLOCKQUOTE)) parts.push([m.index, m[0].replace(TAG, blank)]);
  if (parts.length === 0) return undefined;
  parts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, part] of parts) {
    if (start < at) continue;
    out += blank(text.slice(at, start)) + part;
    at = start + part.length;
  }
  return out + blank(text.slice(at));
}
