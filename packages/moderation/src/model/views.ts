// The two texts the models read, built from per-sentence features computed once and shared: the writer's
// own sentences (blame, codependency, minimizing, invalidating) and every sentence (crisis: a reported
// threat is the crisis). Training builds its documents through the same functions, so a document means
// the same thing when the weights are learned and when they are used.
import type { Label } from '@bedrock/shared';
import { isEligible } from '../text/eligible.ts';
import type { Sentence } from '../text/sentences.ts';
import { documentFeatures, sentenceFeatures } from './features.ts';
import { documentProbabilities, type Model, rowsOf } from './linear.ts';

export interface Analysed {
  /** Lower-cased text, every speaker. */
  raw: string;
  /** The same with other people's words (quotes, quoted posts, HTML) blanked. */
  speech: string;
  /** Sentences of `speech`, so a fully quoted line is not a sentence of the writer's own. */
  sentences: readonly Sentence[];
  /** Sentences of the quoted posts (`> …` lines, blockquotes) and their text (tags blanked), which only the
   * crisis model reads. */
  quoted: { text: string; sentences: readonly Sentence[] } | undefined;
}

export interface SentenceView {
  sentence: Sentence;
  text: string;
  features: ReadonlySet<string>;
  /** The rows of `features` in a model's feature table, once scored (sentenceRows). */
  rows?: { index: Model['index']; rows: number[] };
}

export interface View {
  sentences: readonly SentenceView[];
}

/** The features of a view as one document: the union of its sentences' (scoring reads the sentences'
 * rows instead, scoreSentences). */
export function featuresOf(view: View): Set<string> {
  return documentFeatures(view.sentences.map((s) => s.features));
}

/** Every label's probability on a document made of `sentences` (the same numbers as `probabilities` of the
 * union of their features); with `network` false, the linear model's alone (documentProbabilities). */
export function scoreSentences(model: Model, sentences: readonly SentenceView[], network = true): Float64Array {
  return documentProbabilities(
    model,
    sentences.map((s) => sentenceRows(model, s)),
    network,
  );
}

/** The model rows of one sentence's features, kept on the sentence for the feature table last asked. */
export function sentenceRows(model: Model, sentence: SentenceView): number[] {
  const kept = sentence.rows;
  if (kept !== undefined && kept.index === model.index) return kept.rows;
  const rows = rowsOf(model, sentence.features);
  sentence.rows = { index: model.index, rows };
  return rows;
}

export type ViewName = 'own' | 'all';

/** The view a label's model reads: the writer's own sentences for the harmful-language labels, every
 * sentence for crisis (quotes and reports included: "he said he'd hurt me" is the crisis). Training,
 * flags, the veto and cross-validation all ask here. */
export const viewOf = (label: Label): ViewName => (label === 'crisis' ? 'all' : 'own');

/** Whether a label is scored by the model's networks (network.ts) as well as its linear table. */
export const networkScores = (model: Model, label: Label): boolean => model.network?.labels.includes(label) ?? false;

/** Whether the networks are run on view `name`: only when a label they score reads it. Every text has both
 * views, and the networks were most of the work of scoring the crisis view, which only crisis (linear) reads. */
const networkReads = (model: Model, name: ViewName): boolean =>
  model.labels.some((label) => viewOf(label) === name && networkScores(model, label));

export class ModelViews {
  readonly #text: Analysed;
  readonly #speech: (SentenceView | undefined)[] = [];
  readonly #views: Partial<Record<ViewName, View>> = {};
  readonly #scores = new Map<Model, Partial<Record<ViewName, Float64Array>>>();

  constructor(text: Analysed) {
    this.#text = text;
  }

  /** Every label's document probability on one view, computed once per model; on a view that no label the
   * networks score reads, those labels' probabilities are the linear model's alone (networkReads). */
  scores(name: ViewName, model: Model): Float64Array {
    let byView = this.#scores.get(model);
    if (byView === undefined) {
      byView = {};
      this.#scores.set(model, byView);
    }
    byView[name] ??= scoreSentences(model, this.view(name).sentences, networkReads(model, name));
    return byView[name];
  }

  view(name: ViewName): View {
    let view = this.#views[name];
    if (view === undefined) {
      view = name === 'own' ? this.#own() : this.#all();
      this.#views[name] = view;
    }
    return view;
  }

  #speechSentence(i: number): SentenceView {
    let view = this.#speech[i];
    if (view === undefined) {
      const sentence = this.#text.sentences[i] as Sentence;
      const text = this.#text.speech.slice(sentence.start, sentence.end);
      view = { sentence, text, features: sentenceFeatures(text) };
      this.#speech[i] = view;
    }
    return view;
  }

  #own(): View {
    const { speech, sentences } = this.#text;
    const own: SentenceView[] = [];
    sentences.forEach((s, i) => {
      if (isEligible(speech.slice(s.start, s.end))) own.push(this.#speechSentence(i));
    });
    return { sentences: own };
  }

  #all(): View {
    const { raw, speech, sentences, quoted } = this.#text;
    const all = sentences.map((sentence, i) => {
      const text = raw.slice(sentence.start, sentence.end);
      // Most sentences have no quoted words: their features are the speech sentence's, built once.
      if (text === speech.slice(sentence.start, sentence.end)) return this.#speechSentence(i);
      return { sentence, text, features: sentenceFeatures(text) };
    });
    // Quoted posts are blank in `speech`, so their sentences never overlap the writer's: merged by position.
    if (quoted !== undefined && quoted.sentences.length > 0) {
      for (const sentence of quoted.sentences) {
        const text = quoted.text.slice(sentence.start, sentence.end);
        all.push({ sentence, text, features: sentenceFeatures(text) });
      }
      all.sort((a, b) => a.sentence.start - b.sentence.start);
    }
    return { sentences: all };
  }
}
