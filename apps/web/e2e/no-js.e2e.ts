import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { uniqueName } from './names.ts';

const baseUrl = inject('baseUrl');
const exitUrl = `${inject('neutralOrigin')}/neutral`;
const username = uniqueName('moss');
const password = 'plain forms still work';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
  context = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
});

describe('without JavaScript', () => {
  it('signs up, logs out and logs in with plain forms', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    expect(await page.locator('ol.codes code').count()).toBe(10);

    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${baseUrl}/account`);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${baseUrl}/`);

    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByText(`Signed in as ${username}`).waitFor();
    await page.close();
  });

  it('the quick-exit button is a plain link to the neutral site', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const button = page.getByRole('link', { name: 'Emergency Exit this page' });
    expect(await button.getAttribute('href')).toBe(exitUrl);
    await button.click();
    await page.waitForURL(exitUrl);
    await page.close();
  });
});
