import { describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_EXIT_URL, safeExitUrl } from './exit.ts';

describe('quick exit target', () => {
  it('keeps a configured http(s) URL', () => {
    expect(safeExitUrl('https://weather.example/today')).toBe('https://weather.example/today');
    expect(safeExitUrl('http://127.0.0.1:9999/neutral')).toBe('http://127.0.0.1:9999/neutral');
  });

  it('falls back to the neutral default for missing, malformed or script URLs', () => {
    for (const value of [undefined, null, '', 'not a url', 'javascript:alert(1)', 'data:text/html,hi']) {
      expect(safeExitUrl(value)).toBe(DEFAULT_QUICK_EXIT_URL);
    }
  });
});
