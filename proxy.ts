import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { bodyRefusal, kindOf, securityHeaders, servedOverHttps, type Kind } from '@/lib/security/headers';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const hasSession = (request: NextRequest) => SESSION_COOKIES.some((name) => request.cookies.has(name));

function withHeaders(response: NextResponse | Response, kind: Kind, https: boolean, nonce?: string) {
  for (const [name, value] of Object.entries(securityHeaders(kind, { https, nonce }))) response.headers.set(name, value);
  return response;
}

function secured(request: NextRequest): NextResponse {
  const https = servedOverHttps(request.nextUrl, request.headers);
  // /shelters is the staff list for a signed-in session and the public list for everyone else.
  // Routing only: the staff page checks the caller itself, whatever cookie came with the request.
  // The router's own fetches (RSC) come from staff pages and must never get the HTML page.
  if (request.nextUrl.pathname === '/shelters' && !hasSession(request) && !request.headers.has('rsc')) {
    const target = request.nextUrl.clone();
    target.pathname = '/public/shelters';
    return withHeaders(NextResponse.rewrite(target), 'ownPolicy', https) as NextResponse;
  }
  const kind = kindOf(request.nextUrl.pathname);
  if (kind !== 'page') return withHeaders(NextResponse.next(), kind, https) as NextResponse;
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const requestHeaders = new Headers(request.headers);
  const headers = securityHeaders(kind, { https, nonce });
  requestHeaders.set('content-security-policy', headers['content-security-policy']);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), kind, https, nonce) as NextResponse;
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
