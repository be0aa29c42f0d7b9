import { ARRIVAL_LOCALE_COOKIE, arrivalLocale, isArrivalLocale, type ArrivalLocale } from '@/lib/guest-link/locale';
import { FILE_CSP, servedOverHttps } from '@/lib/security/headers';
import { ARRIVAL_CSP, FORM_CSP, referrerPolicy } from './document';

/** The headers every public page carries: its CSP, no referrer to other sites, not framed, not indexed. */
export function htmlResponse(body: string, status: number, options: { forms?: boolean; headers?: Record<string, string> } = {}): Response {
  const forms = options.forms ?? false;
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // Statuses and free beds change at any time, and a link's page holds an address.
      'cache-control': 'private, no-store',
      'content-security-policy': forms ? FORM_CSP : ARRIVAL_CSP,
      'referrer-policy': referrerPolicy(forms),
      'x-robots-tag': 'noindex, nofollow',
      'x-content-type-options': 'nosniff',
      ...options.headers,
    },
  });
}

/** After a post: see the page that now stands. Same guards as a page; the proxy adds the rest. */
export function redirectResponse(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, {
    status: 303,
    headers: { location, 'cache-control': 'no-store', 'content-security-policy': FILE_CSP, 'referrer-policy': 'no-referrer', ...headers },
  });
}

const readCookie = (header: string | null, name: string) =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/**
 * The reader's language: `?lang=` (the switcher's links, or a form's hidden field), else the
 * remembered choice, else Accept-Language. A choice made here is remembered for every public page.
 */
export function requestLocale(request: Request, posted?: unknown): { locale: ArrivalLocale; remember?: Record<string, string> } {
  const url = new URL(request.url);
  const chosen = isArrivalLocale(posted) ? posted : url.searchParams.get('lang');
  const locale = arrivalLocale(
    chosen,
    readCookie(request.headers.get('cookie'), ARRIVAL_LOCALE_COOKIE),
    request.headers.get('accept-language'),
  );
  if (!isArrivalLocale(chosen)) return { locale };
  const secure = servedOverHttps(url, request.headers) ? '; Secure' : '';
  return {
    locale,
    remember: { 'set-cookie': `${ARRIVAL_LOCALE_COOKIE}=${chosen}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}` },
  };
}
