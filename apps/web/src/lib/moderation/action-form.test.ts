import { describe, expect, it } from 'vitest';
import { toActionRequest } from './action-form.ts';

const base = { action: 'approve', reason: '', note: '', hours: '', days: '', removeContent: '' };

describe('toActionRequest', () => {
  it('keeps only the fields an action uses', () => {
    expect(toActionRequest(base)).toEqual({ action: 'approve' });
    expect(toActionRequest({ ...base, action: 'mute', reason: ' calm down ', hours: '24', days: '3' })).toEqual({
      action: 'mute',
      reason: 'calm down',
      hours: 24,
    });
    expect(toActionRequest({ ...base, action: 'suspend', reason: 'x', days: '7', removeContent: 'on' })).toEqual({
      action: 'suspend',
      reason: 'x',
      days: 7,
      removeContent: true,
    });
    expect(toActionRequest({ ...base, action: 'return', note: 'soften the second line' })).toEqual({
      action: 'return',
      note: 'soften the second line',
    });
  });

  it('refuses unknown actions and leaves bad numbers to the API', () => {
    expect(toActionRequest({ ...base, action: 'explode' })).toBeNull();
    expect(toActionRequest({ ...base, action: 'mute', hours: 'lots' })).toEqual({ action: 'mute' });
  });
});
