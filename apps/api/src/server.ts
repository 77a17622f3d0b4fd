import { fileURLToPath } from 'node:url';
import { users } from '@bedrock/db';
import { eq } from 'drizzle-orm';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { describeDatabase, openMigratedDatabase } from './database.ts';
import { forumIsEmpty, seedDemoContent } from './forum/seed.ts';
import { loadWebHandler, mountWeb } from './web.ts';

/** The one entry point that listens: API, websocket and the built SvelteKit pages on one port. */

const SHUTDOWN_GRACE_MS = 10_000;
const SESSION_SWEEP_MS = 60 * 60_000;
const WEB_HANDLER = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));

const config = loadConfig();
const database = await openMigratedDatabase(config);
const app = await buildApp({ config, database });
app.log.info({ database: describeDatabase(config) }, 'database ready and migrated');
// First start of the embedded default: demo content, so a newcomer sees a living forum.
if (!config.DATABASE_URL && (await forumIsEmpty(database))) {
  await seedDemoContent(database, { secret: config.SECRET_KEY });
  app.log.info('seeded demo groups and conversations (marked as demo content)');
}

// SvelteKit refuses form posts unless it knows its public origin; it reads ORIGIN from the environment.
process.env.ORIGIN ||= config.PUBLIC_ORIGIN;
const webHandler = await loadWebHandler(WEB_HANDLER);
if (webHandler) await mountWeb(app, webHandler);
else app.log.warn('apps/web/build not found: serving the API only (run `pnpm build` for the pages)');

const sweep = setInterval(() => {
  app.sessions.deleteExpired().catch((error) => app.log.warn({ err: error }, 'expired session sweep failed'));
}, SESSION_SWEEP_MS);
sweep.unref();

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  app.log.info({ signal }, 'shutting down: draining requests');
  setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  clearInterval(sweep);
  try {
    await app.close();
    await database.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ port: config.PORT, host: config.HOST });
} catch (error) {
  app.log.fatal({ err: error }, 'could not start listening');
  await database.close();
  process.exit(1);
}

const [admin] = await database.db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
if (!admin) {
  const stopFirst = config.DATABASE_URL ? '' : ' (stop this server first: the embedded database allows one process)';
  process.stdout.write(
    `\nNo administrator account yet. Create one with:\n\n  pnpm admin:create <username>${stopFirst}\n\n`,
  );
}
process.stdout.write(`Bedrock is listening on ${config.PUBLIC_ORIGIN}\n`);
