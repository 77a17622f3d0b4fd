/** One `Set-Cookie` line from the API, in the shape SvelteKit's `cookies.set()` takes. */
export interface ParsedCookie {
  name: string;
  value: string;
  options: {
    path: string;
    httpOnly: boolean;
    secure: boolean;
    sameSite?: 'lax' | 'strict' | 'none';
    maxAge?: number;
    expires?: Date;
  };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Parses a Set-Cookie line. Every attribute is copied explicitly (SvelteKit would otherwise pick its own
 * `secure` default); `Domain` is dropped so the cookie always belongs to the page's own host.
 */
export function parseSetCookie(line: string): ParsedCookie | null {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const name = pair.slice(0, eq).trim();
  const value = decode(
    pair
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1'),
  );
  const options: ParsedCookie['options'] = { path: '/', httpOnly: false, secure: false };

  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const val = rest.join('=').trim();
    if (key === 'path' && val) options.path = val;
    else if (key === 'httponly') options.httpOnly = true;
    else if (key === 'secure') options.secure = true;
    else if (key === 'max-age' && /^-?\d+$/.test(val)) options.maxAge = Number(val);
    else if (key === 'expires' && !Number.isNaN(Date.parse(val))) options.expires = new Date(val);
    else if (key === 'samesite') {
      const lower = val.toLowerCase();
      if (lower === 'lax' || lower === 'strict' || lower === 'none') options.sameSite = lower;
    }
  }
  return { name, value, options };
}
