import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

// Setup that has no page of its own (groups, accounts, threads) goes through the real API. These are the
// journeys' shared helpers for it, and for opening pages as a member who is already signed in.

export interface Member {
  username: string;
  cookie: string;
}

/** One API call; fails the test on any non-2xx answer. Returns the JSON body and any new session cookie. */
export async function api(path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`);
  const session = response.headers.getSetCookie().find((c) => c.startsWith('bedrock_session='));
  return { json: JSON.parse(text) as Record<string, unknown>, cookie: session?.split(';')[0] };
}

export async function login(username: string, password: string): Promise<string> {
  const { cookie } = await api('/api/auth/login', { body: { username, password } });
  if (!cookie) throw new Error('login set no session cookie');
  return cookie;
}

export async function signup(username: string, password: string): Promise<Member> {
  const { cookie } = await api('/api/auth/signup', { body: { username, password } });
  if (!cookie) throw new Error('signup set no session cookie');
  return { username, cookie };
}

/** A browser context already signed in with `cookie` (the API's own session cookie). */
export async function signedIn(
  browser: Browser,
  cookie: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const [name = '', value = ''] = cookie.split('=');
  await context.addCookies([{ name, value, url: inject('baseUrl'), httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Opens a page and waits until the quick exit is ready (the page is hydrated). */
export async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}${path}`);
  await page.waitForSelector('html[data-quick-exit="ready"]');
  return page;
}
