import { randomBytes } from 'node:crypto';
import { looksIdentifying, usernameSchema } from '@bedrock/shared';
import { hashPassword } from '../auth/passwords.ts';
import { findUserByUsername, insertUser } from '../auth/users.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../database.ts';
import { AppError } from '../errors.ts';

/**
 * `pnpm admin:create <username>`: creates an administrator with a random password printed once.
 * There are no default credentials; this is the only way the first administrator comes to exist.
 */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const raw = process.argv[2];
if (!raw || process.argv.length > 3) fail('Usage: pnpm admin:create <username>');
const parsed = usernameSchema.safeParse(raw);
if (!parsed.success) fail(`That username cannot be used: ${parsed.error.issues[0]?.message}`);
const username = parsed.data;
if (looksIdentifying(username)) fail('Usernames cannot look like an e-mail address or phone number.');

const config = loadConfig();
let database: Awaited<ReturnType<typeof openMigratedDatabase>>;
try {
  database = await openMigratedDatabase(config);
} catch (error) {
  fail(`Could not open the database: ${error instanceof Error ? error.message : String(error)}`);
}

const TAKEN = `The username "${username}" is already taken; nothing was changed.`;
let password: string | null = null;
try {
  if (!(await findUserByUsername(database.db, username))) {
    password = randomBytes(18).toString('base64url');
    await insertUser(database.db, { username, passwordHash: await hashPassword(password), role: 'admin' });
  }
} catch (error) {
  // A concurrent signup may take the name between the check and the insert.
  if (!(error instanceof AppError && error.code === 'ERR_USERNAME_TAKEN')) throw error;
  password = null;
} finally {
  await database.close();
}

if (!password) fail(TAKEN);
process.stdout.write(
  `Administrator "${username}" created.\n\n  One-time password: ${password}\n\n` +
    'It is shown only now. Sign in and change it on the account page.\n',
);
