/**
 * The client's address as the server saw it. Behind a reverse proxy, set TRUST_PROXY=1 so the
 * first X-Forwarded-For hop is used; otherwise Next's own forwarded header is the socket address.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const hops = forwarded.split(',').map((hop) => hop.trim()).filter(Boolean);
    const hop = process.env.TRUST_PROXY === '1' ? hops[0] : hops[hops.length - 1];
    if (hop) return hop;
  }
  return headers.get('x-real-ip') ?? 'unknown';
}
