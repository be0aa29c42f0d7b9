/** Debian's Chromium, never a downloaded browser; flags for running as root on a closed network. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

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

/** Where the end-to-end run's one shared Chromium listens (tests/e2e/browser-setup.ts), when it runs. */
export const BROWSER_ENDPOINT_VARIABLE = 'WAYSTATION_BROWSER_ENDPOINT';
