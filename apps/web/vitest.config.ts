import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Not sveltekit(): under the root's multi-project run it leaves this project with zero tests.
export default defineConfig({
  plugins: [svelte()],
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  test: { name: 'web', include: ['src/**/*.test.ts'], environment: 'node' },
});
