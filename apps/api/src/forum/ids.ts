import { randomBytes } from 'node:crypto';

/** 16 random bytes, base64url: ids of groups, threads and posts reveal neither order nor count. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
