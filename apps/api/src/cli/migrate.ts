import { loadConfig } from '../config.ts';
import { describeDatabase, migrationsFolder, openMigratedDatabase } from '../database.ts';

/** `pnpm db:migrate`: applies the committed migrations, exactly as the server does at start. */
const config = loadConfig();
try {
  const database = await openMigratedDatabase(config);
  await database.close();
  process.stdout.write(`Migrations from ${migrationsFolder(config)} applied to ${describeDatabase(config)}.\n`);
} catch (error) {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
