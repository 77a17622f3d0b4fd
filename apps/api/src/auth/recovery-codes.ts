import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { recoveryCodes } from '@bedrock/db';
import { RECOVERY_CODE_COUNT } from '@bedrock/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from './users.ts';

// Crockford-style alphabet: no 0/O or 1/I/L to misread when copied from paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `xxxxx-xxxxx-xxxxx`: 15 symbols of 31, about 74 bits, so a fast digest is enough to store it. */
function generateCode(): string {
  const bytes = randomBytes(15);
  let code = '';
  for (let i = 0; i < 15; i++) {
    if (i > 0 && i % 5 === 0) code += '-';
    code += ALPHABET[bytes[i]! % ALPHABET.length];
  }
  return code;
}

function digest(code: string): string {
  const normalized = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return createHash('sha256').update(normalized).digest('hex');
}

/** Replaces the user's codes with fresh ones; returns them in clear (shown once, stored only hashed). */
export async function issueRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ id: randomUUID(), userId, codeHash: digest(code) })));
  return codes;
}

/** Burns a matching unused code. The conditional update makes a code usable once even under races. */
export async function burnRecoveryCode(db: Executor, userId: string, code: string): Promise<boolean> {
  const burned = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, digest(code)), isNull(recoveryCodes.usedAt)),
    )
    .returning({ id: recoveryCodes.id });
  return burned.length > 0;
}

export async function countUnusedCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
