import { FILE_CSP } from '@/lib/security/headers';

/**
 * The open data's answers: the same for every caller, so they read no cookie and any site's script
 * may fetch them (CORS *). Not cached, like /shelters: free beds change with every reservation.
 */
export function openDataResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      'content-security-policy': FILE_CSP,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}
