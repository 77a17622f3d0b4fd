import type {
  Author,
  ContentWarningCategory,
  GroupKind,
  ReactionKind,
  ReportReason,
  VerificationStatus,
} from '@bedrock/shared';

// Plain, kind words for every enum the forum shows. A Record over the shared enum type makes a new
// value in the contract a type error here until it has a label.

export const CONTENT_WARNING_LABELS: Record<ContentWarningCategory, string> = {
  affair_details: 'Affair details',
  discovery: 'Discovery',
  pornography: 'Pornography',
  sexual_health: 'Sexual health',
  self_harm: 'Self-harm',
  violence: 'Violence',
};

export const REACTION_LABELS: Record<ReactionKind, string> = {
  hug: 'Hug',
  me_too: 'Me too',
  thank_you: 'Thank you',
  strength: 'Strength',
};

export const REPORT_REASON_LABELS: Record<ReportReason, { label: string; hint: string }> = {
  blame_shifting: { label: 'Blame-shifting', hint: 'Puts the responsibility for the betrayal on the partner.' },
  codependency_label: { label: 'Codependency labelling', hint: 'Calls a hurt partner codependent or “the problem”.' },
  minimizing: { label: 'Minimizing', hint: 'Plays down what happened or how much it hurts.' },
  invalidating: { label: 'Invalidating', hint: 'Tells someone their feelings or reactions are wrong.' },
  identifying_info: {
    label: 'Identifying information',
    hint: 'Names, places, workplaces or anything that could identify someone.',
  },
  crisis: { label: 'Someone may be in crisis', hint: 'The writer may be at risk right now.' },
  spam: { label: 'Spam', hint: 'Advertising or content unrelated to the group.' },
  other: { label: 'Something else', hint: 'Please tell us a little in the note.' },
};

export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  open: 'Open to every member',
  partners_only: 'Verified partners only',
};

export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = {
  none: 'Not applied',
  pending: 'Waiting for a moderator',
  approved: 'Verified',
  declined: 'Not approved',
  revoked: 'Withdrawn',
};

/** The name shown above a post. A deleted post keeps no name at all. */
export function authorName(author: Author): string {
  if (author.kind === 'member') return author.username;
  if (author.kind === 'anonymous') return author.pseudonym;
  return 'Deleted post';
}
