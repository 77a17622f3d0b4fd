// Cross-validation of the whole classifier (patterns + a model trained without the fold) on train and
// dev, so a change to the model can be compared on more items than dev alone holds, without the test
// split. Items go to one of five folds by a hash of their id. The patterns were written while reading
// train and dev, so the figures are optimistic in absolute terms; they are for comparing model variants.
// A second table scores the model alone (no patterns), an estimate the patterns cannot flatter, and a
// sweep shows each label's F1 over thresholds (labels are decided independently, so each picks its own).
// Run: pnpm --filter @bedrock/moderation cv [file.jsonl ...]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Classification, Label } from '@bedrock/shared';
import { Analysis, classifyWith } from '../src/classify.ts';
import { classifyByKeywords } from '../src/eval/baseline.ts';
import { type CorpusItem, parseCorpus } from '../src/eval/corpus.ts';
import { score } from '../src/eval/metrics.ts';
import { table } from '../src/eval/table.ts';
import { modelFlags } from '../src/model/flags.ts';
import type { ModelFile } from '../src/model/linear.ts';
import { MODELLED, trainModel } from './learn.ts';

const FOLDS = 5;
const SWEEP = [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
const args = process.argv.slice(2);
const files = args.length > 0 ? args : ['data/train.jsonl', 'data/dev.jsonl'];
const base = process.env.INIT_CWD ?? process.cwd();
const items = files.flatMap((f) => {
  const path = f.startsWith('data/') ? new URL(`../${f}`, import.meta.url).pathname : resolve(base, f);
  return parseCorpus(readFileSync(path, 'utf8'), path);
});
const foldOf = (id: string): number => createHash('sha256').update(`cv:${id}`).digest().readUInt32BE(0) % FOLDS;

/** The same model with every label's threshold set to `t`. */
const atThreshold = (model: ModelFile, t: number): ModelFile =>
  Object.fromEntries(Object.entries(model).map(([label, m]) => [label, { ...m, threshold: t }]));

const predictions = new Map<string, Classification>();
const modelOnly = new Map<string, Classification>();
const swept = SWEEP.map(() => new Map<string, Classification>());
for (let fold = 0; fold < FOLDS; fold++) {
  const model = trainModel(items.filter((item) => foldOf(item.id) !== fold));
  const variants = SWEEP.map((t) => atThreshold(model, t));
  for (const item of items) {
    if (foldOf(item.id) !== fold) continue;
    predictions.set(item.id, classifyWith(item.text, model));
    const flags = modelFlags(new Analysis(item.text), new Set(), model);
    modelOnly.set(item.id, { labels: [...new Set(flags.map((f) => f.label))], flags });
    variants.forEach((v, i) => {
      swept[i]?.set(item.id, classifyWith(item.text, v));
    });
  }
}
const predictor = (byId: Map<string, Classification>) => {
  const byText = new Map<string, Classification>(items.map((item) => [item.text, byId.get(item.id) as Classification]));
  return (text: string): Classification => byText.get(text) ?? { labels: [], flags: [] };
};
const baseline = score(items, classifyByKeywords);
const report = score(items as CorpusItem[], predictor(predictions));
const sweepRows = [`| label | ${SWEEP.join(' | ')} |`, `|---|${SWEEP.map(() => '---:').join('|')}|`];
const sweptReports = swept.map((byId) => score(items, predictor(byId)));
for (const { label } of MODELLED) {
  const f1 = sweptReports.map((r) => r.perLabel.find((s) => s.label === (label as Label)));
  sweepRows.push(`| ${label} | ${f1.map((s) => `${s?.f1.toFixed(3)} (R ${s?.recall.toFixed(2)})`).join(' | ')} |`);
}
const flagged = sweptReports.map(
  (r) => `${((100 * r.hardNegativeFlagged.flagged) / r.hardNegativeFlagged.total).toFixed(1)}%`,
);
sweepRows.push(`| hard negatives flagged | ${flagged.join(' | ')} |`);
process.stdout.write(
  `${items.length} items, ${FOLDS}-fold cross-validation\n\n${table(report, baseline)}\n\n` +
    `Model alone (no patterns):\n\n${table(score(items, predictor(modelOnly)), baseline)}\n\n` +
    `F1 (recall) of the whole classifier by model threshold:\n\n${sweepRows.join('\n')}\n`,
);
