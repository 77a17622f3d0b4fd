// The two texts the models read, built from per-sentence features computed once and shared: the writer's
// view (blame, codependency, minimizing, invalidating), her own sentences with the others marked as asides
// (ASIDE), and every sentence (crisis: a reported threat is the crisis). Training builds its documents
// through the same functions, so a document means the same thing when the weights are learned and when they
// are used.
import type { Label } from '@bedrock/shared';
import { type AsideKind, asideKind } from '../text/eligible.ts';
import type { Sentence } from '../text/sentences.ts';
import { documentFeatures, sentenceFeatures } from './features.ts';
import { documentProbabilities, type Model, rowsOf } from './linear.ts';
import type { Network } from './network.ts';

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
  /** A sentence of the writer's view that is not her own words (support in the harm's words, her narration,
   * concept talk, a report), its features marked with its kind (ASIDE). */
  aside?: AsideKind;
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
 * union of their features), running only `networks` (documentProbabilities). */
export function scoreSentences(
  model: Model,
  sentences: readonly SentenceView[],
  networks: readonly Network[] = model.networks ?? [],
): Float64Array {
  return documentProbabilities(
    model,
    sentences.map((s) => sentenceRows(model, s)),
    networks,
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

/** The prefix of the features of a sentence that is not the writer's own words, by its kind. The model of
 * the harmful-language labels reads such a sentence apart from her own words: "he told me I drove him to
 * it" does not count as "you drove him to it", and the model still learns what in a report or a narration
 * is the writer's own harm ("he said sorry, move forward"; "my husband said I'd turned into his mother, so
 * have a think about that"). Before, these sentences were left out of the view, and 8% of the blame items
 * the classifier missed on dev had no other sentence. */
export const ASIDE: Record<AsideKind, string> = { support: '~s:', narration: '~n:', meta: '~m:', report: '~r:' };

/** The view a label's model reads: the writer's view for the harmful-language labels, every
 * sentence for crisis (quotes and reports included: "he said he'd hurt me" is the crisis). Training,
 * flags, the veto and cross-validation all ask here. */
export const viewOf = (label: Label): ViewName => (label === 'crisis' ? 'all' : 'own');

/** The model's networks (network.ts) that score labels read on view `name`: the only ones run on it, since a
 * network's work on the other view would be read by no label. */
export const networksOn = (model: Model, name: ViewName): readonly Network[] =>
  model.networks?.filter((net) => net.labels.some((label) => viewOf(label) === name)) ?? [];

export class ModelViews {
  readonly #text: Analysed;
  readonly #speech: (SentenceView | undefined)[] = [];
  readonly #views: Partial<Record<ViewName, View>> = {};
  readonly #scores = new Map<Model, Partial<Record<ViewName, Float64Array>>>();

  constructor(text: Analysed) {
    this.#text = text;
  }

  /** Every label's document probability on one view, computed once per model; only the labels read on the
   * view are to be read from it (the networks of the other view's labels are not run, networksOn). */
  scores(name: ViewName, model: Model): Float64Array {
    let byView = this.#scores.get(model);
    if (byView === undefined) {
      byView = {};
      this.#scores.set(model, byView);
    }
    byView[name] ??= scoreSentences(model, this.view(name).sentences, networksOn(model, name));
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
      const kind = asideKind(speech.slice(s.start, s.end));
      if (kind === undefined) {
        own.push(this.#speechSentence(i));
        return;
      }
      const { sentence, text, features } = this.#speechSentence(i);
      const prefix = ASIDE[kind];
      own.push({ sentence, text, features: new Set(Array.from(features, (f) => prefix + f)), aside: kind });
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
