import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  typedRoutes: false,
  async rewrites() {
    return {
      // /shelters is the staff list for a signed-in session and the public list for everyone else.
      // Routing only: the staff page checks the caller itself, whatever cookie came with the request.
      // The router's own fetches (RSC) come from staff pages and must never get the HTML page.
      beforeFiles: [
        {
          source: '/shelters',
          missing: [
            { type: 'cookie', key: 'authjs.session-token' },
            { type: 'cookie', key: '__Secure-authjs.session-token' },
            { type: 'header', key: 'rsc' },
          ],
          destination: '/public/shelters',
        },
      ],
    };
  },
};

export default withNextIntl(nextConfig);
