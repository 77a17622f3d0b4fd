import { describe, expect, it } from 'vitest';
import { isInertHtml } from './inert-html.ts';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders the subset: paragraphs, emphasis, lists, quotes, links', () => {
    const html = renderMarkdown(
      'Hello *there* and **you**\n\n- one\n- two\n\n1. first\n\n> quoted\n\n[help](https://example.org/a)',
    );
    expect(html).toContain('<p>Hello <em>there</em> and <strong>you</strong></p>');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>first</li>\n</ol>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).toContain('<a href="https://example.org/a" rel="nofollow noopener noreferrer">help</a>');
  });

  it('keeps single line breaks', () => {
    expect(renderMarkdown('line one\nline two')).toBe('<p>line one<br>\nline two</p>\n');
  });

  it('leaves headings, images, code and tables as plain text', () => {
    const html = renderMarkdown('# Big\n\n![x](https://example.org/x.png)\n\n`code`');
    expect(html).not.toMatch(/<h1|<img|<code/);
    expect(html).toContain('# Big');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD4=)',
    '[click](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](https://ok.example "title onmouseover=alert(1)")',
    '<svg onload=alert(1)>',
    '"><iframe src=//evil.example>',
  ])('renders %s inert', (payload) => {
    const html = renderMarkdown(payload);
    expect(isInertHtml(html)).toBe(true);
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
  });

  it('recognises live markup as not inert', () => {
    expect(isInertHtml('<p>ok</p><img src=x>')).toBe(false);
    expect(isInertHtml('<a href="javascript:x" rel="nofollow noopener noreferrer">x</a>')).toBe(false);
    expect(isInertHtml('<p onclick="x">y</p>')).toBe(false);
  });

  it('allows mailto links', () => {
    expect(renderMarkdown('<mailto:help@example.org>')).toContain('href="mailto:help@example.org"');
  });
});
