// Splits the labelled corpus into train/dev/test by a hash of each item's id, so an item never moves
// between splits when the corpus grows. Run: pnpm --filter @bedrock/moderation split
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS } from '@bedrock/shared';
import { parseCorpusLine, type CorpusItem } from '../src/eval/corpus.ts';

const dataDir = new URL('../data/', import.meta.url).pathname;
const corpusDir = join(dataDir, 'corpus');

function bucket(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % 100;
}

function splitOf(id: string): 'train' | 'dev' | 'test' {
  const b = bucket(id);
  if (b < 70) return 'train';
  return b < 85 ? 'dev' : 'test';
}

const items: CorpusItem[] = [];
const seenIds = new Set<string>();
const seenTexts = new Set<string>();
for (const file of readdirSync(corpusDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  const lines = readFileSync(join(corpusDir, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const item = parseCorpusLine(line, `${file}:${i + 1}`);
    const textKey = item.text.trim().toLowerCase();
    if (seenIds.has(item.id)) throw new Error(`${file}:${i + 1}: duplicate id ${item.id}`);
    seenIds.add(item.id);
    // An exact duplicate text in two splits would leak test items into training.
    if (seenTexts.has(textKey)) {
      process.stderr.write(`skipping duplicate text ${item.id}\n`);
      return;
    }
    seenTexts.add(textKey);
    items.push(item);
  });
}

const splits = { train: [] as CorpusItem[], dev: [] as CorpusItem[], test: [] as CorpusItem[] };
for (const item of items.sort((a, b) => a.id.localeCompare(b.id))) splits[splitOf(item.id)].push(item);

for (const [name, list] of Object.entries(splits)) {
  writeFileSync(join(dataDir, `${name}.jsonl`), `${list.map((item) => JSON.stringify(item)).join('\n')}\n`);
  process.stdout.write(`${name}: ${list.length} items\n`);
}
const missing = LABELS.filter((label) => !splits.test.some((item) => item.labels.includes(label)));
if (missing.length > 0) throw new Error(`labels missing from the test split: ${missing.join(', ')}`);
