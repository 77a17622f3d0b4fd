import { describe, expect, it } from 'vitest';
import { ANNOUNCEMENTS, createShiftSequence, SEQUENCE_WINDOW_MS } from './shift-sequence.ts';

const shift = { key: 'Shift', shiftKey: false };
const letter = (key: string, shiftKey = false) => ({ key, shiftKey });

describe('quick exit: Shift three times', () => {
  it('exits on the third Shift within five seconds, counting and announcing on the way', () => {
    const sequence = createShiftSequence();
    expect(sequence.keyup(shift, 0)).toEqual({ count: 1, exit: false, announcement: ANNOUNCEMENTS.twoMore });
    expect(sequence.keyup(shift, 1000)).toEqual({ count: 2, exit: false, announcement: ANNOUNCEMENTS.oneMore });
    expect(sequence.keyup(shift, 4999)).toEqual({ count: 3, exit: true, announcement: ANNOUNCEMENTS.exiting });
  });

  it('starts again after exiting', () => {
    const sequence = createShiftSequence();
    for (const at of [0, 100, 200]) sequence.keyup(shift, at);
    expect(sequence.keyup(shift, 300)).toMatchObject({ count: 1, exit: false });
  });

  it('does not exit when the three presses span five seconds or more', () => {
    const sequence = createShiftSequence();
    sequence.keyup(shift, 0);
    sequence.keyup(shift, 3000);
    const third = sequence.keyup(shift, SEQUENCE_WINDOW_MS);
    expect(third).toMatchObject({ count: 2, exit: false });
    // The press at 3000 and this one still share a window: one more completes it.
    expect(sequence.keyup(shift, 6000)).toMatchObject({ count: 3, exit: true });
  });

  it('any other key interrupts the sequence and says so', () => {
    const sequence = createShiftSequence();
    sequence.keyup(shift, 0);
    sequence.keyup(shift, 100);
    expect(sequence.keyup(letter('a'), 200)).toEqual({ count: 0, exit: false, announcement: ANNOUNCEMENTS.expired });
    expect(sequence.keyup(shift, 300)).toMatchObject({ count: 1, exit: false });
  });

  it('ignores Shift used as a modifier while typing capitals', () => {
    const sequence = createShiftSequence();
    // Typing "AB": keyup A (Shift held), keyup Shift, keyup B (Shift held), keyup Shift, ...
    for (let i = 0; i < 3; i++) {
      sequence.keyup(letter('A', true), i * 100);
      expect(sequence.keyup(shift, i * 100 + 50)).toMatchObject({ count: 0, exit: false });
    }
  });

  it('a stray key when nothing is under way announces nothing', () => {
    const sequence = createShiftSequence();
    expect(sequence.keyup(letter('x'), 0)).toEqual({ count: 0, exit: false, announcement: null });
  });

  it('expires the progress dots when the window passes, and tells the timer when', () => {
    const sequence = createShiftSequence();
    expect(sequence.msUntilExpiry(0)).toBeNull();
    sequence.keyup(shift, 1000);
    sequence.keyup(shift, 2000);
    expect(sequence.msUntilExpiry(2000)).toBe(4000);
    expect(sequence.expire(5999)).toEqual({ count: 2, exit: false, announcement: null });
    expect(sequence.expire(6000)).toEqual({ count: 1, exit: false, announcement: null });
    expect(sequence.expire(7000)).toEqual({ count: 0, exit: false, announcement: ANNOUNCEMENTS.expired });
    expect(sequence.expire(8000)).toEqual({ count: 0, exit: false, announcement: null });
  });
});
