import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '@bedrock/db';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../database.ts';

/** `pnpm db:seed`: demo content, provided by the forum's `seedDemoContent(database)`. */
const seedModule = new URL('../forum/seed.ts', import.meta.url);

if (!existsSync(fileURLToPath(seedModule))) {
  process.stdout.write('No demo content to seed yet (apps/api/src/forum/seed.ts does not exist).\n');
  process.exit(0);
}

// A computed specifier: the module belongs to the forum and may not exist in every checkout.
const { seedDemoContent } = (await import(seedModule.href)) as {
  seedDemoContent(database: Database): Promise<void>;
};
const database = await openMigratedDatabase(loadConfig());
try {
  await seedDemoContent(database);
  process.stdout.write('Demo content seeded.\n');
} finally {
  await database.close();
}
