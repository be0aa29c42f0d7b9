/**
 * /shelters is the staff list for a signed-in session and the public list for everyone else: a
 * rewrite in next.config.ts, keyed on what the request lacks. Routing only: the staff page checks
 * the caller itself, whatever cookie came with the request. The router's own fetches (RSC) come from
 * staff pages and must never get the HTML page. The proxy reads the same list to know which of the
 * two will answer, and so which headers are its to set.
 */
export const PUBLIC_SHELTERS_WHEN_MISSING = [
  { type: 'cookie', key: 'authjs.session-token' },
  { type: 'cookie', key: '__Secure-authjs.session-token' },
  { type: 'header', key: 'rsc' },
] as const;

export function servesPublicShelters(pathname: string, request: { cookies: { has(name: string): boolean }; headers: Headers }): boolean {
  return (
    pathname === '/shelters' &&
    PUBLIC_SHELTERS_WHEN_MISSING.every(({ type, key }) => (type === 'cookie' ? !request.cookies.has(key) : !request.headers.has(key)))
  );
}
