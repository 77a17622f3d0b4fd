import { describe, expect, it } from 'vitest';
import { parseSetCookie } from './set-cookie.ts';

describe('copying the API session cookie', () => {
  it('keeps every attribute of a session cookie', () => {
    const cookie = parseSetCookie('bedrock_session=abc123; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax');
    expect(cookie).toEqual({
      name: 'bedrock_session',
      value: 'abc123',
      options: { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: 2592000 },
    });
  });

  it('reads a blank cookie that ends the session', () => {
    const cookie = parseSetCookie('bedrock_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
    expect(cookie).toMatchObject({ name: 'bedrock_session', value: '', options: { maxAge: 0, secure: false } });
  });

  it('parses Expires and drops Domain', () => {
    const cookie = parseSetCookie('a=b=c; Domain=evil.example; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
    expect(cookie).toEqual({
      name: 'a',
      value: 'b=c',
      options: { path: '/', httpOnly: false, secure: false, expires: new Date(0) },
    });
  });

  it('ignores a line with no name', () => {
    expect(parseSetCookie('=value; Path=/')).toBeNull();
    expect(parseSetCookie('garbage')).toBeNull();
  });
});
