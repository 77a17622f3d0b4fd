import { type Db, moderationPolicies } from '@bedrock/db';
import { type Classification, type Flag, LABELS, type Label, type PolicyAction, ROUTING_LABELS } from '@bedrock/shared';
import { eq } from 'drizzle-orm';

type Reader = Pick<Db, 'select'>;
export type Policy = Record<Label, PolicyAction>;

/** Harms aimed at the partner are held for review; crisis is routing, never hiding (GUIDELINES.md). */
export const DEFAULT_POLICY: Policy = Object.fromEntries(
  LABELS.map((label) => [label, ROUTING_LABELS.includes(label) ? 'publish' : 'hold']),
) as Policy;

/** A group's policy: the defaults with the admins' overrides. */
export async function loadPolicy(db: Reader, groupId: string | undefined): Promise<Policy> {
  const policy = { ...DEFAULT_POLICY };
  if (!groupId) return policy;
  const rows = await db.select().from(moderationPolicies).where(eq(moderationPolicies.groupId, groupId));
  for (const row of rows)
    if ((LABELS as readonly string[]).includes(row.label)) policy[row.label as Label] = row.action;
  return policy;
}

export interface Decision {
  outcome: PolicyAction;
  holdLabels: Label[];
  crisis: boolean;
  /** Every flag, with a span; a label the classifier gave without one gets an empty span. */
  flags: Flag[];
}

export function decide(result: Classification, policy: Policy): Decision {
  const flags = [...result.flags];
  for (const label of result.labels) {
    if (!flags.some((f) => f.label === label)) flags.push({ label, start: 0, end: 0, reason: defaultReason(label) });
  }
  const holdLabels = result.labels.filter((label) => policy[label] === 'hold');
  return {
    outcome: holdLabels.length > 0 ? 'hold' : 'publish',
    holdLabels,
    crisis: result.labels.includes('crisis'),
    flags,
  };
}

function defaultReason(label: Label): string {
  return `This may read as ${label.replaceAll('_', ' ')}.`;
}

/** The kind sentence an author sees about held words. */
export function heldMessage(kind: 'post' | 'reply' | 'message', flags: Flag[], holdLabels: Label[]): string {
  const reasons = [...new Set(flags.filter((f) => holdLabels.includes(f.label)).map((f) => f.reason))];
  const why =
    reasons.length > 0
      ? `Here is why: ${reasons.join(' ')}`
      : 'A moderator asked for a change; their note is in your notices.';
  return `Your ${kind} is waiting for a moderator. ${why} Only you and the moderators can see it for now. A moderator will read it soon and either share it or let you know what to change; you will find the outcome in your notices.`;
}

export function nudgeMessage(flags: Flag[]): string | null {
  if (flags.length === 0) return null;
  return 'Some words here may land hard on someone in pain. You can edit them, or post anyway and a moderator may review it.';
}
