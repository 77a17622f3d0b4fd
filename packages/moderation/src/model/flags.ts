import type { Flag, Label } from '@bedrock/shared';
import { notPast } from '../rules/crisis.ts';
import { isIdiomatic } from '../rules/crisis-general.ts';
import type { Sentence } from '../text/sentences.ts';
import { type Model, probabilities, strongestFeatures } from './linear.ts';
import { type Analysed, ModelViews, type SentenceView, viewOf } from './views.ts';

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
): Flag[] {
  const perSentence = new Map<SentenceView, Float64Array>();
  const flags: Flag[] = [];
  for (const [label, reason] of Object.entries(REASONS) as [Label, string][]) {
    const column = model.labels.indexOf(label);
    if (column < 0 || skip.has(label)) continue;
    const name = viewOf(label);
    const view = views.view(name);
    if (view.sentences.length === 0) continue;
    const scores = views.scores(name, model);
    if ((scores[column] as number) < (model.threshold[column] as number)) continue;
    const best = bestSentence(view.sentences, column, (sentence) => {
      // A sentence is scored for every label at once and kept, for the next label that needs it.
      let all = perSentence.get(sentence);
      if (all === undefined) {
        all = probabilities(model, sentence.features);
        perSentence.set(sentence, all);
      }
      return all;
    });
    // A crisis told as over ("that was in 2021, I'm okay now") is not a crisis now, as for the patterns.
    // An idiom ("this waiting is killing me haha") is let through, as for the patterns.
    if (label === 'crisis' && !crisisNow(text.raw, best)) continue;
    flags.push({ label, ...narrow(model, column, best), reason });
  }
  return flags;
}

export type { Analysed } from './views.ts';

/** The crisis model's best sentence still has to be a crisis now: not told as over, not an idiom, not
 * talk about crisis in general (a book, a thread, a helpline), the same tests the patterns pass. */
function crisisNow(raw: string, best: SentenceView): boolean {
  return notPast('', raw, best.sentence.start) && !isIdiomatic(best.text);
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

/** From the first to the last of the strongest words found in the sentence; the sentence if none is. */
function narrow(model: Model, label: number, { sentence, text, features }: SentenceView): Sentence {
  let start = Number.POSITIVE_INFINITY;
  let end = -1;
  for (const feature of strongestFeatures(model, label, features, 3)) {
    const words = feature.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const m = new RegExp(`\\b${words.join('\\W+(?:\\w+\\W+)?')}\\b`).exec(text);
    if (m === null) continue;
    start = Math.min(start, m.index);
    end = Math.max(end, m.index + m[0].length);
  }
  if (end < 0) return { start: sentence.start, end: sentence.end };
  return { start: sentence.start + start, end: sentence.start + end };
}
