import type { Label } from '@bedrock/shared';
import type { Report } from './metrics.ts';

const pct = (x: number): string => x.toFixed(2);
/** A false-flag rate as the README shows it: "5.5% (446/8152)". */
export const rate = ({ flagged, total }: { flagged: number; total: number }): string =>
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
  rows.push(
    `| unlabelled items held (any label but crisis) | ${rate(ours.unlabelledHeld)} | ${rate(base.unlabelledHeld)} |`,
  );
  rows.push(
    `| hard negatives held (any label but crisis) | ${rate(ours.hardNegativeHeld)} | ${rate(base.hardNegativeHeld)} |`,
  );
  return rows.join('\n');
}

/** One line per report, to compare runs (cv, heldout): F1 per label, crisis recall, false-flag rates. */
export function summaryLine(
  name: string,
  r: Report,
  labels: readonly Label[] = r.perLabel.map((s) => s.label),
): string {
  const f1 = labels.map(
    (label) => `${label.split('_')[0]} ${r.perLabel.find((s) => s.label === label)?.f1.toFixed(3)}`,
  );
  const crisis = r.perLabel.find((s) => s.label === 'crisis');
  const share = (x: { flagged: number; total: number }) => `${((100 * x.flagged) / x.total).toFixed(1)}%`;
  return `${name}: ${f1.join(', ')}, crisis R ${crisis?.recall.toFixed(3)}, unlabelled ${share(r.unlabelledFlagged)}, hard neg ${share(r.hardNegativeFlagged)}, held ${share(r.unlabelledHeld)} / ${share(r.hardNegativeHeld)}`;
}
