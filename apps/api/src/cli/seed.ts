import { seedDemoContent } from '../forum/seed.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../database.ts';

/** `pnpm db:seed`: the forum's demo content (groups and conversations not there yet, marked as demo). */
const config = loadConfig();
const database = await openMigratedDatabase(config);
try {
  const { groups } = await seedDemoContent(database, { secret: config.SECRET_KEY });
  process.stdout.write(groups ? `Demo content seeded: ${groups} groups.\n` : 'Demo content was already there.\n');
} finally {
  await database.close();
}
