import { readFile } from 'node:fs/promises';
import { accountExportSchema } from '@bedrock/shared';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, login, open, signedIn, signup } from './api.ts';
import { launchChromium } from './chromium.ts';
import { uniqueName } from './names.ts';

const baseUrl = inject('baseUrl');
const password = 'leaving quietly tonight';

let browser: Browser;
let context: BrowserContext;
let username: string;
let threadId: string;
let slug: string;
let adminCookie: string;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
  const admin = inject('admin');
  adminCookie = await login(admin.username, admin.password);
  slug = uniqueName('leaving').replace(/_/g, '-');
  await api('/api/groups', {
    cookie: adminCookie,
    body: { slug, name: 'Leaving well', description: 'A group for this journey', kind: 'open', rules: 'Be kind.' },
  });

  username = uniqueName('willow');
  const member = await signup(username, password);
  await api(`/api/groups/${slug}/join`, { cookie: member.cookie, body: {} });
  const { json } = await api(`/api/groups/${slug}/threads`, {
    cookie: member.cookie,
    body: { title: 'Where do I even start', body: 'Words only she wrote, anonymously', anonymous: true },
  });
  threadId = (json.thread as { id: string }).id;
  context = await signedIn(browser, member.cookie, { javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
});

describe('leaving Bedrock without JavaScript', () => {
  it('downloads her data as a file', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/account`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bedrock-data.json');
    const data = accountExportSchema.parse(JSON.parse(await readFile(await download.path(), 'utf8')));
    expect(data.account.username).toBe(username);
    expect(data.posts).toEqual([
      expect.objectContaining({ body: 'Words only she wrote, anonymously', anonymous: true, opensThread: true }),
    ]);
    await page.close();
  });

  it('asks for her password, then deletes her account and signs her out', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/account`);
    await page.getByLabel('Your password', { exact: true }).fill('not the right one');
    await page.getByLabel(/I understand that my account/).check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Your current password is not correct.').first().waitFor();

    await page.getByLabel('Your password', { exact: true }).fill(password);
    await page.getByLabel(/I understand that my account/).check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${baseUrl}/account-deleted`);
    await page.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByText('Log out').count()).toBe(0);

    await page.goto(`${baseUrl}/account`);
    await page.waitForURL(`${baseUrl}/login`);
    await expect(login(username, password)).rejects.toThrow(/answered 401/);
    await page.close();
  });

  it('leaves her post as the deleted placeholder for others', async () => {
    const reader = await signedIn(browser, adminCookie, { javaScriptEnabled: false });
    const page = await reader.newPage();
    await page.goto(`${baseUrl}/groups/${slug}/threads/${threadId}`);
    await page.getByText('This post was deleted by the person who wrote it.').waitFor();
    expect(await page.getByText('Words only she wrote').count()).toBe(0);
    await reader.close();
  });
});

describe('leaving Bedrock by keyboard, with JavaScript', () => {
  it('reaches the password, the confirmation and the button with Tab, Space and Enter', async () => {
    const name = uniqueName('aspen');
    const member = await signup(name, password);
    const withJs = await signedIn(browser, member.cookie);
    const page = await open(withJs, '/account');
    await page.getByLabel('Your password', { exact: true }).focus();
    await page.keyboard.type(password);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByLabel(/I understand that my account/).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/account-deleted`);
    await page.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    await expect(login(name, password)).rejects.toThrow(/answered 401/);
    await withJs.close();
  });
});
