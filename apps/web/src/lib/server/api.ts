import { SESSION_COOKIE } from '$lib/session.ts';
import { env } from '$env/dynamic/private';
import type { RequestEvent } from '@sveltejs/kit';
import { type FormError, formError, toFormError } from './api-errors.ts';
import { parseSetCookie } from './set-cookie.ts';

/** Any shared zod schema: the client parses every success body with the contract's own schema. */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: FormError };

const TIMEOUT_MS = 15_000;

/** Where the API listens, seen from this server. Read per call: never at module load (vite build runs this). */
export function apiBaseUrl(): URL {
  return new URL(env.API_INTERNAL_URL || `http://127.0.0.1:${env.PORT || 3000}`);
}

function clientAddress(event: RequestEvent): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}

/**
 * A tiny server-side client for one request: forwards the member's session cookie and address, and
 * copies any cookie the API sets (login, logout, a refreshed or cleared session) onto our response.
 */
export function createApi(event: RequestEvent) {
  async function call<T>(method: string, path: string, schema: Schema<T>, body?: unknown): Promise<ApiResult<T>> {
    const base = apiBaseUrl();
    // The API's CSRF check wants a same-origin `Origin` on writes: we are its own server-side caller.
    const headers = new Headers({ accept: 'application/json', origin: base.origin });
    const address = clientAddress(event);
    if (address) headers.set('x-forwarded-for', address);
    const token = event.cookies.get(SESSION_COOKIE);
    if (token) headers.set('cookie', `${SESSION_COOKIE}=${token}`);
    if (body !== undefined) headers.set('content-type', 'application/json');

    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return { ok: false, error: formError('ERR_UNAVAILABLE') };
    }

    for (const line of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(line);
      if (cookie) event.cookies.set(cookie.name, cookie.value, cookie.options);
    }

    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) return { ok: false, error: toFormError(response.status, json) };
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: formError('ERR_INTERNAL') };
  }

  return {
    get: <T>(path: string, schema: Schema<T>) => call('GET', path, schema),
    post: <T>(path: string, schema: Schema<T>, body?: unknown) => call('POST', path, schema, body),
    patch: <T>(path: string, schema: Schema<T>, body?: unknown) => call('PATCH', path, schema, body),
    put: <T>(path: string, schema: Schema<T>, body?: unknown) => call('PUT', path, schema, body),
    delete: <T>(path: string, schema: Schema<T>) => call('DELETE', path, schema),
  };
}
