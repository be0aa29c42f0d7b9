import { getDb } from '@/db';
import { htmlResponse, requestLocale } from '@/components/arrival/response';
import { renderShelterList } from '@/components/public/render';
import { publicShelters } from '@/lib/requests/public-list';
import { readNetworkSettings } from '@/lib/requests/settings';

export const dynamic = 'force-dynamic';

/**
 * The public list of shelters, served at /shelters to visitors without a staff session (see the
 * rewrite in next.config.ts): one HTML response with inline CSS, like the arrival's page.
 */
export async function GET(request: Request) {
  const now = new Date();
  const { locale, remember } = requestLocale(request);
  const db = getDb();
  const html = await renderShelterList(publicShelters(db, now), readNetworkSettings(db).contact, locale, now);
  return htmlResponse(html, 200, { headers: remember });
}
