import type { Label } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import {
  Analysis,
  classify,
  classifyWith,
  ruleFlags,
  VETO_BELOW,
  VETO_BELOW_CRISIS,
  VETO_SURE,
  VETO_MIN_WORDS,
  VETO_SURE_ONE,
  vetoed,
} from '../src/classify.ts';
import { CRISIS_ON_ITS_OWN, modelFlags, readBy, scoreOn } from '../src/model/flags.ts';
import { adjusted, MODEL, type Model, probabilities } from '../src/model/linear.ts';
import { featuresOf, ModelViews, viewOf } from '../src/model/views.ts';

// scripts/cv.ts scores every threshold from one pass: a model flag appears when the document probability
// reaches the threshold and the label's best sentence passes its checks, which do not depend on the
// threshold. These tests hold that shortcut to what classify() does.
const TEXTS = [
  'Maybe if you had kept yourself up he would not have looked elsewhere.',
  'You need to stop dwelling on it, it was only a few messages.',
  'You are being paranoid, he told you it was nothing.',
  'Honestly you sound codependent, checking his phone like that.',
  'I took all of my tablets tonight and I just want it to stop.',
  'He said he would hurt me if I left.',
  'It is not your fault. His choices were his.',
  'We went to the beach on Sunday and the kids loved it.',
  'Have you thought about whether your figure changed since the baby?',
];

const at = (model: Model, t: number): Model =>
  adjusted(model, Object.fromEntries(model.labels.map((label) => [label, { threshold: t }])));

describe('model flags and the cross-validation shortcut', () => {
  it('the patterns then the model give what classify() gives', () => {
    for (const text of TEXTS) {
      const analysis = new Analysis(text);
      const veto = vetoed(new ModelViews(analysis), MODEL);
      const found = ruleFlags(analysis, text);
      const decided = new Set<Label>(found.map((f) => f.label));
      const flags = found.filter((f) => !veto.has(f.label));
      const labels = new Set(
        [...flags, ...modelFlags(analysis, decided, MODEL, new ModelViews(analysis), analysis.clearedIn)].map(
          (f) => f.label,
        ),
      );
      expect([...labels].sort()).toEqual([...classify(text).labels].sort());
      expect(classifyWith(text, MODEL)).toEqual(classify(text));
    }
  });

  it('a label is flagged at a threshold exactly when its probability reaches it and its checks pass', () => {
    for (const text of TEXTS) {
      const analysis = new Analysis(text);
      const passes = new Set(modelFlags(analysis, new Set(), at(MODEL, Number.NEGATIVE_INFINITY)).map((f) => f.label));
      const views = new ModelViews(analysis);
      const byView = {
        own: probabilities(MODEL, featuresOf(views.view('own'))),
        all: probabilities(MODEL, featuresOf(views.view('all'))),
      };
      for (const t of [0.1, 0.3, 0.5, 0.8]) {
        const flagged = new Set(modelFlags(analysis, new Set(), at(MODEL, t)).map((f) => f.label));
        MODEL.labels.forEach((label, j) => {
          const p = byView[viewOf(label)][j] as number;
          expect(flagged.has(label), `${label} at ${t}: ${text}`).toBe(passes.has(label) && p >= t);
        });
      }
    }
  });
});

describe("the model's veto of a pattern flag", () => {
  // The committed linear model without the networks beside it, so one bias sets a label's probability
  // (the veto reads the probability, however the model makes it).
  const LINEAR: Model = { ...MODEL, networks: undefined };
  // A model whose bias for one label is far below zero is "all but sure" no text carries it.
  const sure = (label: Label): Model => adjusted(LINEAR, { [label]: { bias: -50 } });
  // The committed linear model with one label's bias moved so that `text` scores `p` for it.
  const scoredAt = (text: string, label: Label, p: number): Model => {
    const j = LINEAR.labels.indexOf(label);
    const now = new ModelViews(new Analysis(text)).scores(viewOf(label), LINEAR)[j] as number;
    const logit = (q: number): number => Math.log(q / (1 - q));
    return adjusted(LINEAR, { [label]: { bias: (LINEAR.bias[j] as number) + logit(p) - logit(now) } });
  };
  const twoSentences = 'Maybe if you had kept yourself up he would not have looked elsewhere. Think about it.';

  it('drops a harmful-language pattern flag when the model is all but sure the writer means no such harm', () => {
    expect(classifyWith(twoSentences, MODEL).labels).toContain('blame_shifting');
    expect(vetoed(new ModelViews(new Analysis(twoSentences)), sure('blame_shifting'))).toContain('blame_shifting');
    expect(classifyWith(twoSentences, sure('blame_shifting')).labels).not.toContain('blame_shifting');
    // Exactly at its threshold: 0.015 is under VETO_BELOW (0.02), 0.025 is not.
    expect(classifyWith(twoSentences, scoredAt(twoSentences, 'blame_shifting', 0.015)).labels).not.toContain(
      'blame_shifting',
    );
    expect(classifyWith(twoSentences, scoredAt(twoSentences, 'blame_shifting', 0.025)).labels).toContain(
      'blame_shifting',
    );
  });

  it('vetoes a single sentence only when all but certain: in one sentence the word weights are all the model has', () => {
    const one = 'Maybe if you had kept yourself up he would not have looked elsewhere.';
    expect(classifyWith(one, MODEL).labels).toContain('blame_shifting');
    expect(classifyWith(one, sure('blame_shifting')).labels).not.toContain('blame_shifting');
    // At 0.007 (below VETO_BELOW, which two sentences would need, but above VETO_SURE) the pattern stands.
    expect(classifyWith(one, scoredAt(one, 'blame_shifting', 0.007)).labels).toContain('blame_shifting');
    // So it does at 0.003, about what the model gives a sentence it knows no word of; under VETO_SURE_ONE not.
    expect(VETO_SURE_ONE).toBeLessThan(0.003);
    expect(classifyWith(one, scoredAt(one, 'blame_shifting', 0.003)).labels).toContain('blame_shifting');
    expect(classifyWith(one, scoredAt(one, 'blame_shifting', 0.0015)).labels).not.toContain('blame_shifting');
  });

  it('leaves a text of fewer than VETO_MIN_WORDS words to the patterns: too few words to be sure of', () => {
    const short = 'You owe him forgiveness after all he did.';
    expect(short.split(' ').length).toBeLessThan(VETO_MIN_WORDS);
    expect(vetoed(new ModelViews(new Analysis(short)), sure('minimizing'))).not.toContain('minimizing');
    expect(classifyWith(short, sure('minimizing')).labels).toContain('minimizing');
    const hopeless = 'I have never felt so hopeless.';
    expect(classifyWith(hopeless, sure('crisis')).labels).toContain('crisis');
  });

  it('vetoes crisis in a reply from the crisis model over every sentence, in her own narration only when all but certain', () => {
    // Two sentences of her own (a reply, not narration): the crisis model can veto the pattern.
    const reply = 'You said the pills are in the drawer. Stay with us and ring someone now.';
    expect(classifyWith(reply, MODEL).labels).toContain('crisis');
    expect(vetoed(new ModelViews(new Analysis(reply)), sure('crisis'))).toContain('crisis');
    expect(classifyWith(reply, sure('crisis')).labels).not.toContain('crisis');
    // Her own narration: the committed model reads the crisis, so nothing is vetoed.
    const own = 'I took all of my tablets tonight. I just want it to stop.';
    expect(vetoed(new ModelViews(new Analysis(own)), MODEL)).not.toContain('crisis');
    expect(classify(own).labels).toContain('crisis');
    // A model all but certain there is no crisis (below VETO_SURE) vetoes it there too; one
    // that gives it 0.007, below VETO_BELOW_CRISIS but above that, does not: narration gets only the stricter veto.
    expect(classifyWith(own, sure('crisis')).labels).not.toContain('crisis');
    const low = scoredAt(own, 'crisis', 0.007);
    expect(0.007).toBeGreaterThan(VETO_SURE);
    expect(0.007).toBeLessThan(VETO_BELOW_CRISIS);
    expect(vetoed(new ModelViews(new Analysis(own)), low)).not.toContain('crisis');
    expect(classifyWith(own, low).labels).toContain('crisis');
    // A reported threat is the crisis: the veto reads it, so the committed model does not drop it.
    const reported = 'We argued again about the phone. You know what he said? If I leave he will kill me.';
    expect(vetoed(new ModelViews(new Analysis(reported)), MODEL)).not.toContain('crisis');
    expect(classify(reported).labels).toContain('crisis');
  });

  it('the committed model vetoes only below the threshold it names', () => {
    for (const text of TEXTS) {
      const views = new ModelViews(new Analysis(text));
      const byView = {
        own: probabilities(MODEL, featuresOf(views.view('own'))),
        all: probabilities(MODEL, featuresOf(views.view('all'))),
      };
      for (const label of vetoed(views, MODEL)) {
        expect(byView[viewOf(label)][MODEL.labels.indexOf(label)] as number).toBeLessThan(
          label === 'crisis' ? VETO_BELOW_CRISIS : VETO_BELOW,
        );
      }
    }
  });
});

describe('the crisis model on a text whose best sentence is told as over', () => {
  it('stands on another sentence that is a crisis on its own and now', () => {
    const text =
      "Last year I tried to kill myself with his pills. The kids were at my mum's that week. We have moved house since then. He lives across town now. I'm so tired of being alive.";
    const analysis = new Analysis(text);
    const views = new ModelViews(analysis);
    const j = MODEL.labels.indexOf('crisis');
    const scores = views.view('all').sentences.map((s) => probabilities(MODEL, s.features)[j] as number);
    const flags = modelFlags(analysis, new Set(), MODEL, views).filter((f) => f.label === 'crisis');
    // The first sentence scores highest but is told as over ("last year"); the last is a crisis on its own.
    expect(scores[0]).toBeGreaterThan(scores[4] as number);
    expect(scores[4]).toBeGreaterThanOrEqual(CRISIS_ON_ITS_OWN);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.start).toBeGreaterThanOrEqual(text.indexOf("I'm so tired"));
  });

  it('is dropped when no other sentence is a crisis on its own', () => {
    const text = 'I took an overdose two years ago. These days I run a support group for other partners on Tuesdays.';
    expect(classify(text).labels).not.toContain('crisis');
  });
});

describe('a label whose words context cleared', () => {
  it("is read by the model on the writer's other sentences, not on the cleared one", () => {
    // "It is not your fault" clears the blame words of its sentence; the question after it is the blame.
    const text =
      'It is not your fault he strayed. Ask yourself how much attention he was getting from you before the affair.';
    const analysis = new Analysis(text);
    ruleFlags(analysis, text);
    expect(analysis.cleared).toContain('blame_shifting');
    const cleared = analysis.clearedIn.get('blame_shifting') ?? new Set<number>();
    const views = new ModelViews(analysis);
    const rest = readBy(views, 'blame_shifting', cleared);
    expect(cleared.size).toBe(1);
    expect(rest.sentences.length).toBeGreaterThan(0);
    expect(rest.sentences.some((s) => cleared.has(s.sentence.start))).toBe(false);
    expect(rest.sentences.map((s) => s.text).join(' ')).toContain('ask yourself');
    const p = scoreOn(rest, views, 'blame_shifting', MODEL);
    const j = MODEL.labels.indexOf('blame_shifting');
    expect(p).toBeGreaterThanOrEqual(MODEL.threshold[j] as number);
    const flag = classify(text).flags.find((f) => f.label === 'blame_shifting');
    expect(flag?.start).toBeGreaterThanOrEqual(text.indexOf('Ask yourself'));
  });

  it('stays cleared when the cleared sentence is all there is', () => {
    for (const text of ["It's not your fault he cheated.", 'It is NOT your fault he cheated.']) {
      const analysis = new Analysis(text);
      ruleFlags(analysis, text);
      expect(analysis.cleared).toContain('blame_shifting');
      expect(classify(text).labels).not.toContain('blame_shifting');
    }
  });
});
