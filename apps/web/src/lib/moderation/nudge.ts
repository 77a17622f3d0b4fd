/** The query parameter the "Post anyway" button adds to its form's action. */
export const POST_ANYWAY_PARAM = 'postAnyway';

/** The action URL for "Post anyway": the form's own action (named or default) plus the parameter. */
export function postAnywayAction(action: string | undefined): string {
  if (!action) return `?${POST_ANYWAY_PARAM}=1`;
  return `${action}${action.includes('?') ? '&' : '?'}${POST_ANYWAY_PARAM}=1`;
}

/** Only same-site paths may be a "back" link (never `//host` or a full URL). */
export function safeBack(back: string | null): string {
  return back?.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/';
}

/** Crisis alone is never something to "edit away": it posts, and the author gets the support panel. */
export function needsNudge(check: { flags: readonly { label: string }[] }): boolean {
  return check.flags.some((flag) => flag.label !== 'crisis');
}
