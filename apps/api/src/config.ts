import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Relative paths in the config (DATA_DIR, MIGRATIONS_DIR) are taken from the repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const integer = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default('./data'),
  MIGRATIONS_DIR: optionalString,
  REDIS_URL: optionalString,
  PUBLIC_ORIGIN: optionalString,
  SECRET_KEY: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Extra proxies (IPs/CIDRs, comma separated) whose x-forwarded-for we believe; loopback always is. */
  TRUST_PROXY: optionalString,
  QUICK_EXIT_URL: z.url().default('https://www.bbc.co.uk/weather'),
  /** The calm crisis panel shown to an author whose words signal risk (moderation); defaults in moderation/crisis.ts. */
  CRISIS_MESSAGE: optionalString,
  /** JSON: [{"name":"…","contact":"…","note":"…"}, …] — this deployment's helplines. */
  CRISIS_RESOURCES: optionalString,
  /** Attempts per client address, and per username, on signup/login/recovery within the window. */
  AUTH_RATE_LIMIT_PER_IP: integer(30),
  AUTH_RATE_LIMIT_PER_USERNAME: integer(10),
  AUTH_RATE_LIMIT_WINDOW_MS: integer(15 * 60_000),
});

export type Config = Omit<z.infer<typeof envSchema>, 'PUBLIC_ORIGIN' | 'SECRET_KEY'> & {
  /** Our own origin, e.g. https://bedrock.example (no trailing slash). */
  PUBLIC_ORIGIN: string;
  /** Server secret for HMACs (pseudonyms etc.). */
  SECRET_KEY: string;
};

/** Parses the environment once at boot. `process.env` is read nowhere else. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const values = parsed.data;
  const publicOrigin = new URL(values.PUBLIC_ORIGIN ?? `http://localhost:${values.PORT}`).origin;
  values.DATA_DIR = fromRoot(values.DATA_DIR);
  if (values.MIGRATIONS_DIR) values.MIGRATIONS_DIR = fromRoot(values.MIGRATIONS_DIR);
  return { ...values, PUBLIC_ORIGIN: publicOrigin, SECRET_KEY: values.SECRET_KEY ?? defaultSecret(values) };
}

function defaultSecret(values: z.infer<typeof envSchema>): string {
  if (values.NODE_ENV === 'test') return randomBytes(32).toString('hex');
  if (values.DATABASE_URL && values.NODE_ENV === 'production') {
    throw new Error('Invalid configuration: SECRET_KEY is required when DATABASE_URL is set in production.');
  }
  // Zero-setup default: one random secret per data directory, kept next to the embedded database.
  const file = join(values.DATA_DIR, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(values.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Whether cookies must carry `Secure`. */
export function isHttps(config: Config): boolean {
  return config.PUBLIC_ORIGIN.startsWith('https:');
}
