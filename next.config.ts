import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { MAX_BODY_BYTES, securityHeaders } from './lib/security/headers';
import { PUBLIC_SHELTERS_WHEN_MISSING } from './lib/security/public-shelters';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/**
 * The files the proxy leaves out (see proxy.ts) get the headers it would have set on them. HSTS goes
 * only on what came over HTTPS, which a reverse proxy tells by X-Forwarded-Proto.
 */
const FILES = ['/_next/static/:path*', '/robots.txt'];
const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
const fileHeaders = () => {
  const plain = securityHeaders('file', { https: false });
  const https = securityHeaders('file', { https: true });
  const overHttps = { 'strict-transport-security': https['strict-transport-security'] };
  return FILES.flatMap((source) => [
    { source, headers: asList(plain) },
    { source, has: [{ type: 'header' as const, key: 'x-forwarded-proto', value: 'https(,.*)?' }], headers: asList(overHttps) },
  ]);
};

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` runs `tsc --noEmit` beside the build, so its build skips the same check (minutes on two
  // cores); every other build (`npm run build`, the demo) still refuses code that does not typecheck.
  typescript: { ignoreBuildErrors: process.env.WAYSTATION_TYPECHECKED_APART === '1' },
  experimental: {
    // A CI machine builds a fresh clone once: writing Turbopack's cache for a next build that never
    // comes costs it about 15 s before the end-to-end tests can start.
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // Oversized bodies: the proxy refuses them by Content-Length (413) before anything reads them;
    // these limits hold too for what gets past it, at the same size.
    serverActions: { bodySizeLimit: MAX_BODY_BYTES },
    proxyClientMaxBodySize: MAX_BODY_BYTES,
  },
  async headers() {
    return fileHeaders();
  },
  async rewrites() {
    // See lib/security/public-shelters.ts.
    return { beforeFiles: [{ source: '/shelters', missing: [...PUBLIC_SHELTERS_WHEN_MISSING], destination: '/public/shelters' }] };
  },
};

export default withNextIntl(nextConfig);
