import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { malformedActionBody } from '@/lib/security/action-body';
import { refusedBody, withSecurityHeaders as withHeaders } from '@/lib/security/guard';
import { kindOf, securityHeaders, servedOverHttps } from '@/lib/security/headers';
import { servesPublicShelters } from '@/lib/security/public-shelters';

const hasSession = (request: NextRequest) =>
  request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');

function secured(request: NextRequest): NextResponse {
  const https = servedOverHttps(request.nextUrl, request.headers);
  // The public list answers for /shelters then (the rewrite in next.config.ts), with its own policy.
  if (servesPublicShelters(request.nextUrl.pathname, request)) return withHeaders(NextResponse.next(), 'ownPolicy', https);
  const kind = kindOf(request.nextUrl.pathname);
  if (kind !== 'page') return withHeaders(NextResponse.next(), kind, https);
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const requestHeaders = new Headers(request.headers);
  const headers = securityHeaders(kind, { https, nonce });
  requestHeaders.set('content-security-policy', headers['content-security-policy']);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), kind, https, nonce);
}

// Reading the session re-issues its cookie with a fresh expiry: the 30 idle minutes start again.
const { auth } = NextAuth(authConfig);
const securedWithRenewal = auth((request) => secured(request));

/**
 * Runs before every request but those `config` leaves out: refuses oversized bodies and server-action
 * bodies Next could not decode, sets the security headers, and renews the session of a staff member who opens a page. Never an access
 * check: pages, actions and route handlers check the caller themselves.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const https = servedOverHttps(request.nextUrl, request.headers);
  const refusal = refusedBody(request, https);
  if (refusal) return refusal;
  const kind = kindOf(request.nextUrl.pathname);
  // Server actions are posted to pages; Next would answer a body it cannot decode with a 500.
  if (kind === 'page' && request.method === 'POST' && (await malformedActionBody(request))) {
    return withHeaders(new NextResponse(null, { status: 400 }), 'api', https);
  }
  // Only a page view renews: a post (server action, sign-out) writes its own cookie, which must win.
  const renew = kind === 'page' && request.method === 'GET' && hasSession(request);
  return renew ? ((await securedWithRenewal(request, event as never)) as Response) : secured(request);
}

/**
 * Left out, because running the proxy cost more than serving them (the README's benchmarks):
 * - the build's files and robots.txt, whose headers next.config.ts sets;
 * - the arrival's page, /s/{token}, which cheap phones open over slow networks and which guards
 *   itself (lib/security/guard.ts). Tokens are base64url, so /s/sw.js is still proxied;
 * - the health check, /api/health, which monitors poll and which guards itself the same way.
 */
export const config = {
  matcher: ['/((?!_next/static/|_next/image|favicon\\.ico$|robots\\.txt$|s/[A-Za-z0-9_-]+$|api/health$).*)'],
};
