import { renderLinkNotWorking } from '@/components/arrival/render';
import { htmlResponse } from '@/components/arrival/response';
import { getDb, write } from '@/db';
import { LINK_RETRY_AFTER_S, linkBlocked, recordLinkMiss } from '@/lib/guest-link/link-throttle';
import type { ArrivalLocale } from '@/lib/guest-link/locale';

/**
 * Unknown, revoked, expired and erased links, a guest's or an offer's: the same 404 page, slower and
 * then refused (429) for a guesser. Only misses are held back: a link that works is looked up first
 * and always served, so a guesser on the same airport Wi-Fi cannot lock everyone behind that address
 * out of their page.
 */
export async function linkNotWorking(address: string, locale: ArrivalLocale, now: Date): Promise<Response> {
  if (linkBlocked(getDb(), address, now))
    return htmlResponse(await renderLinkNotWorking(locale, true), 429, { headers: { 'retry-after': String(LINK_RETRY_AFTER_S) } });
  const delay = write(getDb(), (tx) => recordLinkMiss(tx, address, now));
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  return htmlResponse(await renderLinkNotWorking(locale, false), 404);
}
