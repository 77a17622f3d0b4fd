import type { Report } from './metrics.ts';

const pct = (x: number): string => x.toFixed(2);
const rate = ({ flagged, total }: { flagged: number; total: number }): string =>
  total === 0 ? 'n/a' : `${((100 * flagged) / total).toFixed(1)}% (${flagged}/${total})`;

/** The Markdown tables the README shows: per-label figures and false-flag rates, next to the baseline. */
export function table(ours: Report, base: Report): string {
  const rows = [
    '| label | n | P | R | F1 | baseline P | baseline R | baseline F1 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  ours.perLabel.forEach((s, i) => {
    const b = base.perLabel[i] ?? s;
    rows.push(
      `| ${s.label} | ${s.support} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${pct(b.precision)} | ${pct(b.recall)} | ${pct(b.f1)} |`,
    );
  });
  rows.push('', '| false flags | classifier | baseline |', '|---|---:|---:|');
  rows.push(`| unlabelled items flagged | ${rate(ours.unlabelledFlagged)} | ${rate(base.unlabelledFlagged)} |`);
  rows.push(`| hard negatives flagged | ${rate(ours.hardNegativeFlagged)} | ${rate(base.hardNegativeFlagged)} |`);
  return rows.join('\n');
}
