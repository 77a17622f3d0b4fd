// How far do two people who read GUIDELINES.md agree? A second reader labelled a seeded random sample of
// the test split without seeing the writers' labels (data/agreement/*.jsonl, {"id","labels"}). This prints
// per-label P/R/F1 of the second reader against the writers' labels, and on the same items the classifier
// against the writers and against the second reader. Run: pnpm --filter @bedrock/moderation agreement
import { readdirSync, readFileSync } from 'node:fs';
import { type Label, labelSchema } from '@bedrock/shared';
import { classify } from '../src/classify.ts';
import { type CorpusItem, parseCorpus } from '../src/eval/corpus.ts';
import { type Report, score } from '../src/eval/metrics.ts';
import { rate } from '../src/eval/table.ts';

const data = new URL('../data/', import.meta.url).pathname;
const test = parseCorpus(readFileSync(`${data}test.jsonl`, 'utf8'), 'data/test.jsonl');
const byId = new Map(test.map((item) => [item.id, item]));

const second = new Map<string, Label[]>();
for (const name of readdirSync(`${data}agreement`).filter((f) => f.endsWith('.jsonl'))) {
  const lines = readFileSync(`${data}agreement/${name}`, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const { id, labels } = JSON.parse(line) as { id: string; labels: string[] };
    if (!byId.has(id)) throw new Error(`agreement/${name}:${i + 1}: ${id} is not a test item`);
    second.set(
      id,
      labels.map((l) => labelSchema.parse(l)),
    );
  });
}

const writers: CorpusItem[] = [...second.keys()].map((id) => byId.get(id) as CorpusItem);
const reader: CorpusItem[] = writers.map((item) => ({ ...item, labels: second.get(item.id) ?? [] }));
const readerByText = new Map(reader.map((item) => [item.text, item.labels]));
const asReader = (text: string) => ({ labels: readerByText.get(text) ?? [], flags: [] });
// Each text is classified once and scored against both sets of labels.
const classified = new Map(writers.map((item) => [item.text, classify(item.text)]));
const asClassifier = (text: string) => classified.get(text) ?? classify(text);

const readerVsWriters = score(writers, asReader);
const classifierVsReader = score(reader, asClassifier);
const columns: [string, Report][] = [
  ['second reader vs writers', readerVsWriters],
  ['classifier vs writers', score(writers, asClassifier)],
  ['classifier vs second reader', classifierVsReader],
];
const cell = (r: Report, i: number) => {
  const s = r.perLabel[i];
  return s ? `${s.f1.toFixed(2)} (${s.precision.toFixed(2)} / ${s.recall.toFixed(2)})` : '';
};
const lines = [
  `${writers.length} test items read by a second reader. F1 (P / R), the first-named as the prediction:`,
  '',
  `| label | n (writers) | n (second reader) | ${columns.map(([name]) => name).join(' | ')} |`,
  `|---|---:|---:|${columns.map(() => '---:').join('|')}|`,
];
readerVsWriters.perLabel.forEach((s, i) => {
  const readerSupport = classifierVsReader.perLabel[i]?.support ?? 0;
  lines.push(`| ${s.label} | ${s.support} | ${readerSupport} | ${columns.map(([, r]) => cell(r, i)).join(' | ')} |`);
});
lines.push(
  '',
  `| items with no label flagged | ${columns.map(([name]) => name).join(' | ')} |`,
  `|---|${columns.map(() => '---:').join('|')}|`,
  `| no label from the writers (the third column: from the second reader) | ${columns.map(([, r]) => rate(r.unlabelledFlagged)).join(' | ')} |`,
);
process.stdout.write(`${lines.join('\n')}\n`);
