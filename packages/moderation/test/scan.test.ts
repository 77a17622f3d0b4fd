import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/classify.ts';
import { RuleScanner } from '../src/rules/scan.ts';
import { startsOf } from '../src/rules/starts.ts';

const sorted = (words: string[]): string[] => [...words].sort();

describe('the words a pattern can start with', () => {
  it('reads alternatives, optional parts and where a word ends', () => {
    const starts = startsOf("\\b(?:(?:you|u) drove|you'?re the reason|it's)");
    // "you" then an optional apostrophe: "you" (of "you're") and "youre" are both words that end there.
    expect(sorted(starts?.exact ?? [])).toEqual(['it', 'u', 'you', 'youre']);
    expect(starts?.partial).toEqual([]);
  });

  it('an optional first word leaves the next one as a start too', () => {
    const starts = startsOf('\\b(?:(?:an? |the )?(?:affairs?|porn) (?:is|was))');
    expect(sorted(starts?.exact ?? [])).toEqual(['a', 'affair', 'affairs', 'an', 'porn', 'the']);
  });

  it('a word cut short by a group or a repeat is only a beginning', () => {
    expect(startsOf('\\b(?:enabl(?:ing|er)s?)')?.partial).toEqual(['enabling', 'enabler']);
    expect(startsOf('\\b(?:suicid\\w*)')?.partial).toEqual(['suicid']);
    expect(startsOf('\\b(?:kill\\b)')).toEqual({ exact: ['kill'], partial: [], digit: false });
  });

  it('lookarounds match no character and are stepped over', () => {
    expect(startsOf('\\b(?:(?<!not )(?:hit|hurt)(?! the wall) me)')?.exact).toEqual(['hit', 'hurt']);
  });

  it('a class of a few letters is each of them; a digit, any word that starts with one', () => {
    expect(sorted(startsOf('\\b(?:[Tt]eaching|FB)\\b')?.exact ?? [])).toEqual(['FB', 'Teaching', 'teaching']);
    expect(startsOf('\\b(?:\\d+(?:th|st) floor|roof)\\b')).toEqual({ exact: ['roof'], partial: [], digit: true });
  });

  it('gives up where a match may start with something else or inside a word', () => {
    expect(startsOf('\\b(?:[a-z]+ at home)')).toBeUndefined(); // any word
    expect(startsOf('(?:kill myself)')).toBeUndefined(); // no \b: "skill myself" would match
    expect(startsOf('\\b(?:hurt|[.!?] )')).toBeUndefined(); // one alternative starts on punctuation
    expect(startsOf('\\b(?:hurt|)')).toBeUndefined(); // an empty match
  });
});

describe('scanning only where a rule can start', () => {
  const scanner = new RuleScanner(RULES);

  /** Every match of rule `index` as `exec` with the `g` flag finds them, from each match's end. */
  function plain(index: number, text: string): [number, string][] {
    const regex = RULES[index]?.regex as RegExp;
    const out: [number, string][] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      out.push([m.index, m[0]]);
      if (m[0].length === 0) regex.lastIndex++;
    }
    return out;
  }

  function scanned(index: number, text: string): [number, string][] {
    const candidates = scanner.candidates(text);
    const out: [number, string][] = [];
    let from = 0;
    for (
      let m = scanner.next(index, text, from, candidates);
      m !== null;
      m = scanner.next(index, text, from, candidates)
    ) {
      out.push([m.index, m[0]]);
      from = m.index + Math.max(1, m[0].length);
    }
    return out;
  }

  it('most patterns are indexed', () => {
    const indexed = RULES.filter((_, i) => scanner.indexed(i)).length;
    expect(indexed).toBeGreaterThan(RULES.length * 0.8);
  });

  it('finds exactly the matches of the full scan, on corpus texts and their lower-cased forms', () => {
    const lines = readFileSync(new URL('../data/train.jsonl', import.meta.url), 'utf8').split('\n');
    const texts = lines
      .filter((l) => l.trim() !== '')
      .filter((_, i) => i % 40 === 0)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    // Long posts made of many items, as the scan is meant for them, and inputs at the edges.
    const posts = Array.from({ length: 20 }, (_, k) => texts.slice(k * 25, k * 25 + 25).join(' '));
    const odd = [
      '',
      'you',
      'youre',
      "you're the reason",
      'ur',
      'kill',
      'skill myself',
      'x'.repeat(500),
      'é you drove him',
      'standing on the 14th floor thinking',
      'She teaches at Hollins Primary',
      'pay me on $rosie_k or u/brokenbutbreathing, discord rosie#1234',
    ];
    let matches = 0;
    for (const text of [...texts, ...posts, ...odd]) {
      for (const target of [text, text.toLowerCase()]) {
        RULES.forEach((_, index) => {
          const expected = plain(index, target);
          matches += expected.length;
          expect(scanned(index, target), `rule ${index} on ${JSON.stringify(target.slice(0, 80))}`).toEqual(expected);
        });
      }
    }
    expect(matches).toBeGreaterThan(1_000);
  }, 60_000);
});
