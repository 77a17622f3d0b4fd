import { describe, expect, it } from 'vitest';
import { isTyping, type KeyInput, moveIndex, shortcutFor } from './shortcuts.ts';

const key = (k: string, target: KeyInput['target'] = { tagName: 'BODY' }, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps j/k/a/r/e', () => {
    expect(['j', 'k', 'a', 'r', 'e'].map((k) => shortcutFor(key(k)))).toEqual([
      'next',
      'previous',
      'approve',
      'remove',
      'return',
    ]);
  });

  it('ignores other keys, capitals and modified keys (browser shortcuts stay intact)', () => {
    expect(shortcutFor(key('x'))).toBeNull();
    expect(shortcutFor(key('A'))).toBeNull();
    expect(shortcutFor(key('r', { tagName: 'BODY' }, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('a', { tagName: 'BODY' }, { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('j', { tagName: 'BODY' }, { altKey: true }))).toBeNull();
  });

  it('never fires while typing in a field', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'textarea']) {
      expect(shortcutFor(key('a', { tagName }))).toBeNull();
    }
    expect(shortcutFor(key('r', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
    expect(isTyping(null)).toBe(false);
    expect(shortcutFor(key('a', { tagName: 'BUTTON' }))).toBe('approve');
  });
});

describe('moveIndex', () => {
  it('starts at the first item, moves by one and stays within the list', () => {
    expect(moveIndex(-1, 'next', 3)).toBe(0);
    expect(moveIndex(-1, 'previous', 3)).toBe(0);
    expect(moveIndex(0, 'next', 3)).toBe(1);
    expect(moveIndex(2, 'next', 3)).toBe(2);
    expect(moveIndex(0, 'previous', 3)).toBe(0);
    expect(moveIndex(0, 'next', 0)).toBe(-1);
  });
});
