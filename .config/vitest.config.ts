import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The root's top level is kept to the agreed files, so the test config lives here. One run covers every
// workspace project; each project keeps its own config next to its code.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
