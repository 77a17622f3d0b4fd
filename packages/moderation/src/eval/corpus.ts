import { type Label, labelSchema } from '@bedrock/shared';

export type ItemKind = 'positive' | 'hard_negative' | 'negative';

/** One labelled corpus line. `kind` is absent in files that do not mark it (e.g. the shared examples). */
export interface CorpusItem {
  id: string;
  text: string;
  labels: Label[];
  kind?: ItemKind;
  note?: string;
}

const KINDS: readonly string[] = ['positive', 'hard_negative', 'negative'];

export function parseCorpusLine(line: string, where: string): CorpusItem {
  const raw = JSON.parse(line) as Record<string, unknown>;
  const { id, text, labels, kind } = raw;
  // The shared examples explain each item in "why"; the corpus uses "note".
  const note = raw.note ?? raw.why;
  if (typeof id !== 'string' || typeof text !== 'string' || !Array.isArray(labels)) {
    throw new Error(`${where}: expected {"id","text","labels"}`);
  }
  const item: CorpusItem = { id, text, labels: labels.map((l) => labelSchema.parse(l)) };
  if (typeof kind === 'string' && KINDS.includes(kind)) item.kind = kind as ItemKind;
  if (typeof note === 'string') item.note = note;
  return item;
}

export function parseCorpus(content: string, source: string): CorpusItem[] {
  return content
    .split('\n')
    .map((line, i) => ({ line, where: `${source}:${i + 1}` }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, where }) => parseCorpusLine(line, where));
}
