import MarkdownIt from 'markdown-it';

/**
 * The forum's small markdown subset: paragraphs, line breaks, emphasis, lists, block quotes and links.
 * Raw HTML is off, images and everything else are off, and only http(s) and mailto links survive, so
 * the output is safe to insert as HTML. Rendered once on write; readers get the stored HTML.
 */
const md = new MarkdownIt('zero', { html: false, breaks: true, linkify: false, typographer: false });
md.enable(['blockquote', 'list']);
md.enable(['emphasis', 'link', 'newline', 'escape', 'autolink']);

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  // Keep only href; a title attribute is not part of the subset.
  token.attrs = (token.attrs ?? []).filter(([name]) => name === 'href');
  token.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
