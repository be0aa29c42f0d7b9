import { getDb } from '@/db';
import { currentUser } from '@/lib/auth/current-user';
import { mustEnrol } from '@/lib/auth/second-factor';
import { wordsWaitingCount } from '@/lib/guest-word/words-page';
import { onlineRequestCount } from '@/lib/households/queries';

export const dynamic = 'force-dynamic';

/**
 * How many people who asked online are waiting, and how many guests said "something was wrong" after
 * a stay that nobody has looked at yet, for the staff header's counts: `{"count": n, "wrong": m}` and
 * nothing else, to guides and admins (of their cities). Hosts, strangers and anyone who must first set up a second
 * factor get the same 404 as an unknown path. Polled every ~20 s by an open tab; as an API path it
 * never renews the session (proxy.ts), so an idle tab still signs out.
 */
export async function GET() {
  const user = await currentUser();
  const db = getDb();
  const count = user && !mustEnrol(db, user) ? onlineRequestCount(db, user) : null;
  if (count === null || !user) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return Response.json({ count, wrong: wordsWaitingCount(db, user) ?? 0 }, { headers: { 'cache-control': 'private, no-store' } });
}
