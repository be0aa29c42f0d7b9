import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { bodyRefusal, kindOf, securityHeaders, servedOverHttps, type Kind } from '@/lib/security/headers';
import { servesPublicShelters } from '@/lib/security/public-shelters';

const hasSession = (request: NextRequest) => request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');

function withHeaders<R extends Response>(response: R, kind: Kind, https: boolean, nonce?: string): R {
  for (const [name, value] of Object.entries(securityHeaders(kind, { https, nonce }))) response.headers.set(name, value);
  return response;
}

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
 * Runs before every request: refuses oversized bodies, sets the security headers, and renews the
 * session of a staff member who opens a page. Never an access check: pages, actions and route
 * handlers check the caller themselves.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const refusal = bodyRefusal(request.method, request.headers);
  const https = servedOverHttps(request.nextUrl, request.headers);
  if (refusal) return withHeaders(new NextResponse(null, { status: refusal, headers: { connection: 'close' } }), 'api', https);
  // Only a page view renews: a post (server action, sign-out) writes its own cookie, which must win.
  const renew = kindOf(request.nextUrl.pathname) === 'page' && request.method === 'GET' && hasSession(request);
  return renew ? ((await securedWithRenewal(request, event as never)) as Response) : secured(request);
}
