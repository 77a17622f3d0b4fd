import { describe, expect, it } from 'vitest';
import { needsNudge, postAnywayAction, safeBack } from './nudge.ts';

describe('postAnywayAction', () => {
  it('adds the parameter to named and default actions', () => {
    expect(postAnywayAction('?/reply')).toBe('?/reply&postAnyway=1');
    expect(postAnywayAction(undefined)).toBe('?postAnyway=1');
    expect(postAnywayAction('/x')).toBe('/x?postAnyway=1');
  });
});

describe('safeBack', () => {
  it('keeps same-site paths only', () => {
    expect(safeBack('/groups/a/threads/b#post-1')).toBe('/groups/a/threads/b#post-1');
    expect(safeBack('//evil.example')).toBe('/');
    expect(safeBack('/\\evil.example')).toBe('/');
    expect(safeBack('https://evil.example')).toBe('/');
    expect(safeBack(null)).toBe('/');
  });
});

describe('needsNudge', () => {
  it('nudges for any label but crisis alone', () => {
    expect(needsNudge({ flags: [] })).toBe(false);
    expect(needsNudge({ flags: [{ label: 'crisis' }] })).toBe(false);
    expect(needsNudge({ flags: [{ label: 'crisis' }, { label: 'minimizing' }] })).toBe(true);
  });
});
