import { ANNOUNCEMENTS } from './shift-sequence.ts';

const ACTIVE_CLASS = 'quick-exit-active';
/** Dispatched on the document just before leaving, so pages holding a live connection (chat) drop it silently. */
export const QUICK_EXIT_EVENT = 'bedrock:quick-exit';
const OVERLAY_CLASS = 'quick-exit-overlay';

/**
 * Leaves Bedrock at once: a blank overlay covers the page in the same frame (a slow network must not
 * leave it on screen), then the neutral site *replaces* this page in history, so Back does not return.
 */
export function exitPage(url: string, doc: Document = document): void {
  doc.documentElement.classList.add(ACTIVE_CLASS);
  const overlay = doc.createElement('div');
  overlay.className = OVERLAY_CLASS;
  overlay.setAttribute('role', 'alert');
  doc.body.append(overlay);
  // Text added after insertion is announced more reliably by screen readers.
  overlay.textContent = ANNOUNCEMENTS.exiting;
  // The tab title goes too: it is what shows in the tab strip while the neutral site loads.
  doc.documentElement.dataset.quickExitTitle = doc.title;
  doc.title = ANNOUNCEMENTS.exiting;
  doc.dispatchEvent(new Event(QUICK_EXIT_EVENT));
  doc.defaultView?.location.replace(url);
}

/** A page restored from the back/forward cache would otherwise come back blank and unusable. */
export function resetExit(doc: Document = document): void {
  doc.documentElement.classList.remove(ACTIVE_CLASS);
  for (const overlay of doc.querySelectorAll(`.${OVERLAY_CLASS}`)) overlay.remove();
  const title = doc.documentElement.dataset.quickExitTitle;
  if (title !== undefined) {
    doc.title = title;
    delete doc.documentElement.dataset.quickExitTitle;
  }
}

/** Only http(s) URLs may be exit targets; anything else falls back to the default neutral site. */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

export function safeExitUrl(value: string | undefined | null): string {
  if (!value) return DEFAULT_QUICK_EXIT_URL;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : DEFAULT_QUICK_EXIT_URL;
  } catch {
    return DEFAULT_QUICK_EXIT_URL;
  }
}
