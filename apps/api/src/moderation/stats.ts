import { type Db, moderationFlags } from '@bedrock/db';
import { LABELS, type Label, type StatsResponse } from '@bedrock/shared';
import { and, gte, isNotNull, ne, sql } from 'drizzle-orm';

const DAYS = 30;
/** Decisions that say the content was fine after all: the flag was a false alarm. */
const APPROVING = ['approve', 'dismiss'];

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function moderationStats(db: Db, now = new Date()): Promise<StatsResponse> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (DAYS - 1)));
  const notAppeal = ne(moderationFlags.source, 'appeal');
  const perDay = await db
    .select({
      day: sql<string>`to_char(${moderationFlags.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`,
      label: sql<string>`unnest(${moderationFlags.labels})`,
      count: sql<number>`count(*)::int`,
    })
    .from(moderationFlags)
    .where(and(gte(moderationFlags.createdAt, start), notAppeal))
    .groupBy(sql`1`, sql`2`);
  const days: StatsResponse['days'] = [];
  for (let i = 0; i < DAYS; i++) {
    const date = dayKey(new Date(start.getTime() + i * 86_400_000));
    days.push({ date, counts: Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<Label, number> });
  }
  const byDate = new Map(days.map((d) => [d.date, d]));
  for (const row of perDay) {
    const entry = byDate.get(row.day);
    if (entry && (LABELS as readonly string[]).includes(row.label))
      entry.counts[row.label as Label] += Number(row.count);
  }

  const decided = and(isNotNull(moderationFlags.decidedBy), gte(moderationFlags.createdAt, start), notAppeal);
  const [median] = await db
    .select({
      seconds: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (${moderationFlags.decidedAt} - ${moderationFlags.createdAt})))`,
    })
    .from(moderationFlags)
    .where(decided);
  const rates = await db
    .select({
      label: sql<string>`unnest(${moderationFlags.labels})`,
      decided: sql<number>`count(*)::int`,
      approved: sql<number>`count(*) filter (where ${moderationFlags.decision} in ${APPROVING})::int`,
    })
    .from(moderationFlags)
    .where(decided)
    .groupBy(sql`1`);
  const rateOf = new Map(rates.map((r) => [r.label, r]));
  return {
    days,
    medianDecisionSeconds: median?.seconds == null ? null : Math.round(Number(median.seconds)),
    approvalRate: LABELS.map((label) => {
      const r = rateOf.get(label);
      const total = Number(r?.decided ?? 0);
      const approved = Number(r?.approved ?? 0);
      return { label, decided: total, approved, rate: total === 0 ? null : approved / total };
    }),
  };
}
