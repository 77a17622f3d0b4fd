import type { Flag } from '@bedrock/shared';

/** A run of text: plain when `flags` is empty, highlighted otherwise (with every flag covering it). */
export interface Segment {
  text: string;
  flags: Flag[];
  /** Reasons of the flags that end here, so a screen reader hears each reason once, after its phrase. */
  endingReasons: string[];
}

/**
 * Splits `text` at every flag boundary so overlapping spans become adjacent segments. Offsets are
 * UTF-16 code units (as the classifier reports them); spans outside the text are clamped, empty ones
 * dropped. Rendering stays text-only (Svelte escapes it): nothing here produces HTML.
 */
export function highlightSegments(text: string, flags: readonly Flag[]): Segment[] {
  const spans = flags
    .map((flag) => ({ flag, start: Math.max(0, flag.start), end: Math.min(text.length, flag.end) }))
    .filter((span) => span.end > span.start);
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    segments.push({
      text: text.slice(from, to),
      flags: covering.map((span) => span.flag),
      endingReasons: unique(covering.filter((span) => span.end === to).map((span) => span.flag.reason)),
    });
  }
  return segments;
}

/** Each distinct reason once, in the order the flags came. */
export function distinctReasons(flags: readonly Flag[]): string[] {
  return unique(flags.map((flag) => flag.reason));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
