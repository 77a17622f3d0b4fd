import type { Flag, Label } from '@bedrock/shared';
import { notPast } from '../rules/crisis.ts';
import { isIdiomatic } from '../rules/crisis-general.ts';
import type { Sentence } from '../text/sentences.ts';
import { type Model, strongestFeatures } from './linear.ts';
import {
  ASIDE,
  type Analysed,
  ModelViews,
  networksOn,
  type SentenceView,
  scoreSentences,
  type View,
  type ViewName,
  viewOf,
} from './views.ts';

// The model catches wordings the rules do not list. It reads only the writer's own sentences (the same
// context rules as the patterns), and its flag points at the sentence that scored highest, narrowed to
// the words that weighed most.
const REASONS: Partial<Record<Label, string>> = {
  blame_shifting: 'This may read as blaming her for his choices.',
  codependency_label: 'This may frame her trauma responses as codependency.',
  minimizing: 'This may make the betrayal sound small or push her to move on.',
  invalidating: 'This may dismiss her perception or reactions as irrational.',
  crisis: 'This may signal risk to her life or safety; please check in and show crisis resources.',
};

export function modelFlags(
  text: Analysed,
  skip: ReadonlySet<Label>,
  model: Model,
  views: ModelViews = new ModelViews(text),
  clearedIn?: ReadonlyMap<Label, ReadonlySet<number>>,
): Flag[] {
  // A sentence is scored for every label of a view at once (with that view's networks) and kept, for the
  // next label that needs it.
  const perSentence: Record<ViewName, Map<SentenceView, Float64Array>> = { own: new Map(), all: new Map() };
  const scorer = (name: ViewName): ((sentence: SentenceView) => Float64Array) => {
    const networks = networksOn(model, name);
    return (sentence) => {
      let all = perSentence[name].get(sentence);
      if (all === undefined) {
        all = scoreSentences(model, [sentence], networks);
        perSentence[name].set(sentence, all);
      }
      return all;
    };
  };
  const flags: Flag[] = [];
  for (const [label, reason] of Object.entries(REASONS) as [Label, string][]) {
    const column = model.labels.indexOf(label);
    if (column < 0 || skip.has(label)) continue;
    const view = readBy(views, label, clearedIn?.get(label));
    if (view.sentences.length === 0) continue;
    if (scoreOn(view, views, label, model) < (model.threshold[column] as number)) continue;
    const scoresOf = scorer(viewOf(label));
    let best: SentenceView | undefined = bestSentence(view.sentences, column, scoresOf);
    // A crisis told as over ("that was in 2021, I'm okay now") is not a crisis now, as for the patterns, nor
    // is an idiom ("this waiting is killing me haha"); then another sentence that is a crisis on its own can
    // be ("the bottle of oxycodone from his knee surgery last year… At night I pray to be taken home").
    if (label === 'crisis' && !crisisNow(text.raw, best))
      best = crisisElsewhere(text.raw, view, column, scoresOf, best);
    if (best === undefined) continue;
    flags.push({ label, ...narrow(model, column, best), reason });
  }
  return flags;
}

export type { Analysed } from './views.ts';

/** The sentences the model reads for `label`: its view, less the sentences where context cleared the label's
 * words ("It is NOT your fault he cheated. But men don't stray from a happy home": the second sentence is
 * still read). */
export function readBy(views: ModelViews, label: Label, cleared: ReadonlySet<number> | undefined): View {
  const view = views.view(viewOf(label));
  if (cleared === undefined) return view;
  const sentences = view.sentences.filter((s) => !cleared.has(s.sentence.start));
  return { sentences };
}

/** The label's probability on `view` (the whole view's, computed once per model, when nothing was cleared). */
export function scoreOn(view: View, views: ModelViews, label: Label, model: Model): number {
  const column = model.labels.indexOf(label);
  const whole = views.view(viewOf(label));
  const scores =
    view === whole
      ? views.scores(viewOf(label), model)
      : scoreSentences(model, view.sentences, networksOn(model, viewOf(label)));
  return scores[column] as number;
}

/** The crisis model's best sentence still has to be a crisis now: not told as over, not an idiom, not
 * talk about crisis in general (a book, a thread, a helpline), the same tests the patterns pass. */
function crisisNow(raw: string, best: SentenceView): boolean {
  return notPast('', raw, best.sentence.start) && !isIdiomatic(best.text);
}

/** The probability a sentence needs on its own to stand for the crisis when the text's best sentence is told
 * as over or is an idiom. A constant, not the threshold, so whether a flag survives its checks still does not
 * depend on the threshold (scripts/cv.ts scores every threshold from one pass). */
export const CRISIS_ON_ITS_OWN = 0.5;

/** The highest-scoring other sentence that is a crisis on its own and now, if any. */
function crisisElsewhere(
  raw: string,
  view: View,
  label: number,
  scoresOf: (sentence: SentenceView) => Float64Array,
  best: SentenceView,
): SentenceView | undefined {
  return view.sentences
    .filter((s) => s !== best && (scoresOf(s)[label] as number) >= CRISIS_ON_ITS_OWN)
    .sort((a, b) => (scoresOf(b)[label] as number) - (scoresOf(a)[label] as number))
    .find((s) => crisisNow(raw, s));
}

function bestSentence(
  sentences: readonly SentenceView[],
  label: number,
  scoresOf: (sentence: SentenceView) => Float64Array,
): SentenceView {
  let best = sentences[0] as SentenceView;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const sentence of sentences) {
    const score = scoresOf(sentence)[label] as number;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}

/** The mark of a feature of a sentence that is not the writer's own words (views.ts). */
const ASIDE_PREFIX = new RegExp(`^(?:${Object.values(ASIDE).join('|')})`);

/** From the first to the last of the strongest words found in the sentence; the sentence if none is. */
function narrow(model: Model, label: number, { sentence, text, features }: SentenceView): Sentence {
  let start = Number.POSITIVE_INFINITY;
  let end = -1;
  for (const feature of strongestFeatures(model, label, features, 3)) {
    const words = feature
      .replace(ASIDE_PREFIX, '')
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const m = new RegExp(`\\b${words.join('\\W+(?:\\w+\\W+)?')}\\b`).exec(text);
    if (m === null) continue;
    start = Math.min(start, m.index);
    end = Math.max(end, m.index + m[0].length);
  }
  if (end < 0) return { start: sentence.start, end: sentence.end };
  return { start: sentence.start + start, end: sentence.start + end };
}
