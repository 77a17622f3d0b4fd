import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, login, type Member, open, signedIn as signedInAs, signup as signupAs } from './api.ts';
import { launchChromium } from './chromium.ts';

// The member's starting points against the real server: the home page lists her groups, their live
// rooms, the latest conversations and a coming session; /chat lists her rooms and is in the main nav;
// a missing page and a private one read the same; a non-member joins from a conversation and replies
// without JavaScript. Groups, a session and the opening posts have no page of their own to make them,
// so they go through the real API as the administrator.

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const tag = randomBytes(3).toString('hex');
const password = 'a warm cup and a quiet hour';
const openSlug = `e2e-home-${tag}`;
const openName = `Morning light ${tag}`;
// Named to sort first: the home page offers only the first few groups she could join.
const otherName = `A gentle start ${tag}`;
const partnersSlug = `e2e-home-partners-${tag}`;
const sessionTitle = `Sunday check-in ${tag}`;
const threadTitle = `Sleeping again, slowly (${tag})`;

let browser: Browser;
let ivy: Member;
let openThreadPath = '';
let partnersThreadPath = '';

async function createGroup(cookie: string, slug: string, name: string, kind: 'open' | 'partners_only') {
  const { json } = await api('/api/groups', {
    cookie,
    body: { slug, name, kind, description: `A group made by the e2e home run (${kind}).` },
  });
  return (json.group as { id: string }).id;
}

async function createThread(cookie: string, slug: string, title: string): Promise<string> {
  const { json } = await api(`/api/groups/${slug}/threads`, {
    cookie,
    body: { title, body: 'Some nights are easier now. I hope yours are too.' },
  });
  return `/groups/${slug}/threads/${(json.thread as { id: string }).id}`;
}

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
  const adminCookie = await login(admin.username, admin.password);
  const openId = await createGroup(adminCookie, openSlug, openName, 'open');
  await createGroup(adminCookie, `e2e-home-other-${tag}`, otherName, 'open');
  await createGroup(adminCookie, partnersSlug, `Quiet circle ${tag}`, 'partners_only');
  openThreadPath = await createThread(adminCookie, openSlug, threadTitle);
  partnersThreadPath = await createThread(adminCookie, partnersSlug, `Only for the circle (${tag})`);
  const startsAt = new Date(Date.now() + 24 * 3600_000);
  await api('/api/chat/sessions', {
    cookie: adminCookie,
    body: {
      groupId: openId,
      title: sessionTitle,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      facilitators: [],
    },
  });
  ivy = await signupAs(`ivy_${tag}`, password);
  await api(`/api/groups/${openSlug}/join`, { cookie: ivy.cookie, method: 'POST' });
});

afterAll(async () => {
  await browser?.close();
});

const signedIn = (cookie: string, options: { javaScriptEnabled?: boolean } = {}) =>
  signedInAs(browser, cookie, options);

const mainText = async (page: Page) => (await page.locator('main').textContent())?.replace(/\s+/g, ' ').trim();

describe('the member home page', () => {
  it('lists her group with its live room, the latest conversation and the coming session', async () => {
    const context = await signedIn(ivy.cookie);
    const page = await open(context, '/');
    const mine = page.getByRole('region', { name: 'Your groups' });
    await mine.getByRole('link', { name: openName, exact: true }).waitFor();
    const latest = page.getByRole('region', { name: 'Latest in your groups' });
    await latest.getByRole('link', { name: threadTitle }).waitFor();
    const sessions = page.getByRole('region', { name: 'Facilitated sessions coming up' });
    await sessions.getByRole('link', { name: sessionTitle }).waitFor();
    // An open group she has not joined is offered; her own group is not offered again.
    const joinable = page.getByRole('region', { name: 'Groups you could join' });
    await joinable.getByRole('link', { name: otherName }).waitFor();
    expect(await joinable.getByRole('link', { name: openName }).count()).toBe(0);
    await page.getByRole('link', { name: 'Staying safe' }).first().waitFor();
    // Nothing counts how popular a group or a conversation is.
    expect(await mainText(page)).not.toMatch(/\d+ (repl|member|post|people)/i);

    await mine.getByRole('link', { name: `Live chat in ${openName}` }).click();
    await page.waitForURL(new RegExp(`${baseUrl}/chat/[^/]+$`));
    await page.getByRole('link', { name: openName }).first().waitFor();
    await context.close();
  });

  it('shows a visitor the welcome and the open groups', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/');
    await page.getByRole('link', { name: 'Create an account' }).waitFor();
    const groups = page.getByRole('region', { name: 'Open groups' });
    await groups.getByRole('link', { name: openName }).waitFor();
    expect(await groups.getByRole('link', { name: `Quiet circle ${tag}` }).count()).toBe(0);
    await context.close();
  });
});

describe('the live chat index', () => {
  it('is in the main navigation and lists her room, the coming session and rooms she may read', async () => {
    const context = await signedIn(ivy.cookie);
    const page = await open(context, '/groups');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live chat' }).click();
    await page.waitForURL(`${baseUrl}/chat`);
    await page.getByRole('heading', { level: 1, name: 'Live chat' }).waitFor();
    const rooms = page.getByRole('region', { name: "Your groups' rooms" });
    await page.getByRole('region', { name: 'Facilitated sessions coming up' }).getByText(sessionTitle).waitFor();
    const readable = page.getByRole('region', { name: 'Other rooms you can read' });
    await readable.getByRole('link', { name: otherName }).waitFor();
    expect(await readable.getByRole('link', { name: `Quiet circle ${tag}` }).count()).toBe(0);

    await rooms.getByRole('link', { name: openName }).click();
    await page.waitForURL(new RegExp(`${baseUrl}/chat/[^/]+$`));
    await page.locator('.connection [role="status"]', { hasText: 'Connected' }).waitFor();
    await context.close();
  });
});

describe('the error page', () => {
  it('reads the same for a missing page and for a private group’s pages, with ways back', async () => {
    const context = await signedIn(ivy.cookie);
    const page = await context.newPage();
    const missing = await page.goto(`${baseUrl}/no-such-page-${tag}`);
    const missingText = await mainText(page);
    const missingTitle = await page.title();
    expect(missing?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'We could not find that page' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Go to the groups' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Go to the start page' }).waitFor();
    // The quick exit is still there on an error page.
    await page.locator('a.quick-exit-button').waitFor();

    for (const path of [partnersThreadPath, `/chat/groups/${partnersSlug}`, `/groups/no-such-group-${tag}`]) {
      const hidden = await page.goto(`${baseUrl}${path}`);
      expect(hidden?.status()).toBe(404);
      expect(await mainText(page)).toBe(missingText);
      expect(await page.title()).toBe(missingTitle);
      expect(await page.content()).not.toContain(`Only for the circle (${tag})`);
    }
    await context.close();
  });
});

describe('a non-member in a conversation of an open group', () => {
  it('sees "Join this group to reply", joins and replies without JavaScript', async () => {
    const moss = await signupAs(`moss_${tag}`, password);
    const context = await signedIn(moss.cookie, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${openThreadPath}`);
    await page.getByRole('heading', { level: 2, name: 'Join this group to reply' }).waitFor();
    expect(await page.getByLabel('Your reply').count()).toBe(0);

    await page.getByRole('button', { name: /^Join/ }).click();
    await page.waitForURL(`${baseUrl}${openThreadPath}?joined=1`);
    await page.getByText(`You have joined ${openName}`).waitFor();
    expect(await page.getByRole('heading', { name: 'Join this group to reply' }).count()).toBe(0);

    await page.getByLabel('Your reply').fill('Thank you for writing this. Mine are getting easier too.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.waitForURL(new RegExp(`${openThreadPath}#post-`));
    await page.getByRole('article').filter({ hasText: 'Mine are getting easier too.' }).waitFor();
    await context.close();
  });

  it('the group list reads its meta line with a space before each dot', async () => {
    const context = await signedIn(ivy.cookie, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/groups`);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: openName }) });
    const kind = (await item.locator('p.kind').textContent())?.replace(/\s+/g, ' ').trim();
    expect(kind).toBe('Open to every member · You are a member');
    await context.close();
  });
});
