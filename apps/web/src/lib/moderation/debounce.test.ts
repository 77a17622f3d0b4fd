import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce.ts';

describe('debounce', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once with the last arguments after the quiet period', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const d = debounce((text: string) => seen.push(text), 600);
    d.call('a');
    vi.advanceTimersByTime(300);
    d.call('ab');
    vi.advanceTimersByTime(599);
    expect(seen).toEqual([]);
    expect(d.pending).toBe(true);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['ab']);
    expect(d.pending).toBe(false);
  });

  it('cancel drops the pending call', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const d = debounce((text: string) => seen.push(text), 600);
    d.call('a');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
    d.call('b');
    vi.advanceTimersByTime(600);
    expect(seen).toEqual(['b']);
  });
});
