import { z } from 'zod';

/** The six labels of ../shared/moderation/GUIDELINES.md. */
export const LABELS = [
  'blame_shifting',
  'codependency_label',
  'minimizing',
  'invalidating',
  'crisis',
  'identifying_info',
] as const;
export const labelSchema = z.enum(LABELS);
export type Label = z.infer<typeof labelSchema>;

/** Labels that route an item (crisis resources for the author, first place in the moderators' queue) and
 * never hold it: "crisis is routing, not punishment" (GUIDELINES.md, principle 4). Every other label holds
 * an item for review by default. */
export const ROUTING_LABELS: readonly Label[] = ['crisis'];

export const flagSchema = z.object({
  label: labelSchema,
  /** Character offsets (UTF-16 code units, as JavaScript strings index) into the classified text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** One plain sentence a moderator can read. */
  reason: z.string(),
});
export type Flag = z.infer<typeof flagSchema>;

export const classificationSchema = z.object({
  labels: z.array(labelSchema),
  flags: z.array(flagSchema),
});
export type Classification = z.infer<typeof classificationSchema>;
