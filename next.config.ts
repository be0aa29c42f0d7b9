import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { MAX_BODY_BYTES } from './lib/security/headers';
import { PUBLIC_SHELTERS_WHEN_MISSING } from './lib/security/public-shelters';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Oversized bodies: the proxy refuses them by Content-Length (413) before anything reads them;
    // these limits hold too for what gets past it, at the same size.
    serverActions: { bodySizeLimit: MAX_BODY_BYTES },
    proxyClientMaxBodySize: MAX_BODY_BYTES,
  },
  async rewrites() {
    // See lib/security/public-shelters.ts.
    return { beforeFiles: [{ source: '/shelters', missing: [...PUBLIC_SHELTERS_WHEN_MISSING], destination: '/public/shelters' }] };
  },
};

export default withNextIntl(nextConfig);
