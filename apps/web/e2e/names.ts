import { randomBytes } from 'node:crypto';

/**
 * A unique username made of letters only: the API refuses usernames with seven or more digits (they
 * could be phone numbers), so random hex would make a test fail now and then.
 */
export function uniqueName(prefix: string): string {
  const letters = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${prefix}_${letters}`;
}
