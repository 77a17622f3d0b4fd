import type { ChatModeration } from '../chat/moderation.ts';
import type { Pipeline } from './pipeline.ts';

/** Chat's moderation seam filled by the pipeline: the group's policy decides what is held. */
export function chatModeration(pipeline: Pipeline): ChatModeration {
  return {
    async review(message) {
      const verdict = await pipeline.reviewChat(message);
      return {
        hold: verdict.flags.filter((f) => verdict.holdLabels.includes(f.label)),
        crisis: verdict.crisis,
        labels: verdict.labels,
        flags: verdict.flags,
        crisisPanel: verdict.crisisPanel,
      };
    },
    async record(message, verdict) {
      await pipeline.recordChat(message, verdict);
    },
  };
}
