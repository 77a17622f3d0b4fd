import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, open, signedIn as signedInAs, signup as signupAs } from './api.ts';
import { launchChromium } from './chromium.ts';

// The moderation journey of issue 6 against the real server: a member drafts a blame-shifting reply,
// sees the nudge with the phrase highlighted and its reason, posts anyway; the reply is held and the
// member reads why; a moderator approves it from /mod with the keyboard; a third member now sees it;
// the author finds the outcome in /notices. Setup without a page (group, thread) uses the API.

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const tag = randomBytes(3).toString('hex');
const password = 'a quiet walk by the river';
const slug = `e2e-mod-${tag}`;
const BLAME = "Maybe if you'd kept yourself up he wouldn't have needed to look elsewhere.";

let browser: Browser;
let threadId = '';
let author: string;
let reader: string;
let moderator: string;

const signup = async (prefix: string) => (await signupAs(`${prefix}_${tag}`, password)).cookie;
const signedIn = (cookie: string) => signedInAs(browser, cookie);

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
  const login = await api('/api/auth/login', { body: { username: admin.username, password: admin.password } });
  if (!login.cookie) throw new Error('admin login set no cookie');
  moderator = login.cookie;
  await api('/api/groups', {
    cookie: moderator,
    body: { slug, name: `Moderated talk ${tag}`, kind: 'open', description: 'A group made by the moderation e2e run.' },
  });
  const starter = await signup('wren');
  author = await signup('linnet');
  reader = await signup('plover');
  for (const cookie of [starter, author, reader]) await api(`/api/groups/${slug}/join`, { cookie, body: {} });
  const created = await api(`/api/groups/${slug}/threads`, {
    cookie: starter,
    body: { title: `Where do I start (${tag})`, body: 'I found out last week and I do not know what to do first.' },
  });
  threadId = (created.json.thread as { id: string }).id;
});

afterAll(async () => {
  await browser?.close();
});

describe('moderation journey', () => {
  const threadPath = () => `/groups/${slug}/threads/${threadId}`;

  it('nudges the author with the highlighted phrase and its reason; posting anyway holds the reply', async () => {
    const context = await signedIn(author);
    const page = await open(context, threadPath());
    await page.getByLabel('Your reply').fill(BLAME);

    // The debounced check shows the nudge while typing.
    const nudge = page.locator('section.nudge');
    await nudge.getByRole('heading', { name: 'Before you post' }).waitFor();
    const mark = nudge.locator('mark').first();
    expect((await mark.textContent())?.length).toBeGreaterThan(0);
    expect(BLAME).toContain(await mark.textContent());
    // The reason is listed under the draft and read out with the phrase.
    const reason = ((await nudge.locator('ul.reasons li').first().textContent()) ?? '').trim();
    expect(reason).toMatch(/\w+ \w+ \w+/);
    expect(await mark.getAttribute('title')).toContain(reason);
    await expect.poll(() => nudge.getByRole('link', { name: 'Edit' }).count()).toBe(1);

    // Submitting the ordinary way still nudges (the server checks too), keeping the draft.
    await page.getByRole('button', { name: 'Post reply' }).click();
    await nudge.getByRole('button', { name: 'Post anyway' }).waitFor();
    expect(await page.getByLabel('Your reply').inputValue()).toBe(BLAME);

    await nudge.getByRole('button', { name: 'Post anyway' }).click();
    await page.waitForURL(/\/notices\/posted\?/);
    const status = page.getByRole('status');
    await status
      .getByText(/waiting for a moderator/i)
      .first()
      .waitFor();
    expect(await page.content()).not.toMatch(/violation|offender/i);
    await context.close();
  });

  it('the reply is not visible to another member while held', async () => {
    const context = await signedIn(reader);
    const page = await open(context, threadPath());
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.content()).not.toContain('kept yourself up');
    await context.close();
  });

  it('a moderator sees the item with the highlight in /mod and approves it with the keyboard', async () => {
    const context = await signedIn(moderator);
    const page = await open(context, `/mod?groupId=`);
    const item = page.locator('article.item').filter({ hasText: 'kept yourself up' });
    await item.waitFor();
    expect(await item.locator('mark').count()).toBeGreaterThan(0);
    expect(await item.textContent()).toMatch(/M-/);
    expect(await item.textContent()).not.toContain(`linnet_${tag}`);

    // Move to the item with j until it is the current one, then approve with a.
    const items = await page.locator('article.item').count();
    for (let i = 0; i < items; i++) {
      await page.keyboard.press('j');
      if (await item.evaluate((el) => el === document.activeElement)) break;
    }
    await page.keyboard.press('a');
    await page.getByText('Done. The author has been told.').waitFor();
    await expect.poll(() => page.locator('article.item').filter({ hasText: 'kept yourself up' }).count()).toBe(0);
    await context.close();
  });

  it('the approved reply is visible to a third member', async () => {
    const context = await signedIn(reader);
    const page = await open(context, threadPath());
    await page.getByText('kept yourself up').first().waitFor();
    await context.close();
  });

  it('the author sees the outcome in /notices', async () => {
    const context = await signedIn(author);
    const page = await open(context, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notices' }).click();
    await page.waitForURL(`${baseUrl}/notices`);
    const notices = page.locator('article.notice-item');
    await notices.first().waitFor();
    expect(await notices.count()).toBeGreaterThanOrEqual(1);
    expect((await notices.allTextContents()).join(' ')).toMatch(/read your post and shared it/);
    await context.close();
  });
  it('without JavaScript: the nudge comes back on submit, a moderator removes with a reason, the author appeals', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const [name = '', value = ''] = author.split('=');
    await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${threadPath()}`);
    const draft = `${BLAME} (${tag}, no script)`;
    await page.getByLabel('Your reply').fill(draft);
    await page.getByRole('button', { name: 'Post reply' }).click();
    const nudge = page.locator('section.nudge');
    await nudge.getByRole('heading', { name: 'Before you post' }).waitFor();
    expect(await nudge.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Your reply').inputValue()).toBe(draft);
    expect(await nudge.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe('#field-body');
    await nudge.getByRole('button', { name: 'Post anyway' }).click();
    await page
      .getByText(/waiting for a moderator/i)
      .first()
      .waitFor();

    const modContext = await browser.newContext({ javaScriptEnabled: false });
    const [modName = '', modValue = ''] = moderator.split('=');
    await modContext.addCookies([{ name: modName, value: modValue, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    const mod = await modContext.newPage();
    await mod.goto(`${baseUrl}/mod?source=classifier`);
    const item = mod.locator('article.item').filter({ hasText: 'no script' });
    await item.getByLabel('Reason the author will see').first().fill('It puts the blame for his choices on her.');
    await item.getByRole('button', { name: /^Remove/ }).click();
    await mod.waitForURL(/\/mod\?.*done=remove/);
    await mod.getByText('Done. The author has been told.').waitFor();

    await mod.goto(`${baseUrl}/mod/audit?action=moderation.remove`);
    await mod.getByRole('cell', { name: 'It puts the blame for his choices on her.' }).waitFor();
    await mod.goto(`${baseUrl}/mod/stats`);
    expect(await mod.locator('h1').textContent()).toBe('Moderation health');
    await mod.getByText('over-flags that label').waitFor();
    expect(await mod.locator('img.chart').getAttribute('src')).toBe('/api/mod/stats/chart.svg');
    await modContext.close();

    await page.goto(`${baseUrl}/notices`);
    const removed = page
      .locator('article.notice-item')
      .filter({ hasText: 'It puts the blame for his choices on her.' });
    await removed
      .getByLabel('Why should a different moderator look again?')
      .fill('I meant it as a question, not blame.');
    await removed.getByRole('button', { name: 'Send appeal' }).click();
    await page.getByText('Your appeal is with a different moderator').first().waitFor();
    await context.close();
  });
  it('new items appear on an open queue page without a reload', async () => {
    const context = await signedIn(moderator);
    const page = await open(context, '/mod');
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.locator('[data-live="open"]').waitFor({ state: 'attached' });
    await api(`/api/threads/${threadId}/replies`, { cookie: author, body: { body: `${BLAME} (${tag}, live)` } });
    await page.getByText(/1 new item in the queue/).waitFor();
    await page.getByRole('button', { name: 'Show them' }).click();
    await page
      .locator('article.item blockquote.text')
      .filter({ hasText: `${tag}, live)` })
      .waitFor();
    await context.close();
  });
  it('an admin sets a label to publish for the group on its policy page', async () => {
    const context = await signedIn(moderator);
    const page = await open(context, '/mod');
    await page.getByText('Hold or publish, per group (admins)').click();
    await page.getByRole('link', { name: `Policy for Moderated talk ${tag}` }).click();
    await page.getByRole('heading', { name: 'Moderation policy' }).waitFor();
    const minimizing = page.getByRole('group', { name: 'Minimizing' });
    expect(await minimizing.getByLabel('Hold for review').isChecked()).toBe(true);
    await minimizing.getByLabel('Publish and flag').check();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Policy saved.').waitFor();
    expect(await page.getByRole('group', { name: 'Minimizing' }).getByLabel('Publish and flag').isChecked()).toBe(true);
    await context.close();
  });
});
