import { getDb } from '@/db';
import { htmlResponse, requestLocale } from '@/components/arrival/response';
import { renderShelterList } from '@/components/public/render';
import { rememberCity, rememberedCity } from '@/lib/cities/likely-city';
import { publicList } from '@/lib/cities/public';
import { servedOverHttps } from '@/lib/security/headers';

export const dynamic = 'force-dynamic';

/**
 * The public list of shelters, served at /shelters to visitors without a staff session (see the
 * rewrite in next.config.ts): one HTML response with inline CSS, like the arrival's page. The list
 * runs city by city when the network has several, starting with the one the visitor is likely in.
 */
export async function GET(request: Request) {
  const now = new Date();
  const { locale, remember } = requestLocale(request);
  const url = new URL(request.url);
  // ?city=yerevan shows one city; anything else shows every city, with a note when it named none.
  const slug = url.searchParams.get('city')?.slice(0, 60) || null;
  const list = publicList(getDb(), locale, now, slug, rememberedCity(request.headers.get('cookie')));
  const response = htmlResponse(await renderShelterList(list, locale, now), 200, { headers: remember });
  // A city chosen here is where the list starts next time on this device.
  if (list.picked) response.headers.append('set-cookie', rememberCity(list.picked, servedOverHttps(url, request.headers)));
  return response;
}
