// pnpm --silent moderation:eval [file.jsonl] [--errors]
// Scores the classifier and a keyword baseline on a labelled JSONL file (default: the test split).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classify } from '../classify.ts';
import { classifyByKeywords } from '../eval/baseline.ts';
import { parseCorpus } from '../eval/corpus.ts';
import { score } from '../eval/metrics.ts';
import { table } from '../eval/table.ts';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const fileArg = args.find((a) => !a.startsWith('--'));
// pnpm runs package scripts in the package folder; INIT_CWD is where the user typed the command.
const file = fileArg
  ? resolve(process.env.INIT_CWD ?? process.cwd(), fileArg)
  : new URL('../../data/test.jsonl', import.meta.url).pathname;
const items = parseCorpus(readFileSync(file, 'utf8'), file);

const ours = score(items, classify);
const base = score(items, classifyByKeywords);
process.stdout.write(`${items.length} items from ${fileArg ?? 'data/test.jsonl'}\n\n${table(ours, base)}\n`);

if (showErrors) {
  for (const item of items) {
    const result = classify(item.text);
    const got = [...result.labels].sort().join(',');
    const want = [...item.labels].sort().join(',');
    if (got !== want) {
      const spans = result.flags.map((f) => `${f.label}:"${item.text.slice(f.start, f.end)}"`).join(' ');
      process.stdout.write(`\n${item.id} want [${want}] got [${got}] ${spans}\n  ${item.text.replace(/\n/g, ' / ')}\n`);
    }
  }
}
