import { describe, expect, it } from 'vitest';
import { Analysis } from '../src/classify.ts';
import { sentenceFeatures } from '../src/model/features.ts';
import { modelFlags } from '../src/model/flags.ts';
import { compile } from '../src/model/linear.ts';
import { ASIDE, ModelViews } from '../src/model/views.ts';

describe("the writer's view", () => {
  const text =
    'He told me I drove him to it. His mum says the marriage was dead already. Codependency is a term from the 80s. ' +
    'It is not your fault. Ask yourself what you did.';
  const views = new ModelViews(new Analysis(text));
  const own = views.view('own').sentences;

  it('holds her own sentences as they are and the others as asides, each feature marked by the kind', () => {
    expect(own.map((s) => s.aside)).toEqual(['narration', 'report', 'meta', 'support', undefined]);
    for (const s of own) {
      const plain = [...sentenceFeatures(s.text)];
      const prefix = s.aside === undefined ? '' : ASIDE[s.aside];
      expect([...s.features]).toEqual(plain.map((f) => prefix + f));
    }
    expect(own[0]?.features.has('~n:drove him')).toBe(true);
    expect(own[0]?.features.has('drove him')).toBe(false);
  });

  it('shares no sentence with the crisis view, which reads the words unmarked', () => {
    const all = views.view('all').sentences;
    expect(all).toHaveLength(own.length);
    expect(all[1]?.features.has('his mum')).toBe(true);
    expect(all[4]).toBe(own[4]);
    expect(all[1]).not.toBe(own[1]);
  });

  it('lets a flag on an aside point at the words that weighed, not at the mark', () => {
    const model = compile({
      blame_shifting: { bias: -4, threshold: 0.5, weights: { '~r:marriage was': 3, '~r:dead already': 3 } },
    });
    const flags = modelFlags(new Analysis('His mum says the marriage was dead already.'), new Set(), model);
    expect(flags).toHaveLength(1);
    const [flag] = flags;
    expect('His mum says the marriage was dead already.'.slice(flag?.start, flag?.end)).toBe(
      'marriage was dead already',
    );
  });
});
