import { LABELS, type StatsResponse } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import { renderFlagsChart } from './chart.ts';
import { crisisPanel } from './crisis.ts';
import { moderationHandle } from './handle.ts';
import { DEFAULT_POLICY, decide, heldMessage } from './policy.ts';

const zeros = () => Object.fromEntries(LABELS.map((l) => [l, 0])) as StatsResponse['days'][number]['counts'];

describe('moderation handle', () => {
  it('is stable per account, differs between accounts and secrets, and carries nothing of the id', () => {
    const a = moderationHandle('secret-one', 'user-abc');
    expect(moderationHandle('secret-one', 'user-abc')).toBe(a);
    expect(moderationHandle('secret-one', 'user-abd')).not.toBe(a);
    expect(moderationHandle('secret-two', 'user-abc')).not.toBe(a);
    expect(a).toMatch(/^M-[A-Za-z0-9]{10}$/);
    expect(a).not.toContain('abc');
  });
});

describe('policy', () => {
  it('holds the partner-aimed harms by default and publishes crisis with the panel flag', () => {
    const held = decide(
      { labels: ['blame_shifting', 'crisis'], flags: [{ label: 'crisis', start: 0, end: 4, reason: 'Risk.' }] },
      DEFAULT_POLICY,
    );
    expect(held).toMatchObject({ outcome: 'hold', holdLabels: ['blame_shifting'], crisis: true });
    // A label without a span still gets an explanation.
    expect(held.flags.find((f) => f.label === 'blame_shifting')?.reason).toMatch(/blame shifting/);
    expect(decide({ labels: ['crisis'], flags: [] }, DEFAULT_POLICY).outcome).toBe('publish');
    expect(decide({ labels: ['minimizing'], flags: [] }, { ...DEFAULT_POLICY, minimizing: 'publish' }).outcome).toBe(
      'publish',
    );
  });

  it('tells the author why, kindly, and what happens next', () => {
    const text = heldMessage(
      'reply',
      [{ label: 'minimizing', start: 0, end: 3, reason: 'This makes it sound small.' }],
      ['minimizing'],
    );
    expect(text).toMatch(/^Your reply is waiting for a moderator\. Here is why: This makes it sound small\./);
    expect(text).toMatch(/notices/);
    expect(text).not.toMatch(/violation|offender/i);
  });
});

describe('crisis panel', () => {
  it('uses the deployment configuration, and refuses a malformed one at boot', () => {
    const custom = crisisPanel({
      CRISIS_MESSAGE: 'You matter.',
      CRISIS_RESOURCES: JSON.stringify([{ name: 'Local line', contact: '0800 000 000', note: 'Always open.' }]),
    });
    expect(custom).toEqual({
      message: 'You matter.',
      resources: [{ name: 'Local line', contact: '0800 000 000', note: 'Always open.' }],
    });
    expect(crisisPanel({}).resources.length).toBeGreaterThan(0);
    expect(() => crisisPanel({ CRISIS_RESOURCES: '[{"name":1}]' })).toThrow(/CRISIS_RESOURCES/);
  });
});

describe('renderFlagsChart', () => {
  it('draws one bar segment per non-zero count, with accessible titles, escaping text', () => {
    const days = [
      { date: '2026-11-01', counts: { ...zeros(), blame_shifting: 2, crisis: 1 } },
      { date: '2026-11-02', counts: zeros() },
    ];
    const svg = renderFlagsChart(days);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(2);
    expect(svg).toContain('<title>2026-11-01: 2 blame shifting</title>');
    expect(svg).toContain('3 flags from 2026-11-01 to 2026-11-02');
    expect(renderFlagsChart([{ date: '<x>', counts: { ...zeros(), minimizing: 1 } }])).toContain('&lt;x&gt;');
  });

  it('renders an empty month without dividing by zero', () => {
    const svg = renderFlagsChart([{ date: '2026-11-01', counts: zeros() }]);
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('0 flags');
  });
});
