import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, login, open, signedIn as signedInAs, signup as signupAs } from './api.ts';
import { launchChromium } from './chromium.ts';

// Issue 5's browser journey against the real server: two members in one live room exchange messages;
// one goes offline, misses messages (and writes one meanwhile), comes back and sees everything once,
// in order. Creating the group has no page, so it goes through the real API as the administrator.

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const neutralOrigin = inject('neutralOrigin');
const tag = randomBytes(3).toString('hex');
const password = 'a slow breath by the window';
const slug = `e2e-chat-${tag}`;

let browser: Browser;
let fern: { username: string; cookie: string };
let harbor: { username: string; cookie: string };

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
  const adminCookie = await login(admin.username, admin.password);
  await api('/api/groups', {
    cookie: adminCookie,
    body: { slug, name: `Evening circle ${tag}`, kind: 'open', description: 'A group made by the e2e chat run.' },
  });
  fern = await signup('fern');
  harbor = await signup('harbor');
  for (const member of [fern, harbor]) await api(`/api/groups/${slug}/join`, { cookie: member.cookie, body: {} });
});

afterAll(async () => {
  await browser?.close();
});

// ---------- the API, for setup only ----------

const signup = (prefix: string) => signupAs(`${prefix}_${tag}`, password);
const signedIn = (cookie: string, options: { javaScriptEnabled?: boolean } = {}) =>
  signedInAs(browser, cookie, options);

// ---------- the browser ----------

async function openRoom(context: BrowserContext): Promise<Page> {
  const page = await open(context, `/chat/groups/${slug}`);
  await connection(page, 'Connected');
  return page;
}

async function connection(page: Page, text: string) {
  await page.locator('.connection [role="status"]', { hasText: text }).waitFor();
}

async function send(page: Page, body: string) {
  await page.getByLabel('Your message').fill(body);
  await page.getByLabel('Your message').press('Enter');
}

/** Waits until a message with this body is shown, then returns every shown message as [who, body]. */
async function messagesAfter(page: Page, body: string): Promise<[string, string][]> {
  await page.locator('ol.messages > li .body', { hasText: body }).waitFor();
  const items = page.locator('ol.messages > li[data-seq]');
  const whos = await items.locator('.alias').allTextContents();
  const bodies = await items.locator('.body').allTextContents();
  return bodies.map((b, i) => [whos[i] ?? '', b]);
}

describe('live chat', () => {
  it('two members talk, one drops offline and comes back to every missed message, once, in order', async () => {
    const fernContext = await signedIn(fern.cookie);
    const harborContext = await signedIn(harbor.cookie);
    const fernPage = await openRoom(fernContext);
    const harborPage = await openRoom(harborContext);
    expect(await fernPage.title()).toBe('Live chat · Bedrock');
    await fernPage.locator('.presence', { hasText: '2 here' }).waitFor();

    await send(fernPage, 'Is anyone awake?');
    const seenByHarbor = await messagesAfter(harborPage, 'Is anyone awake?');
    const fernAlias = seenByHarbor[0]?.[0] ?? '';
    // Others see the room alias, never the username; the author sees "You".
    expect(fernAlias).not.toBe('You');
    expect(fernAlias).not.toContain(fern.username);
    expect(await messagesAfter(fernPage, 'Is anyone awake?')).toEqual([['You', 'Is anyone awake?']]);

    await send(harborPage, 'I am here. Cannot sleep either.');
    const harborAlias = (await messagesAfter(fernPage, 'Cannot sleep either.'))[1]?.[0] ?? '';
    expect(harborAlias).not.toBe('You');

    // Harbor's connection drops. Fern keeps talking; Harbor writes one message while offline.
    await harborContext.setOffline(true);
    await connection(harborPage, 'Offline');
    await fernPage.locator('.presence', { hasText: '1 here' }).waitFor();
    const missed = ['First while you were away', 'Second while you were away', 'Third while you were away'];
    for (const body of missed) {
      await send(fernPage, body);
      await fernPage.locator('ol.messages > li.mine .body', { hasText: body }).waitFor();
    }
    await send(harborPage, 'Written on the train');
    await harborPage.getByText('Waiting to send. It goes as soon as you are connected again.').waitFor();

    await harborContext.setOffline(false);
    await connection(harborPage, 'Connected');
    const expected: [string, string][] = [
      [fernAlias, 'Is anyone awake?'],
      ['You', 'I am here. Cannot sleep either.'],
      ...missed.map((body): [string, string] => [fernAlias, body]),
      ['You', 'Written on the train'],
    ];
    expect(await messagesAfter(harborPage, 'Written on the train')).toEqual(expected);
    await harborPage.locator('.pending').waitFor({ state: 'detached' });

    // Fern sees Harbor's offline message exactly once, after the three.
    const seenByFern = await messagesAfter(fernPage, 'Written on the train');
    expect(seenByFern).toEqual(
      expected.map(([who, body]): [string, string] => [who === 'You' ? harborAlias : 'You', body]),
    );

    // Quick exit leaves the room silently: Harbor is gone from the count, and no page is left behind.
    await fernPage.locator('.presence', { hasText: '2 here' }).waitFor();
    await harborPage.getByRole('link', { name: 'Emergency Exit this page' }).click();
    await harborPage.waitForURL(`${neutralOrigin}/neutral`);
    await fernPage.locator('.presence', { hasText: '1 here' }).waitFor();

    await fernContext.close();
    await harborContext.close();
  });

  it('without JavaScript, shows recent history and posts through a plain form', async () => {
    const fernContext = await signedIn(fern.cookie);
    const fernPage = await openRoom(fernContext);
    const harborContext = await signedIn(harbor.cookie, { javaScriptEnabled: false });
    const harborPage = await harborContext.newPage();
    await harborPage.goto(`${baseUrl}/chat/groups/${slug}`);
    // Server-rendered history from the first test.
    await harborPage.locator('ol.messages > li .body', { hasText: 'Written on the train' }).waitFor();

    await harborPage.getByLabel('Your message').fill('Posted without any scripts');
    await harborPage.getByRole('button', { name: 'Send' }).click();
    // The page comes back with the message in its history, and the other member sees it live.
    const rows = await messagesAfter(harborPage, 'Posted without any scripts');
    expect(rows.at(-1)).toEqual(['You', 'Posted without any scripts']);
    expect(rows.filter(([, body]) => body === 'Posted without any scripts')).toHaveLength(1);
    await fernPage.locator('ol.messages > li .body', { hasText: 'Posted without any scripts' }).waitFor();

    // A flagged draft comes back first with the nudge (highlight, reason, the words kept to edit).
    const blaming = 'It is your fault he cheated, you drove him to it.';
    await harborPage.getByLabel('Your message').fill(blaming);
    await harborPage.getByRole('button', { name: 'Send' }).click();
    const nudge = harborPage.locator('section.nudge');
    await nudge.getByRole('heading', { name: 'Before you post' }).waitFor();
    expect(await nudge.locator('mark').count()).toBeGreaterThan(0);
    expect(await harborPage.getByLabel('Your message').inputValue()).toBe(blaming);
    expect(await harborPage.locator('ol.messages > li .body', { hasText: blaming }).count()).toBe(0);
    // Sent anyway, it is held: the reasons come back, and its words stay in the box to edit.
    await nudge.getByRole('button', { name: 'Post anyway' }).click();
    await harborPage.getByText("Your message is waiting and hasn't been shared.").waitFor();
    expect(await harborPage.getByLabel('Your message').inputValue()).toBe(blaming);
    expect(await harborPage.locator('ol.messages > li .body', { hasText: blaming }).count()).toBe(0);

    await fernContext.close();
    await harborContext.close();
  });

  it('a reader who is not a member reads the room, joins from it and then writes', async () => {
    const reader = await signup('sorrel');
    const context = await signedIn(reader.cookie);
    const page = await openRoom(context);
    await page.locator('ol.messages > li .body', { hasText: 'Posted without any scripts' }).waitFor();
    // No composer that would only answer "no permission": the way in instead.
    expect(await page.getByLabel('Your message').count()).toBe(0);
    await page.getByRole('heading', { name: 'Join to write here' }).waitFor();
    await page.getByRole('button', { name: `Join Evening circle ${tag}` }).click();
    await connection(page, 'Connected');
    await send(page, 'Joined from the room itself');
    const rows = await messagesAfter(page, 'Joined from the room itself');
    expect(rows.at(-1)).toEqual(['You', 'Joined from the room itself']);
    await context.close();
  });

  it('a moderator removes a message and closes the room; members see both at once', async () => {
    const fernContext = await signedIn(fern.cookie);
    const fernPage = await openRoom(fernContext);
    const adminContext = await signedIn(await login(admin.username, admin.password));
    const adminPage = await openRoom(adminContext);

    await send(fernPage, 'Please take this one down');
    const message = adminPage.locator('ol.messages > li', { hasText: 'Please take this one down' });
    await message.locator('summary').click();
    await message.getByRole('button', { name: 'Remove message' }).click();
    await fernPage.locator('ol.messages > li .body', { hasText: 'Please take this one down' }).waitFor({
      state: 'detached',
    });
    await adminPage.getByText('The message was removed for everyone.').waitFor();

    await adminPage.getByText('Moderator tools').click();
    await adminPage.getByRole('button', { name: 'Close the room' }).click();
    await fernPage.getByText('This room is closed for now. You can still read it.').waitFor();
    expect(await fernPage.getByLabel('Your message').isDisabled()).toBe(true);
    await adminPage.getByRole('button', { name: 'Reopen the room' }).click();
    await fernPage.getByText('This room is closed for now.').waitFor({ state: 'detached' });
    expect(await fernPage.getByLabel('Your message').isDisabled()).toBe(false);

    await fernContext.close();
    await adminContext.close();
  });

  it('a moderator schedules a facilitated session without JavaScript; members find it and enter its room', async () => {
    const adminContext = await signedIn(await login(admin.username, admin.password), { javaScriptEnabled: false });
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${baseUrl}/chat/groups/${slug}/sessions`);
    await adminPage.getByLabel('Title').fill('Sunday evening check-in');
    const day = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
    const later = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
    await adminPage.getByLabel('Starts (UTC)').fill(day);
    await adminPage.getByLabel('Ends (UTC)').fill(later);
    await adminPage.getByLabel('Facilitators').fill(fern.username);
    await adminPage.getByRole('button', { name: 'Schedule' }).click();
    await adminPage.getByText('The session is scheduled.').waitFor();

    const fernContext = await signedIn(fern.cookie);
    const fernPage = await fernContext.newPage();
    await fernPage.goto(`${baseUrl}/groups/${slug}`);
    await fernPage.getByRole('link', { name: 'Facilitated sessions' }).click();
    expect(await fernPage.getByRole('heading', { name: 'Schedule a session' }).count()).toBe(0);
    await fernPage.getByRole('link', { name: 'Sunday evening check-in' }).click();
    await fernPage.waitForSelector('html[data-quick-exit="ready"]');
    await connection(fernPage, 'Connected');
    await fernPage.getByRole('heading', { name: 'Sunday evening check-in' }).waitFor();

    await fernContext.close();
    await adminContext.close();
  });
});
