import type { Label, ReviewAction } from '@bedrock/shared';

/** Plain names for the classifier's labels, as moderators and members read them. */
export const LABEL_NAMES: Record<Label, string> = {
  blame_shifting: 'Blame-shifting',
  codependency_label: 'Codependency labelling',
  minimizing: 'Minimizing',
  invalidating: 'Invalidating',
  crisis: 'Crisis',
  identifying_info: 'Identifying information',
};

export const ACTION_NAMES: Record<ReviewAction, string> = {
  approve: 'Approve',
  remove: 'Remove',
  return: 'Return for edit',
  warn: 'Warn',
  mute: 'Mute',
  suspend: 'Suspend',
  ban: 'Ban',
  group_ban: 'Ban from group',
  dismiss: 'Dismiss report',
  uphold: 'Uphold decision',
  overturn: 'Overturn decision',
};
