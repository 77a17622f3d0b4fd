import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In development the API runs separately (`pnpm --filter @bedrock/api dev`) and the SvelteKit server
// calls it at API_INTERNAL_URL; in production one process serves both (apps/api/src/server.ts).
export default defineConfig({
  plugins: [sveltekit()],
});
