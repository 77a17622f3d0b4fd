import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite needs ~5 s to start on these machines, and argon2 is deliberately slow.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
