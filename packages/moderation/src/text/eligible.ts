import { isMetaDiscussion, isReported, isSelfNarration } from './context.ts';
import { maskOthersWords, normalizeApostrophes } from './mask.ts';
import { type Sentence, splitSentences } from './sentences.ts';

/** Sentences that are the writer's own words to or about others: not narration, reports or concept talk. */
export function eligibleSentences(speech: string, sentences: readonly Sentence[]): Sentence[] {
  return sentences.filter((s) => {
    const text = speech.slice(s.start, s.end);
    return !isSelfNarration(text) && !isMetaDiscussion(text) && !isReported(text, text.length, text.length);
  });
}

/** The part of a text the model reads, as one string (used for training). */
export function speechOnly(text: string): string {
  const speech = maskOthersWords(normalizeApostrophes(text).replace(/[A-Z]+/g, (s) => s.toLowerCase()));
  return eligibleSentences(speech, splitSentences(speech))
    .map((s) => speech.slice(s.start, s.end))
    .join(' ');
}

/** Every word of a text, lower-cased, as the crisis model reads it (quotes and reports included). */
export function allWords(text: string): string {
  return normalizeApostrophes(text).replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
