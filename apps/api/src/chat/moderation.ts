import type { Classification, Flag, Label } from '@bedrock/shared';

/**
 * The single seam between chat and the classifier. Until the moderation issue brings per-group policy,
 * these labels hold a message back and crisis publishes it with care.
 */
export type Classify = (text: string) => Classification | Promise<Classification>;

export const HOLD_LABELS: readonly Label[] = [
  'blame_shifting',
  'codependency_label',
  'minimizing',
  'invalidating',
  'identifying_info',
];

export interface Verdict {
  /** Non-empty: keep the message from others and tell the sender why. */
  hold: Flag[];
  crisis: boolean;
  labels: Label[];
  /** Every flag (held or not), for the review queue, when the moderation pipeline supplies them. */
  flags?: Flag[];
  /** The deployment's crisis panel, when the moderation pipeline supplies one. */
  crisisPanel?: { message: string; resources: { name: string; contact: string; note: string }[] } | null;
}

/** The seam the moderation pipeline fills: per-group policy before storing, flags after. */
export interface ChatModeration {
  /** May refuse (e.g. a muted author) by throwing an AppError. */
  review(message: { groupId: string; authorId: string; text: string }): Promise<Verdict>;
  /** After the message is stored (held or visible): records its flags for the review queue. */
  record(message: { id: string; groupId: string; authorId: string }, verdict: Verdict): Promise<void>;
}

/** Without the pipeline: the classifier with the default hold labels, nothing recorded. */
export function defaultModeration(classify: Classify): ChatModeration {
  return { review: ({ text }) => moderate(classify, text), record: async () => {} };
}

export async function moderate(classify: Classify, text: string): Promise<Verdict> {
  const result = await classify(text);
  const hold = result.flags.filter((f) => HOLD_LABELS.includes(f.label));
  const heldLabels = result.labels.filter((l) => HOLD_LABELS.includes(l));
  // A label without a span still holds: the flags list is for explaining, the labels decide.
  for (const label of heldLabels) {
    if (!hold.some((f) => f.label === label)) hold.push({ label, start: 0, end: 0, reason: defaultReason(label) });
  }
  return { hold, crisis: result.labels.includes('crisis'), labels: [...result.labels] };
}

function defaultReason(label: Label): string {
  return `This may read as ${label.replaceAll('_', ' ')}.`;
}
