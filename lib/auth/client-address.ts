/**
 * The client's address, for throttling. Next sets X-Forwarded-For to the socket address only when
 * the request has none, and each proxy appends the address it saw, so the last hop is the one the
 * nearest trusted machine vouches for. With TRUST_PROXY=N proxies of ours in front, the address N
 * hops from the end is the client's. A client talking to `next start` directly can forge the
 * header; run behind a reverse proxy in production (docs/operations.md).
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return 'unknown';
  const trusted = Math.max(1, Math.floor(Number(process.env.TRUST_PROXY)) || 0);
  return hops[Math.max(0, hops.length - trusted)];
}
