import { randomBytes } from 'node:crypto';
import { type Db, users } from '@bedrock/db';
import type { Me, Role } from '@bedrock/shared';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';

export type UserRow = typeof users.$inferSelect;

/** The database or a transaction on it. */
export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** Random, URL-safe and never sequential. */
export function newUserId(): string {
  return randomBytes(15).toString('base64url');
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

function isUniqueViolation(error: unknown): boolean {
  // drizzle wraps driver errors; node-postgres and PGlite both report SQLSTATE 23505.
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export async function insertUser(
  db: Executor,
  values: { username: string; passwordHash: string; role?: Role },
): Promise<UserRow> {
  try {
    const [row] = await db
      .insert(users)
      .values({ id: newUserId(), username: values.username, passwordHash: values.passwordHash, role: values.role })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ERR_USERNAME_TAKEN');
    throw error;
  }
}

export async function setPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** The owner's view of their account: an allowlist, never the row. */
export function toMe(row: Pick<UserRow, 'id' | 'username' | 'role' | 'createdAt'>): Me {
  return { id: row.id, username: row.username, role: row.role, createdAt: row.createdAt.toISOString() };
}
