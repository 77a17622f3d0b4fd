/** The queue's single-key shortcuts. */
export type Shortcut = 'next' | 'previous' | 'approve' | 'remove' | 'return';

const KEYS: Record<string, Shortcut> = { j: 'next', k: 'previous', a: 'approve', r: 'remove', e: 'return' };

/** The parts of a KeyboardEvent the decision needs, so it can be tested without a DOM. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether the key went to a field the moderator is typing in: then no shortcut may fire. */
export function isTyping(target: KeyInput['target']): boolean {
  if (!target) return false;
  return Boolean(target.isContentEditable) || TYPING_TAGS.has((target.tagName ?? '').toUpperCase());
}

export function shortcutFor(input: KeyInput): Shortcut | null {
  if (input.ctrlKey || input.metaKey || input.altKey || isTyping(input.target)) return null;
  return KEYS[input.key] ?? null;
}

/** The item index after j/k: stays within the list, starts at the first item when none is current. */
export function moveIndex(current: number, shortcut: 'next' | 'previous', length: number): number {
  if (length === 0) return -1;
  if (current < 0) return 0;
  const next = shortcut === 'next' ? current + 1 : current - 1;
  return Math.min(length - 1, Math.max(0, next));
}
