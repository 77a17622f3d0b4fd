const TAGS = new Set(['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'a']);

/**
 * For tests: true when every tag in `html` belongs to the markdown subset and the only attributes are
 * an http(s)/mailto href and our rel. Text is escaped by the renderer, so any `<` starts a real tag.
 */
export function isInertHtml(html: string): boolean {
  for (const match of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    const [, name = '', rest = ''] = match;
    if (!TAGS.has(name.toLowerCase())) return false;
    const attributes = rest.trim();
    if (attributes === '' || match[0].startsWith('</')) continue;
    if (name !== 'a') return false;
    if (!/^href="(https?:|mailto:)[^"]*" rel="nofollow noopener noreferrer"$/.test(attributes)) return false;
  }
  // A lone `<` that is not part of a tag would have been escaped; one here means the renderer leaked.
  return !/<(?![a-zA-Z/])/.test(html);
}
