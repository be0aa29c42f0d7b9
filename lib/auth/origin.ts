import 'server-only';
import { headers } from 'next/headers';

/** The public origin as AUTH_URL sets it, else as the request's (proxy) headers say. */
export function originFromHeaders(h: Headers): string {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]}://${host}`;
}

/** The public origin for links we hand out: AUTH_URL when set, else what the request says. */
export async function publicOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}

/**
 * Whether a post to a public route handler comes from a page of this site. Browsers send Origin with
 * every form post; a post without it, or from elsewhere, is refused (server actions get the same
 * check from Next itself).
 */
export function isSameOriginPost(request: Request): boolean {
  return request.headers.get('origin') === originFromHeaders(request.headers);
}
