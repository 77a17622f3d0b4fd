import { REACTIONS, type ReactionKind } from '@bedrock/shared';

export interface ReactionView {
  kind: ReactionKind;
  count: number;
  mine: boolean;
}

/** Every support reaction in a fixed order, counting zero for those nobody has used yet. */
export function allReactions(reactions: readonly ReactionView[]): ReactionView[] {
  return REACTIONS.map((kind) => {
    const found = reactions.find((r) => r.kind === kind);
    return { kind, count: found?.count ?? 0, mine: found?.mine ?? false };
  });
}
