import { getDb } from '@/db';
import { htmlResponse, requestLocale } from '@/components/arrival/response';
import { renderShelterList } from '@/components/public/render';
import { publicList } from '@/lib/cities/public';

export const dynamic = 'force-dynamic';

/**
 * The public list of shelters, served at /shelters to visitors without a staff session (see the
 * rewrite in next.config.ts): one HTML response with inline CSS, like the arrival's page. The list
 * runs city by city when the network has several.
 */
export async function GET(request: Request) {
  const now = new Date();
  const { locale, remember } = requestLocale(request);
  // ?city=yerevan shows one city; anything else shows every city, with a note when it named none.
  const slug = new URL(request.url).searchParams.get('city')?.slice(0, 60) || null;
  const html = await renderShelterList(publicList(getDb(), locale, now, slug), locale, now);
  return htmlResponse(html, 200, { headers: remember });
}
