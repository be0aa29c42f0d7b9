import { readdirSync, readFileSync, statfsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Test databases, servers' files and browser profiles go to memory (/dev/shm) where the machine has
// room for them. Every commit of a Waystation database is an fsync (synchronous = FULL, invariant 3),
// and the suite commits a few hundred thousand times: on a disk that is a third of a database test's
// time and kernel work on a machine whose two cores are busy. A TMPDIR set by the caller wins.
const MEMORY = '/dev/shm';
const roomInMemory = () => {
  try {
    const { bavail, bsize } = statfsSync(MEMORY);
    return bavail * bsize >= 2 * 1024 ** 3;
  } catch {
    return false;
  }
};
if (!process.env.TMPDIR && roomInMemory()) process.env.TMPDIR = MEMORY;

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = {
  '@': root,
  // `server-only` throws outside React Server Components; in tests every module is server-side.
  'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)),
};
// next-auth imports `next/server` without an extension; let Vite resolve it instead of Node's ESM loader.
const server = { deps: { inline: ['next-auth', '@auth/core', 'next-intl'] } };
// Unit and database files share one module graph per worker (`isolate: false`): importing the app
// afresh for each of some ninety files cost as much CPU as their tests did (docs/testing.md). A file
// that replaces a module, the clock, a global or an environment variable would leak that into the
// files after it, so it runs isolated; it is found by reading it, so a new mock cannot be forgotten.
const REPLACES_SOMETHING =
  /\bvi\.(mock|doMock|stubEnv|stubGlobal|useFakeTimers|spyOn)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env|Object\.assign\(process\.env|globalThis\.\w+\s*=[^=]/;
const unitFiles = ['tests/unit', 'tests/db'].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `${dir}/${name}`),
);
const isolatedUnitFiles = unitFiles.filter((file) => REPLACES_SOMETHING.test(readFileSync(file, 'utf8')));

// End-to-end files that start a server (and a database) of their own: the flood limits, the cluster,
// worlds built city by city, network-wide settings, and the failed sign-ins of the device cookies
// (which also even out the two projects' lengths). Nothing they do touches the shared server's
// data, so `npm test` runs them as a project of their own beside the files that share it
// (scripts/test.sh); the two take about as long.
const ownServer = [
  'tests/e2e/action-names.test.ts',
  'tests/e2e/batch-links.test.ts',
  'tests/e2e/cities.test.ts',
  'tests/e2e/cities-admin.test.ts',
  'tests/e2e/cities-guide.test.ts',
  'tests/e2e/cluster.test.ts',
  'tests/e2e/device-cookies.test.ts',
  'tests/e2e/guest-word.test.ts',
  'tests/e2e/intake.test.ts',
  'tests/e2e/meeting-points.test.ts',
  'tests/e2e/nights-walk.test.ts',
  'tests/e2e/queue.test.ts',
  'tests/e2e/request-flood.test.ts',
  'tests/e2e/second-factor.test.ts',
  'tests/e2e/translated-names.test.ts',
];
// One worker runs the files of each end-to-end project in turn. They mock nothing and change no
// environment, so they share it one module graph (`isolate: false`): playwright-core and the app's
// modules are loaded once per project, not once per file.
const e2e = { environment: 'node' as const, fileParallelism: false, isolate: false, testTimeout: 90_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
          exclude: isolatedUnitFiles,
          isolate: false,
          environment: 'node',
          server,
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: { name: 'unit-isolated', include: isolatedUnitFiles, environment: 'node', server, testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'jsdom',
          server,
          setupFiles: ['tests/support/dom-setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          ...e2e,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ownServer,
          globalSetup: ['tests/e2e/global-setup.ts', 'tests/e2e/browser-setup.ts'],
        },
      },
      {
        resolve: { alias },
        test: { ...e2e, name: 'e2e-own-server', include: ownServer, globalSetup: ['tests/e2e/browser-setup.ts'] },
      },
    ],
  },
});
