import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { uniqueName } from './names.ts';

const baseUrl = inject('baseUrl');
const username = uniqueName('reed');
const firstPassword = 'first quiet password';
const secondPassword = 'second quiet password';
const thirdPassword = 'third quiet password';

let browser: Browser;
const contexts: BrowserContext[] = [];
let codes: string[] = [];

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
});

afterAll(async () => {
  await browser?.close();
});

/** A separate browser profile: a second device, as far as Bedrock can tell. */
async function device(): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function ready(page: Page) {
  await page.waitForSelector('html[data-quick-exit="ready"]');
}

async function logIn(page: Page, password: string) {
  await page.goto(`${baseUrl}/login`);
  await ready(page);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${baseUrl}/account`);
}

async function expectSignedOut(page: Page) {
  await page.goto(`${baseUrl}/account`);
  await page.waitForURL(`${baseUrl}/login`);
}

describe('the account page', () => {
  let phone: Page;
  let laptop: Page;

  it('lists both devices and ends the other one', async () => {
    phone = await device();
    await phone.goto(`${baseUrl}/signup`);
    await ready(phone);
    await phone.getByLabel('Username').fill(username);
    await phone.getByLabel('Password').fill(firstPassword);
    await phone.getByRole('button', { name: 'Create account' }).click();
    await phone.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    codes = await phone.locator('ol.codes code').allTextContents();

    laptop = await device();
    await logIn(laptop, firstPassword);

    await phone.goto(`${baseUrl}/account`);
    await ready(phone);
    const sessions = phone.locator('ul.sessions > li');
    expect(await sessions.count()).toBe(2);
    await phone.getByRole('button', { name: /^End session/ }).click();
    await phone.getByText('That session has been ended.').waitFor();
    expect(await sessions.count()).toBe(1);
    await expectSignedOut(laptop);
  });

  it('changes the password only with the current one, ending other sessions', async () => {
    await logIn(laptop, firstPassword);
    await phone.goto(`${baseUrl}/account`);
    await ready(phone);
    await phone.getByLabel('Current password').fill('not my password');
    await phone.getByLabel('New password').fill(secondPassword);
    await phone.getByRole('button', { name: 'Change password' }).click();
    await phone.getByText('Your current password is not correct.').waitFor();

    await phone.getByLabel('Current password').fill(firstPassword);
    await phone.getByLabel('New password').fill(secondPassword);
    await phone.getByRole('button', { name: 'Change password' }).click();
    await phone.getByText('Your password has been changed.').waitFor();
    await expectSignedOut(laptop);
  });

  it('recovers with a code once; the code does not work twice', async () => {
    const tablet = await device();
    await tablet.goto(`${baseUrl}/recover`);
    await ready(tablet);
    await tablet.getByLabel('Username').fill(username);
    await tablet.getByLabel('Recovery code').fill(codes[0] ?? '');
    await tablet.getByLabel('New password').fill(thirdPassword);
    await tablet.getByRole('button', { name: 'Set new password' }).click();
    await tablet.getByText('You have 9 recovery codes left.').waitFor();
    await expectSignedOut(phone);

    await tablet.goto(`${baseUrl}/recover`);
    await ready(tablet);
    await tablet.getByLabel('Username').fill(username);
    await tablet.getByLabel('Recovery code').fill(codes[0] ?? '');
    await tablet.getByLabel('New password').fill('yet another password');
    await tablet.getByRole('button', { name: 'Set new password' }).click();
    await tablet.getByText('or the code was already used.').waitFor();
  });

  it('logs out everywhere in one click', async () => {
    await logIn(phone, thirdPassword);
    await logIn(laptop, thirdPassword);
    await phone.getByRole('button', { name: 'Log out everywhere' }).click();
    await phone.waitForURL(`${baseUrl}/login?ended=everywhere`);
    await phone.getByText('You have been logged out on every device.').waitFor();
    await expectSignedOut(laptop);
  });
});
