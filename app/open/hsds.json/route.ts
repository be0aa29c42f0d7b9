import { getDb } from '@/db';
import { hsdsFeed, networkName } from '@/lib/exports/hsds';
import { feedShelters } from '@/lib/exports/read';
import { FILE_CSP } from '@/lib/security/headers';

export const dynamic = 'force-dynamic';

/**
 * The public list as open data: HSDS 3.1 JSON (lib/exports/hsds.ts), the same for every caller, so
 * it reads no cookie and any site's script may fetch it (CORS *). Not cached, like /shelters: free
 * beds change with every reservation.
 */
export async function GET() {
  const feed = hsdsFeed(feedShelters(getDb(), new Date()), networkName());
  return new Response(JSON.stringify(feed), {
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
