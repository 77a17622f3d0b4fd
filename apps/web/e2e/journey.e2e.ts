import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { uniqueName } from './names.ts';

const baseUrl = inject('baseUrl');
const neutralOrigin = inject('neutralOrigin');
const exitUrl = `${neutralOrigin}/neutral`;
const username = uniqueName('fern');
const password = 'a calm and quiet evening';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
});

/** Waits until the page has hydrated and the quick-exit keyboard shortcut is listening. */
async function ready(page: Page) {
  await page.waitForSelector('html[data-quick-exit="ready"]');
}

/** Opens a Bedrock page from a neutral one, so the history entry before Bedrock is known. */
async function openFromElsewhere(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${neutralOrigin}/start`);
  await page.goto(`${baseUrl}${path}`);
  await ready(page);
  return page;
}

async function expectBackLeavesBedrock(page: Page) {
  await page.evaluate(() => history.back());
  await page.waitForURL(`${neutralOrigin}/start`);
  expect(page.url().startsWith(baseUrl)).toBe(false);
}

describe('a member’s first visit', () => {
  it('signs up, sees the recovery codes once, logs out and logs back in', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signup`);
    await ready(page);
    expect(await page.title()).toBe('Sign up · Bedrock');

    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = await page.locator('ol.codes code').allTextContents();
    expect(codes).toHaveLength(10);
    const download = page.getByRole('link', { name: 'Download as .txt' });
    expect(await download.getAttribute('download')).toBe('recovery-codes.txt');
    const href = (await download.getAttribute('href')) ?? '';
    expect(href.startsWith('data:text/plain')).toBe(true);
    expect(decodeURIComponent(href)).toContain(codes[0]);

    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByText(`Signed in as ${username}`).waitFor();
    expect(await page.getByRole('button', { name: 'Log out everywhere' }).isVisible()).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }).waitFor();

    await page.goto(`${baseUrl}/login`);
    await ready(page);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('That username and password do not match.').waitFor();

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByText(`Signed in as ${username}`).waitFor();
    await page.close();
  });
});

describe('quick exit', () => {
  it('Shift three times shows progress, then replaces the page with the neutral site', async () => {
    const page = await openFromElsewhere('/account');
    const status = page.locator('.quick-exit [role="status"]');

    await page.keyboard.press('Shift');
    await page.getByText('Shift, press 2 more times to exit.').waitFor({ state: 'attached' });
    expect(await page.locator('.quick-exit .dot.on').count()).toBe(1);
    await page.keyboard.press('Shift');
    expect(await status.textContent()).toBe('Shift, press 1 more time to exit.');
    expect(await page.locator('.quick-exit .dot.on').count()).toBe(2);

    await page.keyboard.press('Shift');
    await page.waitForURL(exitUrl);
    expect(await page.title()).toBe('Weather');
    await expectBackLeavesBedrock(page);
    await page.close();
  });

  it('the button blanks the page at once and leaves no way back', async () => {
    const page = await openFromElsewhere('/staying-safe');
    // Record what the page looks like the moment the overlay goes in, before the neutral site loads.
    let reported: (value: unknown) => void = () => {};
    const atExit = new Promise<unknown>((resolve) => {
      reported = resolve;
    });
    await page.exposeFunction('reportExit', (value: unknown) => reported(value));
    // Hold the request for the neutral site until the report is in: under load the navigation could
    // otherwise tear the page down before the report crossed to the test, which then waited forever.
    await page.route(exitUrl, async (route) => {
      await Promise.race([atExit, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await route.continue();
    });
    await page.evaluate(() => {
      new MutationObserver((_records, observer) => {
        const overlay = document.querySelector('.quick-exit-overlay');
        if (!overlay) return;
        observer.disconnect();
        const main = document.querySelector('main');
        const report = (window as unknown as { reportExit(value: unknown): void }).reportExit;
        report({
          overlay: getComputedStyle(overlay).visibility,
          main: main ? getComputedStyle(main).visibility : 'missing',
          title: document.title,
        });
      }).observe(document.body, { childList: true });
    });
    await page.getByRole('link', { name: 'Emergency Exit this page' }).click();
    await page.waitForURL(exitUrl);
    const noReport = new Promise((resolve) => setTimeout(() => resolve('no report from the page'), 15_000));
    expect(await Promise.race([atExit, noReport])).toEqual({ overlay: 'visible', main: 'hidden', title: 'Loading.' });
    await expectBackLeavesBedrock(page);
    await page.close();
  });

  it('the hidden skip link is first in the tab order and exits too', async () => {
    const page = await openFromElsewhere('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(focused).toEqual({ text: 'Exit this page', href: exitUrl });
    await page.keyboard.press('Enter');
    await page.waitForURL(exitUrl);
    await expectBackLeavesBedrock(page);
    await page.close();
  });
});
