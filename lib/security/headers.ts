/**
 * The security headers of every response, as pure functions of the request's path and scheme, so
 * the proxy stays small and the rules can be read (and unit-tested) in one place.
 */

/**
 * Bodies above this are refused with 413. The largest real form, a shelter profile with its texts in
 * four languages, stays near 100 KB even in four-byte characters (12 fields of 2,000 characters).
 */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * - page: Next's pages (staff screens, sign-in, invitations), with a nonce-based CSP.
 * - ownPolicy: route handlers that render their own HTML (the arrival's page, the public pages, what
 *   we keep) and
 *   set their own hash-based CSP, referrer policy and caching (so does the open data feed, /open/);
 *   the proxy must not override them,
 *   because a header the proxy sets wins over the handler's.
 * - api: Auth.js's endpoints: JSON and redirects, never cached.
 * - file: the build's static files and `public/`, cached as Next decides.
 * - worker: the arrival page's service worker, whose own CSP must let it fetch from this site.
 */
export type Kind = 'page' | 'ownPolicy' | 'api' | 'file' | 'worker';

export function kindOf(pathname: string): Kind {
  if (pathname === '/s/sw.js') return 'worker';
  if (/^\/(_next\/static\/|_next\/image|favicon\.ico$|robots\.txt$)/.test(pathname)) return 'file';
  if (pathname.startsWith('/api/')) return 'api';
  if (/^\/(s\/[^/]+$|request$|offer(\/[^/]+)?$|privacy$|public\/|open(\/|$))/.test(pathname)) return 'ownPolicy';
  return 'page';
}

/**
 * Next's pages: scripts and styles only from this site or carrying this request's nonce (Next puts
 * it on its own inline scripts when it finds it in the request's CSP header). No 'unsafe-eval', no
 * 'unsafe-inline' for scripts; style attributes stay allowed, as React sets a few.
 */
export function pageCsp(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** For what is not a page (files, JSON, redirects): nothing may run in it, nothing may frame it. */
export const FILE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** A worker script's CSP governs the worker: it fetches the arrival's pages to keep them offline. */
export const WORKER_CSP = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

/**
 * HTTPS as the browser sees it: the URL, the reverse proxy's X-Forwarded-Proto (Auth.js trusts it
 * too, under AUTH_TRUST_HOST), or an https AUTH_URL. A forged header over plain HTTP does no harm:
 * browsers ignore Strict-Transport-Security on an insecure connection.
 */
export function servedOverHttps(url: URL, headers: Headers, authUrl = process.env.AUTH_URL): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return url.protocol === 'https:' || forwarded === 'https' || Boolean(authUrl?.startsWith('https://'));
}

/** What the proxy sets on a response of this kind (handlers with their own policy add the rest). */
export function securityHeaders(kind: Kind, options: { https: boolean; nonce?: string }): Record<string, string> {
  const headers: Record<string, string> = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' };
  if (options.https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  if (kind === 'ownPolicy') return headers;
  // Pages post forms to server actions, which need same-origin: under no-referrer a browser sends
  // "Origin: null" with a post, and Next could not tell it from a forged one.
  headers['referrer-policy'] = kind === 'page' ? 'same-origin' : 'no-referrer';
  headers['content-security-policy'] =
    kind === 'page' && options.nonce ? pageCsp(options.nonce, options.https) : kind === 'worker' ? WORKER_CSP : FILE_CSP;
  // Every page names staff, households or shelters' private details, or carries a secret.
  if (kind === 'page' || kind === 'api') headers['cache-control'] = 'private, no-store';
  return headers;
}

/** 413 above the limit; 411 for a body of unknown length, which could only be measured by reading it. */
export function bodyRefusal(method: string, headers: Headers): 411 | 413 | null {
  const length = headers.get('content-length');
  if (length !== null) return Number(length) > MAX_BODY_BYTES || !/^\d+$/.test(length) ? 413 : null;
  if (method !== 'GET' && method !== 'HEAD' && headers.has('transfer-encoding')) return 411;
  return null;
}
