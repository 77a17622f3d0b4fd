import { describe, expect, it } from 'vitest';
import { PSEUDONYM_SPACE, pseudonymFor } from './pseudonym.ts';

describe('pseudonymFor', () => {
  it('is stable for one account in one thread', () => {
    expect(pseudonymFor('k', 'thread', 't1', 'a1')).toBe(pseudonymFor('k', 'thread', 't1', 'a1'));
    expect(pseudonymFor('k', 'thread', 't1', 'a1')).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it('varies across threads, accounts, secrets and attempts', () => {
    const names = new Set<string>();
    for (let i = 0; i < 40; i++) names.add(pseudonymFor('k', 'thread', `t${i}`, 'a1'));
    // 40 draws from 4,096 names: nearly all distinct, never one name for every thread.
    expect(names.size).toBeGreaterThan(35);
    const other = [1, 2, 3, 4, 5].map((i) => pseudonymFor('k', 'thread', 't1', `a${i}`));
    expect(new Set(other).size).toBeGreaterThan(3);
    expect(pseudonymFor('other-secret', 'thread', 't1', 'a1')).not.toBe(pseudonymFor('k', 'thread', 't1', 'a1')); // fixed inputs
    expect(new Set([0, 1, 2, 3].map((n) => pseudonymFor('k', 'thread', 't1', 'a1', n))).size).toBeGreaterThan(2);
  });

  it('separates scopes, so a chat alias never equals the forum one by construction', () => {
    const a = [...Array(10).keys()].map((i) => pseudonymFor('k', 'thread', `x${i}`, 'a1'));
    const b = [...Array(10).keys()].map((i) => pseudonymFor('k', 'room', `x${i}`, 'a1'));
    expect(a).not.toEqual(b);
  });

  it('uses the full word lists', () => {
    expect(PSEUDONYM_SPACE).toBe(64 * 64);
  });
});
