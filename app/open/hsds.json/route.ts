import { getDb } from '@/db';
import { originFromHeaders } from '@/lib/auth/origin';
import { hsdsFeed, networkName } from '@/lib/exports/hsds';
import { feedShelters } from '@/lib/exports/read';
import { openDataResponse } from '@/lib/exports/respond';

export const dynamic = 'force-dynamic';

/** The public list as one HSDS 3.1 file (lib/exports/hsds.ts): every listed shelter, fully nested. */
export async function GET(request: Request) {
  return openDataResponse(hsdsFeed(feedShelters(getDb(), new Date()), networkName(), originFromHeaders(request.headers)));
}
