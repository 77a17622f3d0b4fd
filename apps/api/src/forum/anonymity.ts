import { type Db, posts } from '@bedrock/db';
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { pseudonymFor } from './pseudonym.ts';

type Tx = Pick<Db, 'select'>;

/**
 * The pseudonym for `accountId` in `threadId`: the one already used there, else the first keyed-HMAC
 * candidate that no other author in the thread has, so two people never share a name in one thread.
 * Call inside the transaction that inserts the post.
 */
export async function threadPseudonym(tx: Tx, secret: string, threadId: string, accountId: string): Promise<string> {
  const [existing] = await tx
    .select({ pseudonym: posts.pseudonym })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), eq(posts.authorId, accountId), isNotNull(posts.pseudonym)))
    .limit(1);
  if (existing?.pseudonym) return existing.pseudonym;
  const taken = await tx
    .select({ pseudonym: posts.pseudonym })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), ne(posts.authorId, accountId), isNotNull(posts.pseudonym)));
  const names = new Set(taken.map((t) => t.pseudonym));
  for (let attempt = 0; attempt < 64; attempt++) {
    const name = pseudonymFor(secret, 'thread', threadId, accountId, attempt);
    if (!names.has(name)) return name;
  }
  // 64 misses in a space of 4,096 means thousands of anonymous authors in one thread; number the name.
  return `${pseudonymFor(secret, 'thread', threadId, accountId)} ${names.size + 1}`;
}
