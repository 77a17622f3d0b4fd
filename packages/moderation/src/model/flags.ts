import type { Flag, Label } from '@bedrock/shared';
import { notPast } from '../rules/crisis.ts';
import { eligibleSentences } from '../text/eligible.ts';
import type { Sentence } from '../text/sentences.ts';
import { features } from './features.ts';
import { type LabelModel, modelFor, probability, strongestFeatures } from './linear.ts';

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

export function modelFlags(text: Analysed, skip: ReadonlySet<Label>): Flag[] {
  const own = sentenceView(text.speech, eligibleSentences(text.speech, text.sentences));
  // Crisis reads every word, quotes and reports included: "he said he'd hurt me" is the crisis.
  let all: ReturnType<typeof sentenceView> | undefined;
  const flags: Flag[] = [];
  for (const [label, reason] of Object.entries(REASONS) as [Label, string][]) {
    const model = modelFor(label);
    if (model === undefined || skip.has(label)) continue;
    if (label === 'crisis') all ??= sentenceView(text.raw, text.sentences);
    const view = label === 'crisis' ? (all as ReturnType<typeof sentenceView>) : own;
    if (view.sentences.length === 0) continue;
    if (probability(model, view.features) < model.threshold) continue;
    view.each ??= view.texts.map(features);
    const best = bestSentence(model, view.sentences, view.texts, view.each);
    // A crisis told as over ("that was in 2021, I'm okay now") is not a crisis now, as for the patterns.
    if (label === 'crisis' && !notPast('', text.raw, best.sentence.start)) continue;
    flags.push({ label, ...narrow(model, best.sentence, best.text), reason });
  }
  return flags;
}

export interface Analysed {
  raw: string;
  speech: string;
  sentences: readonly Sentence[];
}

function sentenceView(source: string, sentences: readonly Sentence[]) {
  const texts = sentences.map((s) => source.slice(s.start, s.end));
  // Per-sentence features are only needed to place a flag, so they are computed on the first flag.
  return { sentences, texts, features: features(texts.join(' ')), each: undefined as Set<string>[] | undefined };
}

function bestSentence(
  model: LabelModel,
  own: readonly Sentence[],
  texts: readonly string[],
  each: readonly Set<string>[],
) {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  texts.forEach((_text, i) => {
    const score = probability(model, each[i] as Set<string>);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return { sentence: own[best] as Sentence, text: texts[best] as string };
}

/** From the first to the last of the strongest words found in the sentence; the sentence if none is. */
function narrow(model: LabelModel, sentence: Sentence, text: string): { start: number; end: number } {
  let start = Number.POSITIVE_INFINITY;
  let end = -1;
  for (const feature of strongestFeatures(model, text, 3)) {
    const words = feature.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const m = new RegExp(`\\b${words.join('\\W+(?:\\w+\\W+)?')}\\b`).exec(text);
    if (m === null) continue;
    start = Math.min(start, m.index);
    end = Math.max(end, m.index + m[0].length);
  }
  if (end < 0) return { start: sentence.start, end: sentence.end };
  return { start: sentence.start + start, end: sentence.start + end };
}
