import { chromium } from 'playwright-core';
import { BROWSER_ENDPOINT_VARIABLE, CHROMIUM_PATH, chromiumEnv, TEST_CHROMIUM_ARGS } from './chromium';

/**
 * One Chromium for the whole end-to-end run: each file connects to it (`launchBrowser`) instead of
 * starting a browser of its own, and each test still opens a fresh context, so no cookie or storage
 * passes from one test to the next. The test workers start after this and inherit the address.
 */
export default async function setup() {
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: TEST_CHROMIUM_ARGS, env: chromiumEnv() });
  process.env[BROWSER_ENDPOINT_VARIABLE] = server.wsEndpoint();
  return async () => {
    delete process.env[BROWSER_ENDPOINT_VARIABLE];
    await server.close();
  };
}
