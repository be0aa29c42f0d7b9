import { getDb } from '@/db';
import { ARRIVAL_CSP } from '@/components/arrival/document';
import { clientAddress } from '@/lib/auth/client-address';
import { linkThrottle } from '@/lib/arrival/link-throttle';
import { ARRIVAL_LOCALE_COOKIE, arrivalLocale, isArrivalLocale } from '@/lib/arrival/locale';
import { arrivalPageData } from '@/lib/arrival/page-data';
import { renderArrivalPage, renderLinkNotWorking } from '@/components/arrival/render';

export const dynamic = 'force-dynamic';

function html(body: string, status: number, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // The reservation's status can change at any time, and the page holds an address.
      'cache-control': 'private, no-store',
      'content-security-policy': ARRIVAL_CSP,
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  });
}

const readCookie = (header: string | null, name: string) =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/** The arrival's page: one HTML response with inline CSS and no framework JavaScript. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const now = new Date();
  const url = new URL(request.url);
  const chosen = url.searchParams.get('lang');
  const locale = arrivalLocale(chosen, readCookie(request.headers.get('cookie'), ARRIVAL_LOCALE_COOKIE), request.headers.get('accept-language'));
  const address = clientAddress(request.headers);

  if (linkThrottle.isBlocked(address, now)) return html(await renderLinkNotWorking(locale, true), 429, { 'retry-after': '900' });
  const data = arrivalPageData(getDb(), token, now);
  if (!data) {
    const delay = linkThrottle.recordMiss(address, now);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return html(await renderLinkNotWorking(locale, false), 404);
  }
  const secure = url.protocol === 'https:' ? '; Secure' : '';
  const remember = isArrivalLocale(chosen) ? { 'set-cookie': `${ARRIVAL_LOCALE_COOKIE}=${chosen}; Path=/s/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}` } : undefined;
  return html(await renderArrivalPage(data, locale, now), 200, remember);
}
