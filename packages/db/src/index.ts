import { fileURLToPath } from 'node:url';

export * from './client.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';

/** The committed migrations folder, resolved from this source file (pass it explicitly when bundled). */
export const defaultMigrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));
