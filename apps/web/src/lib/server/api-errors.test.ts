import { ERRORS, errorBody } from '@bedrock/shared';
import { describe, expect, it } from 'vitest';
import { formError, toFormError } from './api-errors.ts';

describe('API errors become form errors', () => {
  it('keeps the code, sentence and per-field messages of a validation error', () => {
    const body = errorBody('ERR_VALIDATION', { username: 'Use at least 3 characters.', password: 'Too short.' });
    expect(toFormError(400, body)).toEqual({
      status: 400,
      code: 'ERR_VALIDATION',
      message: ERRORS.ERR_VALIDATION.message,
      fields: { username: 'Use at least 3 characters.', password: 'Too short.' },
    });
  });

  it('maps a coded error without fields to an empty field map', () => {
    expect(toFormError(401, errorBody('ERR_INVALID_CREDENTIALS'))).toEqual({
      status: 401,
      code: 'ERR_INVALID_CREDENTIALS',
      message: ERRORS.ERR_INVALID_CREDENTIALS.message,
      fields: {},
    });
  });

  it('gives a kind sentence for a body that is not ours, chosen by status', () => {
    expect(toFormError(429, 'Too Many Requests')).toMatchObject({ status: 429, code: 'ERR_RATE_LIMITED' });
    expect(toFormError(502, undefined)).toMatchObject({ status: 502, code: 'ERR_UNAVAILABLE' });
    expect(toFormError(500, { stack: 'secret internals' })).toEqual({
      status: 500,
      code: 'ERR_INTERNAL',
      message: ERRORS.ERR_INTERNAL.message,
      fields: {},
    });
    expect(toFormError(418, null)).toMatchObject({ status: 418, code: 'ERR_VALIDATION' });
  });

  it('never passes on a status that fail() would reject', () => {
    expect(toFormError(302, errorBody('ERR_NOT_FOUND')).status).toBe(500);
    expect(toFormError(200, {}).status).toBe(500);
  });

  it('rejects an error body with an unknown code', () => {
    const body = { error: { code: 'ERR_MADE_UP', message: 'Injected text' } };
    expect(toFormError(400, body)).toEqual({ ...formError('ERR_VALIDATION'), status: 400 });
  });
});
