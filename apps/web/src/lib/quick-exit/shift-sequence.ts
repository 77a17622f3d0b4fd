/**
 * The keyboard half of quick exit, as GOV.UK's "Exit this page" does it: Shift pressed on its own three
 * times within five seconds. Escape was rejected there because it already means "close" everywhere.
 * Pure logic (time is passed in) so it can be tested without a browser.
 */

export const PRESSES_TO_EXIT = 3;
export const SEQUENCE_WINDOW_MS = 5000;

export const ANNOUNCEMENTS = {
  twoMore: 'Shift, press 2 more times to exit.',
  oneMore: 'Shift, press 1 more time to exit.',
  expired: 'Exit this page expired.',
  exiting: 'Loading.',
} as const;

export interface KeyUp {
  key: string;
  shiftKey: boolean;
}

export interface SequenceUpdate {
  /** Presses counted so far (0–3), for the progress dots. */
  count: number;
  /** True on the press that completes the sequence. */
  exit: boolean;
  /** Polite screen-reader text, or null to leave the current announcement alone. */
  announcement: string | null;
}

export interface ShiftSequence {
  keyup(event: KeyUp, now: number): SequenceUpdate;
  /** Called by a timer: drops the sequence once its window has passed. */
  expire(now: number): SequenceUpdate;
  /** Milliseconds until the current sequence expires, or null when none is under way. */
  msUntilExpiry(now: number): number | null;
}

export function createShiftSequence(windowMs = SEQUENCE_WINDOW_MS): ShiftSequence {
  let presses: number[] = [];
  // Shift used as a modifier (Shift+A) releases A with shiftKey set, then Shift itself: that Shift
  // keyup must not count, so remember whether the previous keyup had Shift held.
  let lastKeyWasModified = false;

  const live = (now: number) => presses.filter((at) => now - at < windowMs);

  return {
    keyup(event, now) {
      const modified = lastKeyWasModified;
      lastKeyWasModified = event.shiftKey;

      if (event.key !== 'Shift' || modified) {
        // Any other key (or Shift used as a modifier) interrupts a sequence under way.
        const interrupted = live(now).length > 0;
        presses = [];
        return { count: 0, exit: false, announcement: interrupted ? ANNOUNCEMENTS.expired : null };
      }

      presses = [...live(now), now];
      if (presses.length >= PRESSES_TO_EXIT) {
        presses = [];
        return { count: PRESSES_TO_EXIT, exit: true, announcement: ANNOUNCEMENTS.exiting };
      }
      const announcement = presses.length === 1 ? ANNOUNCEMENTS.twoMore : ANNOUNCEMENTS.oneMore;
      return { count: presses.length, exit: false, announcement };
    },

    expire(now) {
      const before = presses.length;
      presses = live(now);
      const lapsed = before > 0 && presses.length === 0;
      return { count: presses.length, exit: false, announcement: lapsed ? ANNOUNCEMENTS.expired : null };
    },

    msUntilExpiry(now) {
      const first = live(now)[0];
      return first === undefined ? null : Math.max(0, first + windowMs - now);
    },
  };
}
