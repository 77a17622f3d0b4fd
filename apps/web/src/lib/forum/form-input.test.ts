import { describe, expect, it } from 'vitest';
import { composerInput, composerValuesRecord, isReportReason, reportInput, verificationInput } from './form-input.ts';

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
}

describe('composerInput', () => {
  it('maps a plain post with no warning and no anonymity', () => {
    const input = composerInput(form({ title: 'Day one', body: 'It happened.' }));
    expect(input).toMatchObject({
      ok: true,
      title: 'Day one',
      body: 'It happened.',
      anonymous: false,
      contentWarning: null,
    });
  });

  it('reads the anonymous checkbox and a warning with text', () => {
    const input = composerInput(
      form({ body: 'x', anonymous: 'on', cwCategory: 'discovery', cwText: '  how I found out  ' }),
    );
    expect(input).toMatchObject({
      ok: true,
      anonymous: true,
      contentWarning: { category: 'discovery', text: 'how I found out' },
    });
  });

  it('leaves the warning text out when only a category is chosen', () => {
    const input = composerInput(form({ body: 'x', cwCategory: 'self_harm', cwText: '   ' }));
    expect(input.ok && input.contentWarning).toEqual({ category: 'self_harm' });
  });

  it('asks for a category when warning text was written without one, keeping every value', () => {
    const input = composerInput(form({ title: 't', body: 'b', cwText: 'careful', anonymous: 'on' }));
    expect(input.ok).toBe(false);
    if (input.ok) return;
    expect(Object.keys(input.fields)).toEqual(['contentWarning.category']);
    expect(composerValuesRecord(input.values)).toEqual({
      title: 't',
      body: 'b',
      anonymous: 'on',
      cwCategory: '',
      cwText: 'careful',
    });
  });

  it('refuses a category that is not in the contract', () => {
    const input = composerInput(form({ body: 'b', cwCategory: '<script>' }));
    expect(input.ok).toBe(false);
  });

  it('treats a file upload in a text field as empty', () => {
    const data = new FormData();
    data.set('body', new Blob(['x']), 'x.txt');
    const input = composerInput(data);
    expect(input.values.body).toBe('');
  });
});

describe('reportInput and isReportReason', () => {
  it('keeps a trimmed note and drops an empty one', () => {
    expect(reportInput(form({ reason: 'crisis', note: '  please look  ' }))).toEqual({
      reason: 'crisis',
      note: 'please look',
    });
    expect(reportInput(form({ reason: 'spam', note: ' ' }))).toEqual({ reason: 'spam' });
  });

  it('knows the contract’s reasons only', () => {
    expect(isReportReason('minimizing')).toBe(true);
    expect(isReportReason('violation')).toBe(false);
    expect(isReportReason('')).toBe(false);
  });
});

describe('verificationInput', () => {
  it('turns the agreement checkbox into a boolean', () => {
    expect(verificationInput(form({ situation: 's', foundVia: 'f', agreeToGuidelines: 'yes' }))).toEqual({
      situation: 's',
      foundVia: 'f',
      agreeToGuidelines: true,
    });
    expect(verificationInput(form({ situation: 's', foundVia: 'f' })).agreeToGuidelines).toBe(false);
  });
});
