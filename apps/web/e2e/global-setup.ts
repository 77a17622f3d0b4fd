import type { TestProject } from 'vitest/node';
import { startApp } from './app-server.ts';
import { findChromium } from './chromium.ts';
import { startNeutralSite } from './neutral-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Bedrock server under test, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** The stand-in neutral site; quick exit goes to `${neutralOrigin}/neutral`. */
    neutralOrigin: string;
    chromiumPath: string;
    /** An administrator made with the real `admin:create` CLI (admins also act as moderators). */
    admin: { username: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  // Fail loudly before starting anything: a missing browser must never look like a pass.
  const chromiumPath = findChromium();
  const neutral = await startNeutralSite();
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp({ quickExitUrl: `${neutral.origin}/neutral`, admins: ['e2e_admin'] });
  } catch (error) {
    await neutral.close();
    throw error;
  }
  project.provide('baseUrl', app.origin);
  project.provide('neutralOrigin', neutral.origin);
  project.provide('chromiumPath', chromiumPath);
  project.provide('admin', app.admins[0]!);

  return async () => {
    await app.stop();
    await neutral.close();
  };
}
