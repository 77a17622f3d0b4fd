import { describe, expect, it } from 'vitest';
import { usernameList, utcFromLocalInput } from './sessions.ts';

describe('scheduling form values', () => {
  it('reads a datetime-local value as UTC', () => {
    expect(utcFromLocalInput('2026-11-24T20:30')).toBe('2026-11-24T20:30:00.000Z');
  });

  it('refuses anything that is not a complete datetime-local value', () => {
    for (const bad of ['', '2026-11-24', '24/11/2026 20:30', '2026-13-40T99:99', 'tomorrow']) {
      expect(utcFromLocalInput(bad)).toBeNull();
    }
  });

  it('splits facilitators by comma or line, trimming and dropping blanks, at most ten', () => {
    expect(usernameList(' alex, sam ,\nriver,, ')).toEqual(['alex', 'sam', 'river']);
    expect(usernameList(Array.from({ length: 12 }, (_, i) => `f${i}`).join(','))).toHaveLength(10);
  });
});
