import { LABELS, type Label, type StatsResponse } from '@bedrock/shared';

// Calm colours that stay distinguishable for common colour-vision differences; crisis is not red alarm.
const COLOURS: Record<Label, string> = {
  blame_shifting: '#4e79a7',
  codependency_label: '#f28e2b',
  minimizing: '#59a14f',
  invalidating: '#b07aa1',
  crisis: '#9c755f',
  identifying_info: '#76b7b2',
};

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Flags per label per day as stacked bars: a pure function from the stats to an SVG document, so the
 * stats page works without JavaScript. Every bar has a <title> for screen readers and hover.
 */
export function renderFlagsChart(days: StatsResponse['days'], width = 720, height = 260): string {
  const pad = { top: 16, right: 12, bottom: 70, left: 36 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const totals = days.map((d) => LABELS.reduce((sum, l) => sum + (d.counts[l] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = days.length > 0 ? plotW / days.length : plotW;
  const barW = Math.max(1, step * 0.7);
  const y = (value: number) => pad.top + plotH - (value / max) * plotH;
  const parts: string[] = [];
  days.forEach((day, i) => {
    let acc = 0;
    const x = pad.left + i * step + (step - barW) / 2;
    for (const label of LABELS) {
      const count = day.counts[label] ?? 0;
      if (count === 0) continue;
      const top = y(acc + count);
      const h = y(acc) - top;
      acc += count;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[label]}"><title>${escapeXml(`${day.date}: ${count} ${label.replaceAll('_', ' ')}`)}</title></rect>`,
      );
    }
    if (i % 5 === 0 || i === days.length - 1) {
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${pad.top + plotH + 14}" font-size="10" text-anchor="middle">${escapeXml(day.date.slice(5))}</text>`,
      );
    }
  });
  const axis = `<line x1="${pad.left}" y1="${pad.top + plotH}" x2="${width - pad.right}" y2="${pad.top + plotH}" stroke="currentColor"/><text x="${pad.left - 6}" y="${pad.top + 4}" font-size="10" text-anchor="end">${max}</text><text x="${pad.left - 6}" y="${pad.top + plotH}" font-size="10" text-anchor="end">0</text>`;
  const legend = LABELS.map((label, i) => {
    const lx = pad.left + (i % 3) * 220;
    const ly = height - 36 + Math.floor(i / 3) * 16;
    return `<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${COLOURS[label]}"/><text x="${lx + 14}" y="${ly}" font-size="11">${escapeXml(label.replaceAll('_', ' '))}</text>`;
  }).join('');
  const total = totals.reduce((a, b) => a + b, 0);
  const first = days[0]?.date ?? '';
  const last = days.at(-1)?.date ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif" fill="currentColor"><title id="t">Flags per label per day</title><desc id="d">${escapeXml(`${total} flags from ${first} to ${last}, stacked by label.`)}</desc>${axis}${parts.join('')}${legend}</svg>`;
}
