import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, login, open, signedIn as signedInAs, signup as signupAs } from './api.ts';
import { launchChromium } from './chromium.ts';

// The forum journey of issue 4, against the real server: apply for verification, a moderator approves,
// join a partners-only group, post anonymously with a content warning, another member reacts and
// replies. Setup that has no page (creating groups) goes through the real API as the administrator.

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const tag = randomBytes(3).toString('hex');
const password = 'a quiet walk by the river';
const openSlug = `e2e-open-${tag}`;
const partnersSlug = `e2e-partners-${tag}`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
  const adminCookie = await login(admin.username, admin.password);
  await createGroup(adminCookie, { slug: openSlug, name: `Open talk ${tag}`, kind: 'open' });
  await createGroup(adminCookie, { slug: partnersSlug, name: `Partners circle ${tag}`, kind: 'partners_only' });
});

afterAll(async () => {
  await browser?.close();
});

// ---------- the API, for setup only ----------

const signup = (prefix: string) => signupAs(`${prefix}_${tag}`, password);

async function createGroup(cookie: string, group: { slug: string; name: string; kind: string }) {
  await api('/api/groups', {
    cookie,
    body: { ...group, description: `A group made by the e2e run (${group.kind}).` },
  });
}

const signedIn = (cookie: string, options: { javaScriptEnabled?: boolean } = {}) =>
  signedInAs(browser, cookie, options);

/** Everything the browser received for the page, markup and hydration data alike. */
async function received(page: Page): Promise<string> {
  return page.content();
}

// ---------- the journey ----------

describe('forum journey', () => {
  const situation = `I found messages on a shared tablet three weeks ago (${tag}). I am still in shock.`;
  const title = `Finding out, three weeks on (${tag})`;
  const body = 'I keep replaying the moment I saw the messages. Does the shaking stop?';
  let author: { username: string; cookie: string };
  let threadUrl = '';

  it('a member applies for partner verification', async () => {
    author = await signup('heron');
    const context = await signedIn(author.cookie);
    const page = await open(context, '/groups');

    const partners = page.getByRole('listitem').filter({ hasText: `Partners circle ${tag}` });
    await partners.getByRole('link', { name: 'Apply for partner verification' }).click();
    await page.waitForURL(`${baseUrl}/verification`);
    await page.getByText('You have not applied yet.').waitFor();

    await page.getByLabel('Your situation, in your own words').fill(situation);
    await page.getByLabel('How did you find Bedrock?').fill('A search late at night');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByText('Please agree to the community guidelines to apply.').first().waitFor();
    // Nothing written is lost after a refusal.
    expect(await page.getByLabel('Your situation, in your own words').inputValue()).toBe(situation);

    await page.getByLabel(/I agree to the community guidelines/).check();
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByText('Your application is waiting for a moderator').waitFor();
    await context.close();
  });

  it('a moderator approves the application without seeing who sent it', async () => {
    const context = await browser.newContext();
    // Typing before hydration could be undone by it: wait until the page is live.
    const page = await open(context, '/login');
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${baseUrl}/account`);

    await page.goto(`${baseUrl}/mod/verification`);
    await page.waitForSelector('html[data-quick-exit="ready"]');
    const application = page.getByRole('article').filter({ hasText: situation });
    await application.waitFor();
    expect(await received(page)).not.toContain(author.username);
    await application.getByRole('button', { name: /^Approve/ }).click();
    await page.getByText('Application approved.').waitFor();
    expect(await page.getByRole('article').filter({ hasText: situation }).count()).toBe(0);
    await context.close();
  });

  it('the verified member joins the partners-only group and posts anonymously with a content warning', async () => {
    const context = await signedIn(author.cookie);
    const page = await open(context, '/verification');
    await page.getByText('You are verified.').waitFor();

    await page.goto(`${baseUrl}/groups/${partnersSlug}`);
    await page.waitForSelector('html[data-quick-exit="ready"]');
    await page.getByRole('button', { name: /^Join/ }).click();
    await page.getByText(`You have joined Partners circle ${tag}`).waitFor();

    await page.getByRole('link', { name: 'Start a conversation' }).click();
    await page.waitForURL(`${baseUrl}/groups/${partnersSlug}/new`);
    await page.waitForSelector('html[data-quick-exit="ready"]');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Your post').fill(body);
    await page.getByLabel('What is it about?').selectOption('discovery');
    await page.getByLabel('A few words about it').fill('how I found out');
    await page.getByLabel('Post anonymously').check();
    await page.getByRole('button', { name: 'Post', exact: true }).click();

    await page.waitForURL(new RegExp(`/groups/${partnersSlug}/threads/`));
    threadUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const opening = page.getByRole('article').first();
    // The author sees "you" beside the pseudonym, never their username.
    await opening.locator('.tag.you').waitFor();
    expect(await opening.locator('.tag', { hasText: 'anonymous' }).count()).toBe(1);
    expect(await opening.textContent()).not.toContain(author.username);
    // The body stays folded until the reader opens the warning.
    await opening.getByText('Content warning: Discovery').waitFor();
    expect(await opening.getByText(body).isVisible()).toBe(false);
    await opening.getByText('Show this post').click();
    expect(await opening.getByText(body).isVisible()).toBe(true);
    await context.close();
  });

  it('another verified member reacts, reports and replies; nothing links the post to its author', async () => {
    const reader = await signup('wren');
    await api('/api/verification', {
      cookie: reader.cookie,
      body: {
        situation: `My partner had a long affair, I learned last month (${tag}).`,
        foundVia: 'A friend',
        agreeToGuidelines: true,
      },
    });
    const adminCookie = await login(admin.username, admin.password);
    const pending = (await api('/api/mod/verifications', { cookie: adminCookie })).json.applications as {
      id: string;
      situation: string;
    }[];
    const mine = pending.find((a) => a.situation.includes(`learned last month (${tag})`));
    if (!mine) throw new Error('the second application is not in the queue');
    await api(`/api/mod/verifications/${mine.id}/approve`, { cookie: adminCookie, method: 'POST' });

    const context = await signedIn(reader.cookie);
    const page = await open(context, `/groups/${partnersSlug}`);
    await page.getByRole('button', { name: /^Join/ }).click();
    await page.getByText(`You have joined Partners circle ${tag}`).waitFor();
    // The thread list marks the new conversation as unread.
    const listed = page.getByRole('listitem').filter({ hasText: title });
    await listed.getByText('New activity').waitFor();
    await listed.getByRole('link', { name: title }).click();
    await page.waitForURL(`${baseUrl}${threadUrl}`);
    await page.waitForSelector('html[data-quick-exit="ready"]');
    expect(await received(page)).not.toContain(author.username);

    const opening = page.getByRole('article').first();
    expect(await opening.locator('.tag.you').count()).toBe(0);
    await opening.getByText('Show this post').click();

    const hug = opening.getByRole('button', { name: /^Hug/ });
    await hug.click();
    await opening.locator('button[aria-pressed="true"]', { hasText: 'Hug' }).waitFor();
    expect((await hug.textContent())?.replace(/\s+/g, ' ')).toContain('Hug 1');

    // The report dialog opens over the page and leaves the reader where they were.
    await opening.getByRole('link', { name: 'Report this post' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this post' });
    await dialog.waitFor();
    await dialog.getByLabel('Something else').check();
    await dialog.getByLabel(/Anything a moderator should know/).fill('Only checking the report dialog works.');
    await dialog.getByRole('button', { name: 'Send to a moderator' }).click();
    await opening.getByText('Thank you. A moderator will look at this post.').waitFor();
    expect(page.url()).toBe(`${baseUrl}${threadUrl}`);

    await page.getByLabel('Your reply').fill('It does ease. Be gentle with yourself tonight.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const reply = page.getByRole('article').filter({ hasText: 'It does ease.' });
    await reply.waitFor();
    await reply.getByText(reader.username).waitFor();
    await context.close();

    // The author sees the hug and the reply.
    const authorContext = await signedIn(author.cookie);
    const authorPage = await open(authorContext, threadUrl);
    const authorOpening = authorPage.getByRole('article').first();
    await authorOpening.getByText('Show this post').click();
    const authorHug = authorOpening.getByRole('button', { name: /^Hug/ });
    expect((await authorHug.textContent())?.replace(/\s+/g, ' ')).toContain('Hug 1');
    await authorPage.getByRole('article').filter({ hasText: 'It does ease.' }).waitFor();

    // "My posts" lists the anonymous post for its author only.
    await authorPage.goto(`${baseUrl}/my-posts`);
    await authorPage.getByRole('link', { name: title }).waitFor();
    await authorPage.getByText(/anonymous, shown as/).waitFor();
    await authorContext.close();
  });

  it('a partners-only thread answers like a missing page to a member who is not verified', async () => {
    const outsider = await signup('finch');
    const context = await signedIn(outsider.cookie);
    const page = await context.newPage();
    const hidden = await page.goto(`${baseUrl}${threadUrl}`);
    const hiddenText = await page.locator('main').textContent();
    const missing = await page.goto(`${baseUrl}/groups/${partnersSlug}/threads/no-such-thread-${tag}`);
    expect(hidden?.status()).toBe(404);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('main').textContent()).toBe(hiddenText);
    expect(hiddenText).not.toContain(title);
    await context.close();
  });
});

// ---------- cross-site scripting ----------

describe('hostile text in a post', () => {
  it('renders inert: no dialog, no script or image from content, no javascript: link', async () => {
    const writer = await signup('xss');
    await api(`/api/groups/${openSlug}/join`, { cookie: writer.cookie, method: 'POST' });
    const payloadTitle = `<script>alert('t')</script><img src=x onerror=alert('t')> ${tag}`;
    const payloadBody = [
      `<script>alert('b')</script>`,
      `<img src=x onerror="alert('b')">`,
      `[click me](javascript:alert('b'))`,
      `<a href="javascript:alert('b')">raw link</a>`,
      `<svg onload=alert('b')></svg>`,
    ].join('\n\n');
    const payloadWarning = `<img src=x onerror=alert('w')>`;

    // Written through the real composer, in a browser.
    const context = await signedIn(writer.cookie);
    const dialogs: string[] = [];
    context.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const page = await open(context, `/groups/${openSlug}/new`);
    await page.getByLabel('Title').fill(payloadTitle);
    await page.getByLabel('Your post').fill(payloadBody);
    await page.getByLabel('What is it about?').selectOption('violence');
    await page.getByLabel('A few words about it').fill(payloadWarning);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.waitForURL(new RegExp(`/groups/${openSlug}/threads/`));
    await page.waitForSelector('html[data-quick-exit="ready"]');
    const threadPath = new URL(page.url()).pathname;

    // Read by another member, with the warning opened so the body is live in the page.
    const reader = await signup('xssreader');
    const readerContext = await signedIn(reader.cookie);
    readerContext.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const path of [threadPath, `/groups/${openSlug}`]) {
      const view = await open(readerContext, path);
      for (const summary of await view.locator('main details summary').all()) await summary.click();
      const main = view.locator('main');
      expect(await main.locator('script').count()).toBe(0);
      expect(await main.locator('img, svg, iframe, object, embed').count()).toBe(0);
      expect(await main.locator('a[href^="javascript:" i]').count()).toBe(0);
      expect(await main.locator('[onerror], [onload], [onclick]').count()).toBe(0);
      await view.close();
    }
    const view = await open(readerContext, threadPath);
    // The title and warning show the hostile text as text.
    expect(await view.getByRole('heading', { level: 1 }).textContent()).toBe(payloadTitle);
    await view.getByText(payloadWarning).waitFor();
    expect(dialogs).toEqual([]);
    await context.close();
    await readerContext.close();
  });
});

// ---------- without JavaScript ----------

describe('the forum without JavaScript', () => {
  it('joins, posts with a warning, reacts, edits, reports on its own page and deletes, with plain forms', async () => {
    const writer = await signup('nojs');
    const context = await signedIn(writer.cookie, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/groups/${openSlug}`);
    await page.getByRole('button', { name: /^Join/ }).click();
    await page.getByText(`You have joined Open talk ${tag}`).waitFor();

    await page.getByRole('link', { name: 'Start a conversation' }).click();
    await page.getByLabel('Title').fill(`Plain forms (${tag})`);
    await page.getByLabel('Your post').fill('Written without any script.');
    await page.getByLabel('What is it about?').selectOption('affair_details');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.waitForURL(new RegExp(`/groups/${openSlug}/threads/`));
    const threadPath = new URL(page.url()).pathname;

    const opening = page.getByRole('article').first();
    expect(await opening.getByText('Written without any script.').isVisible()).toBe(false);
    await opening.getByText('Show this post').click();
    expect(await opening.getByText('Written without any script.').isVisible()).toBe(true);

    await opening.getByRole('button', { name: /^Strength/ }).click();
    await page.waitForURL(new RegExp(`${threadPath}#post-`));
    await page.locator('article button[aria-pressed="true"]', { hasText: 'Strength' }).waitFor();

    await page.getByRole('article').first().getByRole('link', { name: 'Edit your post' }).click();
    await page.getByRole('heading', { name: 'Edit your post' }).waitFor();
    expect(await page.getByLabel('Your post').inputValue()).toBe('Written without any script.');
    await page.getByLabel('Your post').fill('Written, then edited, without any script.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`${threadPath}#post-`));
    await page.getByRole('article').first().getByText('Show this post').click();
    await page.getByText('Written, then edited, without any script.').waitFor();
    await page.getByRole('article').first().getByText('· edited').waitFor();

    await page.getByLabel('Your reply').fill('A reply I will take back.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const reply = page.getByRole('article').filter({ hasText: 'A reply I will take back.' });
    await reply.waitFor();
    await reply.getByText('Delete your post').click();
    await reply.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('Your post has been deleted.').waitFor();
    await page.getByText('This post was deleted by the person who wrote it.').waitFor();
    expect(await page.getByText('A reply I will take back.').count()).toBe(0);
    await context.close();

    // Another member, not in the group, can still report what they read, on the plain report page.
    const reader = await signup('nojsreader');
    const readerContext = await signedIn(reader.cookie, { javaScriptEnabled: false });
    const readerPage = await readerContext.newPage();
    await readerPage.goto(`${baseUrl}${threadPath}`);
    await readerPage.getByRole('article').first().getByRole('link', { name: 'Report this post' }).click();
    await readerPage.getByRole('heading', { level: 1, name: 'Report a post' }).waitFor();
    await readerPage.getByRole('button', { name: 'Send to a moderator' }).click();
    // The browser's own check asks for a reason first; the page stays put.
    expect(new URL(readerPage.url()).pathname.endsWith('/report')).toBe(true);
    await readerPage.getByLabel('Minimizing').check();
    await readerPage.getByRole('button', { name: 'Send to a moderator' }).click();
    await readerPage.waitForURL(new RegExp(`${threadPath}\\?reported=1`));
    await readerPage.getByText('Thank you. A moderator will look at the post you reported.').waitFor();
    await readerContext.close();
  });
});
