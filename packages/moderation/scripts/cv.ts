// Cross-validation of the whole classifier (patterns + a model trained without the fold) on train and
// dev, so a change to the model can be compared on more items than dev alone holds, without the test
// split. Items go to one of five folds by a hash of their id. The patterns were written while reading
// train and dev, so the figures are optimistic in absolute terms; they are for comparing model variants.
// A second table scores the model alone (no patterns), an estimate the patterns cannot flatter, and a
// sweep shows each label's F1 over thresholds (labels are decided independently, so each picks its own).
// Run: pnpm --filter @bedrock/moderation cv [file.jsonl ...] [--options='{"nbAlpha":1}'] [--salt=s2] [--by-writer]
// (--options: learner settings of scripts/learn.ts other than the committed ones, to compare them;
// --salt: other folds; --errors=PREFIX: the items whose id starts with PREFIX that the whole classifier gets
// wrong, each with the labels the patterns and each fold's model gave.)
//
// The patterns do not depend on the model, so they run once per item; a model's flags are those of
// flags.ts: a label is flagged when its document probability reaches the threshold and (crisis) its best
// sentence passes the same checks, which do not depend on the threshold, so every threshold is scored
// from one pass. The output is what classifyWith() gives with each fold's model.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Classification, Label } from '@bedrock/shared';
import { Analysis, endorsedFlags, MAX_TEXT_LENGTH, ruleFlags, vetoed } from '../src/classify.ts';
import { classifyByKeywords } from '../src/eval/baseline.ts';
import { type CorpusItem, parseCorpus } from '../src/eval/corpus.ts';
import { type Report, score } from '../src/eval/metrics.ts';
import { summaryLine, table } from '../src/eval/table.ts';
import { modelFlags, readBy, scoreOn } from '../src/model/flags.ts';
import { adjusted } from '../src/model/linear.ts';
import { ModelViews, viewOf } from '../src/model/views.ts';
import type { Rule } from '../src/rules/rule.ts';
import { type ItemViews, itemViews, MODELLED, optionsArg, trainClassifierModel } from './learn.ts';

const FOLDS = 5;
const SWEEP = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
const args = process.argv.slice(2);
const options = optionsArg(args);
const fileArgs = args.filter((a) => !a.startsWith('--'));
const files = fileArgs.length > 0 ? fileArgs : ['data/train.jsonl', 'data/dev.jsonl'];
const base = process.env.INIT_CWD ?? process.cwd();
const items = files.flatMap((f) => {
  const path = f.startsWith('data/') ? new URL(`../${f}`, import.meta.url).pathname : resolve(base, f);
  return parseCorpus(readFileSync(path, 'utf8'), path);
});
// --salt=… deals the items into other folds, to see how much a difference between settings is fold noise.
const salt = args.find((a) => a.startsWith('--salt='))?.slice('--salt='.length) ?? 'cv';
// --by-writer deals whole writers into folds (the id's first part: "zu" of "zu-0001", "g" of "g-bl-0001",
// one file or one first round's files each), so every fold is scored by a model that never saw its
// writers' wordings: what a new member's words meet. In folds of items a writer's other items are in
// training.
const byWriter = args.includes('--by-writer');
const foldKey = (id: string): string => (byWriter ? id.slice(0, id.indexOf('-')) : id);
const foldOf = (id: string): number =>
  createHash('sha256')
    .update(`${salt}:${foldKey(id)}`)
    .digest()
    .readUInt32BE(0) % FOLDS;

interface Prepared {
  analysis: Analysis;
  /** The rule behind each pattern flag. */
  sources: Rule[];
  modelViews: ModelViews;
  ruleLabels: Set<Label>;
  views: ItemViews;
}
const prepared: Prepared[] = items.map((item) => {
  const input = item.text.slice(0, MAX_TEXT_LENGTH);
  const analysis = new Analysis(input);
  const sources: Rule[] = [];
  const flags = ruleFlags(analysis, input, sources);
  const ruleLabels = new Set(flags.map((f) => f.label));
  const modelViews = new ModelViews(analysis);
  return {
    analysis,
    sources,
    modelViews,
    ruleLabels,
    views: itemViews(modelViews),
  };
});

/** Per item: each modelled label's document probability, whether its flag survives the checks, and the
 * labels whose pattern flags the fold's model vetoes (classify.ts). */
const scores = new Map<
  string,
  {
    p: Map<Label, number>;
    passes: Set<Label>;
    pBeside: Map<Label, number>;
    passesBeside: Set<Label>;
    veto: Set<Label>;
    endorsed: Label[];
  }
>();
for (let fold = 0; fold < FOLDS; fold++) {
  const inFold = items.map((item) => foldOf(item.id) !== fold);
  const model = trainClassifierModel(
    items.filter((_, i) => inFold[i]),
    options,
    prepared.filter((_, i) => inFold[i]).map((p) => p.views),
  );
  const open = adjusted(
    model,
    Object.fromEntries(model.labels.map((label) => [label, { threshold: Number.NEGATIVE_INFINITY }])),
  );
  items.forEach((item, i) => {
    if (inFold[i]) return;
    const { analysis, modelViews } = prepared[i] as Prepared;
    const passes = new Set(modelFlags(analysis, new Set(), open, modelViews).map((f) => f.label));
    const p = new Map<Label, number>();
    model.labels.forEach((label, j) => {
      p.set(label, (modelViews.scores(viewOf(label), model)[j] as number) ?? 0);
    });
    // With the patterns, a label whose words context cleared is read on the other sentences only.
    const cleared = analysis.clearedIn;
    const passesBeside =
      cleared.size === 0
        ? passes
        : new Set(modelFlags(analysis, new Set(), open, modelViews, cleared).map((f) => f.label));
    const pBeside = new Map<Label, number>();
    for (const [label, starts] of cleared) {
      if (model.labels.includes(label)) {
        pBeside.set(label, scoreOn(readBy(modelViews, label, starts), modelViews, label, model));
      }
    }
    const endorsed = endorsedFlags(analysis, model, new Set()).map((f) => f.label);
    scores.set(item.id, { p, passes, pBeside, passesBeside, veto: vetoed(modelViews, model), endorsed });
  });
}
/** Whether the fold's model flags `label` on this item with thresholds `at`: its document probability
 * reaches the threshold and its flag survives the checks. */
const modelReaches = (id: string, label: Label, at: (label: Label) => number): boolean => {
  const s = scores.get(id);
  return s?.passes.has(label) === true && (s.p.get(label) ?? 0) >= at(label);
};
/** The same with the patterns: where context cleared the label's words, on the other sentences. */
const modelReachesBeside = (id: string, label: Label, at: (label: Label) => number): boolean => {
  const s = scores.get(id);
  if (s === undefined || !s.pBeside.has(label)) return modelReaches(id, label, at);
  return s.passesBeside.has(label) && (s.pBeside.get(label) ?? 0) >= at(label);
};
const thresholdOf = (label: Label): number =>
  options.thresholdOf?.[label] ?? MODELLED.find((m) => m.label === label)?.threshold ?? 0.5;

/** Labels of each item with every label's model threshold from `at`, with or without the patterns. */
function predictions(at: (label: Label) => number, withRules: boolean): Map<string, Classification> {
  const out = new Map<string, Classification>();
  items.forEach((item, i) => {
    const { ruleLabels } = prepared[i] as Prepared;
    const s = scores.get(item.id);
    const labels = new Set<Label>(withRules ? ruleLabels : []);
    for (const label of s?.veto ?? []) labels.delete(label);
    if (withRules) for (const label of s?.endorsed ?? []) labels.add(label);
    for (const { label } of MODELLED) {
      if (withRules && ruleLabels.has(label)) continue;
      if (withRules ? modelReachesBeside(item.id, label, at) : modelReaches(item.id, label, at)) labels.add(label);
    }
    out.set(item.id, { labels: [...labels], flags: [] });
  });
  return out;
}
const predictor = (byId: Map<string, Classification>) => {
  const byText = new Map<string, Classification>(items.map((item) => [item.text, byId.get(item.id) as Classification]));
  return (text: string): Classification => byText.get(text) ?? { labels: [], flags: [] };
};
const scoreOf = (byId: Map<string, Classification>): Report => score(items as CorpusItem[], predictor(byId));
const errorsOf = args.find((a) => a.startsWith('--errors='))?.slice('--errors='.length);
if (errorsOf !== undefined) {
  const whole = predictions(thresholdOf, true);
  items.forEach((item, i) => {
    if (!item.id.startsWith(errorsOf)) return;
    const got = [...(whole.get(item.id)?.labels ?? [])].sort().join(',');
    const want = [...item.labels].sort().join(',');
    if (got === want) return;
    const { ruleLabels } = prepared[i] as Prepared;
    const p = [...(scores.get(item.id)?.p ?? [])].map(([l, v]) => `${l.slice(0, 5)} ${v.toFixed(2)}`).join(' ');
    process.stdout.write(
      `${item.id} want [${want}] got [${got}] rules [${[...ruleLabels].join(',')}] model ${p}\n  ${item.text.replace(/\n/g, ' / ')}\n`,
    );
  });
  process.exit(0);
}

// --rules: what each pattern adds to the model, per item it flags: how often it fires (not vetoed), how often
// on an item without its label, and how often it is the item's only source of the label (no other pattern,
// and the fold's model would not flag it), with and without the label: the patterns worth their false flags.
if (args.includes('--rules')) {
  const stats = new Map<Rule, { fired: number; wrong: number; sole: number; soleWrong: number }>();
  items.forEach((item, i) => {
    const { sources } = prepared[i] as Prepared;
    const s = scores.get(item.id);
    const byLabel = new Map<Label, Set<Rule>>();
    for (const rule of sources) {
      if (s?.veto.has(rule.label)) continue;
      byLabel.set(rule.label, (byLabel.get(rule.label) ?? new Set()).add(rule));
    }
    for (const [label, rules] of byLabel) {
      const modelFlagsIt = modelReachesBeside(item.id, label, thresholdOf);
      const wrong = !item.labels.includes(label);
      for (const rule of rules) {
        const st = stats.get(rule) ?? { fired: 0, wrong: 0, sole: 0, soleWrong: 0 };
        st.fired++;
        if (wrong) st.wrong++;
        if (rules.size === 1 && !modelFlagsIt) {
          st.sole++;
          if (wrong) st.soleWrong++;
        }
        stats.set(rule, st);
      }
    }
  });
  const rows = [...stats].sort((a, b) => b[1].soleWrong - b[1].sole / 2 - (a[1].soleWrong - a[1].sole / 2));
  for (const [rule, st] of rows) {
    process.stdout.write(
      `${rule.label.slice(0, 6)} fired ${st.fired} wrong ${st.wrong} | sole ${st.sole} wrong ${st.soleWrong} | ${rule.regex.source.slice(0, 110)}\n`,
    );
  }
  process.exit(0);
}

const modelled = MODELLED.map((m) => m.label);
const baseline = score(items, classifyByKeywords);
const report = scoreOf(predictions(thresholdOf, true));
const alone = scoreOf(predictions(thresholdOf, false));

function sweep(withRules: boolean): string {
  const rows = [`| label | ${SWEEP.join(' | ')} |`, `|---|${SWEEP.map(() => '---:').join('|')}|`];
  const reports = SWEEP.map((t) => scoreOf(predictions(() => t, withRules)));
  for (const { label } of MODELLED) {
    const f1 = reports.map((r) => r.perLabel.find((s) => s.label === label));
    rows.push(`| ${label} | ${f1.map((s) => `${s?.f1.toFixed(3)} (R ${s?.recall.toFixed(2)})`).join(' | ')} |`);
  }
  const flagged = reports.map(
    (r) => `${((100 * r.hardNegativeFlagged.flagged) / r.hardNegativeFlagged.total).toFixed(1)}%`,
  );
  rows.push(`| hard negatives flagged | ${flagged.join(' | ')} |`);
  return rows.join('\n');
}

/** Average precision of the model alone per label (threshold-free: how well its scores rank the items). */
function averagePrecision(label: Label): number {
  const ranked = items
    .map((item) => {
      const s = scores.get(item.id);
      return { gold: item.labels.includes(label), p: s?.passes.has(label) ? (s.p.get(label) ?? 0) : -1 };
    })
    .sort((a, b) => b.p - a.p);
  const positives = ranked.filter((r) => r.gold).length;
  let hits = 0;
  let sum = 0;
  ranked.forEach((r, k) => {
    if (!r.gold) return;
    hits++;
    sum += hits / (k + 1);
  });
  return positives === 0 ? 0 : sum / positives;
}
const ap = MODELLED.map(({ label }) => `${label.split('_')[0]} ${averagePrecision(label).toFixed(3)}`).join(', ');

process.stdout.write(
  `${items.length} items, ${FOLDS}-fold cross-validation${byWriter ? ' by writer' : ''}${Object.keys(options).length > 0 ? `, options ${JSON.stringify(options)}` : ''}\n\n` +
    `${table(report, baseline)}\n\n` +
    `Model alone (no patterns):\n\n${table(alone, baseline)}\n\n` +
    `F1 (recall) of the whole classifier by model threshold:\n\n${sweep(true)}\n\n` +
    `F1 (recall) of the model alone by threshold:\n\n${sweep(false)}\n\n` +
    `${summaryLine('whole', report, modelled)}\n${summaryLine('model alone', alone, modelled)}\nmodel alone, average precision: ${ap}\n`,
);
