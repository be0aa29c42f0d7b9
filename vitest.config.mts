import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = {
  '@': root,
  // `server-only` throws outside React Server Components; in tests every module is server-side.
  'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)),
};
// next-auth imports `next/server` without an extension; let Vite resolve it instead of Node's ESM loader.
const server = { deps: { inline: ['next-auth', '@auth/core', 'next-intl'] } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'], environment: 'node', server, testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: { name: 'components', include: ['tests/components/**/*.test.tsx'], environment: 'jsdom', server, setupFiles: ['tests/support/dom-setup.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
