import { getDb, write } from '@/db';
import { renderLinkNotWorking } from '@/components/arrival/render';
import { htmlResponse, redirectResponse, requestLocale } from '@/components/arrival/response';
import { linkPageHasForm, renderLinkPage } from '@/components/public/render';
import { clientAddress } from '@/lib/auth/client-address';
import { isSameOriginPost } from '@/lib/auth/origin';
import { linkBlocked, recordLinkMiss } from '@/lib/arrival/link-throttle';
import type { ArrivalLocale } from '@/lib/arrival/locale';
import { linkPageData } from '@/lib/arrival/page-data';
import { DomainError } from '@/lib/errors';
import { formDataToObject } from '@/lib/forms';
import { guarded } from '@/lib/security/guard';
import { cancelOwnRequest } from '@/lib/requests/self-register';
import { cancelRequestSchema } from '@/lib/validation/request';

export const dynamic = 'force-dynamic';
type Params = { params: Promise<{ token: string }> };

/**
 * Unknown, revoked and expired links: the same 404 page, slower and then refused (429) for a guesser.
 * Only misses are held back: a link that works is looked up first and always served, so a guesser on
 * the same airport Wi-Fi cannot lock everyone behind that address out of their shelter page.
 */
async function notWorking(address: string, locale: ArrivalLocale, now: Date): Promise<Response> {
  if (linkBlocked(getDb(), address, now)) return htmlResponse(await renderLinkNotWorking(locale, true), 429, { headers: { 'retry-after': '900' } });
  const delay = write(getDb(), (tx) => recordLinkMiss(tx, address, now));
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  return htmlResponse(await renderLinkNotWorking(locale, false), 404);
}

/** The arrival's page: one HTML response with inline CSS and no framework JavaScript. */
async function showPage(request: Request, { params }: Params) {
  const { token } = await params;
  const now = new Date();
  const { locale, remember } = requestLocale(request);
  const page = linkPageData(getDb(), token, now);
  if (!page) return notWorking(clientAddress(request.headers), locale, now);
  return htmlResponse(await renderLinkPage(page, locale, now), 200, { forms: linkPageHasForm(page), headers: remember });
}

/** A person withdraws the request they made on the public form; then the page shows it closed. */
async function withdrawRequest(request: Request, { params }: Params) {
  const { token } = await params;
  const now = new Date();
  const parsed = cancelRequestSchema.safeParse(formDataToObject(await request.formData().catch(() => new FormData())));
  const { locale } = requestLocale(request, parsed.data?.lang);
  const address = clientAddress(request.headers);
  const db = getDb();
  const page = linkPageData(db, token, now);
  if (!page) return notWorking(address, locale, now);
  // A post from another site or a malformed one changes nothing: the page is shown as it stands.
  const sameOrigin = isSameOriginPost(request);
  if (!sameOrigin || !parsed.success || !linkPageHasForm(page)) {
    return htmlResponse(await renderLinkPage(page, locale, now), !sameOrigin ? 403 : !parsed.success ? 400 : 409, { forms: linkPageHasForm(page) });
  }
  try {
    if (!write(db, (tx) => cancelOwnRequest(tx, token, now))) return notWorking(address, locale, now);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return htmlResponse(await renderLinkPage(page, locale, now, { cancelRefused: true }), 409, { forms: linkPageHasForm(page) });
  }
  return redirectResponse(`${new URL(request.url).pathname}?lang=${locale}`);
}

// The proxy does not run for this route (proxy.ts): it guards itself.
export const GET = (request: Request, context: Params) => guarded(request, () => showPage(request, context));
export const POST = (request: Request, context: Params) => guarded(request, () => withdrawRequest(request, context));
