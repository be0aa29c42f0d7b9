/**
 * Debian's Chromium headless shell, never a downloaded browser: the same Blink and V8 without the
 * desktop browser around them, which cost the tests most of their time (decision 0010). Flags for
 * running as root on a closed network.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium-headless-shell';

/** The full browser, for Lighthouse, which audits a page as a phone's Chrome shows it. */
export const FULL_CHROMIUM_PATH = process.env.FULL_CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * The end-to-end run's shared browser (tests/e2e/browser-setup.ts) also keeps its compositor and its
 * network service in the browser process instead of a process each: the same pages for about 7 %
 * less of Chromium's CPU. The benches, the screenshots and Lighthouse keep Chromium's usual processes.
 */
export const TEST_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--in-process-gpu', '--enable-features=NetworkServiceInProcess2'];

/**
 * Chromium's environment: the tests' own, without libfaketime. Run under Debian's `faketime` to try
 * another hour (docs/testing.md), the server and the tests take the shifted clock while the browser,
 * which stops loading pages under it, keeps the real one, as a guest's phone would.
 */
export function chromiumEnv(): NodeJS.ProcessEnv {
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...env } = process.env;
  return env;
}

/** Where the end-to-end run's one shared Chromium listens (tests/e2e/browser-setup.ts), when it runs. */
export const BROWSER_ENDPOINT_VARIABLE = 'WAYSTATION_BROWSER_ENDPOINT';
