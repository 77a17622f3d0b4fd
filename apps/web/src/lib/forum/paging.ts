/** The same page with another cursor (or none: the first page). Other query parameters are dropped. */
export function cursorHref(pathname: string, cursor: string | null): string {
  return cursor ? `${pathname}?${new URLSearchParams({ cursor })}` : pathname;
}

/** The cursor from a page's URL, only if it looks like one (the API checks it again). */
export function cursorFrom(url: URL): string | undefined {
  const cursor = url.searchParams.get('cursor');
  return cursor && cursor.length <= 64 ? cursor : undefined;
}
