import { bodyRefusal, kindOf, securityHeaders, servedOverHttps, type Kind } from './headers';

/** Sets the security headers of `kind` on a response; see headers.ts for what each kind gets. */
export function withSecurityHeaders<R extends Response>(response: R, kind: Kind, https: boolean, nonce?: string): R {
  for (const [name, value] of Object.entries(securityHeaders(kind, { https, nonce }))) response.headers.set(name, value);
  return response;
}

/** 413 or 411 before anything reads a body that is too large or of unknown length; else null. */
export function refusedBody(request: Request, https: boolean): Response | null {
  const refusal = bodyRefusal(request.method, request.headers);
  return refusal ? withSecurityHeaders(new Response(null, { status: refusal, headers: { connection: 'close' } }), 'api', https) : null;
}

/**
 * For a route handler the proxy does not run before (see proxy.ts): the body limit, and the headers
 * the proxy would have added for its path's kind (the arrival's page carries its own policy; the
 * health check gets an API's).
 */
export async function guarded(request: Request, answer: () => Promise<Response>): Promise<Response> {
  const url = new URL(request.url);
  const https = servedOverHttps(url, request.headers);
  return refusedBody(request, https) ?? withSecurityHeaders(await answer(), kindOf(url.pathname), https);
}
