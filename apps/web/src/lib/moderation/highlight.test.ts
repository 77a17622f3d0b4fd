import type { Flag } from '@bedrock/shared';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Highlighted from './Highlighted.svelte';
import { distinctReasons, highlightSegments } from './highlight.ts';

const flag = (start: number, end: number, reason = 'r', label: Flag['label'] = 'blame_shifting'): Flag => ({
  label,
  start,
  end,
  reason,
});

describe('highlightSegments', () => {
  it('returns the whole text as one plain segment without flags', () => {
    expect(highlightSegments('hello', [])).toEqual([{ text: 'hello', flags: [], endingReasons: [] }]);
  });

  it('marks the flagged offsets and keeps the text around them', () => {
    const f = flag(4, 9, 'blame');
    const segments = highlightSegments('you drove him to it', [f]);
    expect(segments.map((s) => [s.text, s.flags.length])).toEqual([
      ['you ', 0],
      ['drove', 1],
      [' him to it', 0],
    ]);
    expect(segments[1]?.endingReasons).toEqual(['blame']);
  });

  it('splits overlapping spans into adjacent segments covered by each flag', () => {
    const a = flag(0, 6, 'first');
    const b = flag(3, 9, 'second', 'minimizing');
    const segments = highlightSegments('abcdefghij', [a, b]);
    expect(segments.map((s) => [s.text, s.flags.map((x) => x.reason)])).toEqual([
      ['abc', ['first']],
      ['def', ['first', 'second']],
      ['ghi', ['second']],
      ['j', []],
    ]);
    expect(segments.map((s) => s.endingReasons)).toEqual([[], ['first'], ['second'], []]);
  });

  it('handles a span nested inside another and identical spans', () => {
    const segments = highlightSegments('abcdef', [flag(0, 6, 'outer'), flag(2, 4, 'inner'), flag(2, 4, 'inner')]);
    expect(segments.map((s) => s.text)).toEqual(['ab', 'cd', 'ef']);
    expect(segments[1]?.flags).toHaveLength(3);
    expect(segments[1]?.endingReasons).toEqual(['inner']);
  });

  it('clamps spans past the end and drops empty or inverted ones', () => {
    const segments = highlightSegments('short', [flag(3, 50), flag(2, 2), flag(4, 1)]);
    expect(segments.map((s) => [s.text, s.flags.length])).toEqual([
      ['sho', 0],
      ['rt', 1],
    ]);
  });

  it('lists each reason once', () => {
    expect(distinctReasons([flag(0, 1, 'x'), flag(2, 3, 'y'), flag(4, 5, 'x')])).toEqual(['x', 'y']);
  });
});

describe('Highlighted', () => {
  it('renders marks with the reason readable by assistive technology', () => {
    const { body } = render(Highlighted, {
      props: { text: 'you made him do it', flags: [flag(4, 8, 'This may read as blaming her for his choices.')] },
    });
    expect(body).toContain('>made</mark>');
    expect(body).toContain('title="This may read as blaming her for his choices."');
    expect(body).toContain('(flagged: This may read as blaming her for his choices.)');
  });

  it('escapes HTML in the text, inside and outside marks, and in reasons', () => {
    const text = '<script>alert(1)</script> & <b>bold</b>';
    const { body } = render(Highlighted, { props: { text, flags: [flag(0, 8, '"quoted" <reason>')] } });
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>');
    expect(body).toContain('&lt;script>');
    expect(body).toContain('&amp;');
    expect(body).toContain('title="&quot;quoted&quot; &lt;reason>"');
  });
});
