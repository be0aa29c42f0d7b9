import { htmlResponse, redirectResponse, requestLocale } from '@/components/arrival/response';
import { renderRequestForm } from '@/components/public/render';
import { getDb, write } from '@/db';
import { clientAddress } from '@/lib/auth/client-address';
import { isSameOriginPost } from '@/lib/auth/origin';
import { NETWORK_TIME_ZONE, utcToZonedWallClock } from '@/lib/calendar/zones';
import { cityById, cityBySlug, listCities } from '@/lib/cities/cities';
import { rememberCity } from '@/lib/cities/likely-city';
import { DomainError } from '@/lib/errors';
import { formDataToObject, type FormState } from '@/lib/forms';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { formStamp, guardPost } from '@/lib/requests/form-guard';
import { submitRequest } from '@/lib/requests/self-register';
import { readNetworkSettings } from '@/lib/requests/settings';
import { isRequestDevice, newRequestDevice, REQUEST_DEVICE_COOKIE } from '@/lib/requests/throttle';
import { servedOverHttps } from '@/lib/security/headers';
import { fieldErrorsOf } from '@/lib/validation/common';
import { publicRequestSchema } from '@/lib/validation/request';

export const dynamic = 'force-dynamic';

type Shown = { state: FormState; stamp: string; withContact?: boolean; city?: string };

/** This browser's device id for the request limits (lib/requests/throttle.ts), if it sent one. */
function deviceOf(request: Request): string | null {
  const value = request.headers
    .get('cookie')
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === REQUEST_DEVICE_COOKIE)?.[1];
  return isRequestDevice(value) ? value : null;
}

/** Remembers the city chosen on the form (or by its link) for the public list (lib/cities/likely-city.ts). */
function withCity(response: Response, request: Request, slug: string): Response {
  response.headers.append('set-cookie', rememberCity(slug, servedOverHttps(new URL(request.url), request.headers)));
  return response;
}

/** Hands a browser without one a device id with the form, so people sharing an address are counted apart. */
function withDevice(response: Response, request: Request): Response {
  if (deviceOf(request)) return response;
  const secure = servedOverHttps(new URL(request.url), request.headers) ? '; Secure' : '';
  response.headers.append(
    'set-cookie',
    `${REQUEST_DEVICE_COOKIE}=${newRequestDevice()}; Path=/request; Max-Age=2592000; SameSite=Lax; HttpOnly${secure}`,
  );
  return response;
}

async function formPage(
  request: Request,
  locale: ArrivalLocale,
  now: Date,
  status: number,
  shown: Shown,
  headers?: Record<string, string>,
) {
  const db = getDb();
  const contact = shown.withContact ? readNetworkSettings(db).contact : null;
  const cities = listCities(db, locale).map(({ id, name, timeZone }) => ({ id, name, now: utcToZonedWallClock(now, timeZone) }));
  const html = await renderRequestForm(locale, {
    state: shown.state,
    stamp: shown.stamp,
    arrivedAtDefault: utcToZonedWallClock(now, NETWORK_TIME_ZONE),
    contact,
    cities,
    city: shown.city,
  });
  return withDevice(htmlResponse(html, status, { forms: true, headers }), request);
}

/** The request form: a plain HTML form, no account, no JavaScript. `?city=yerevan` preselects that city. */
export async function GET(request: Request) {
  const now = new Date();
  const { locale, remember } = requestLocale(request);
  const slug = new URL(request.url).searchParams.get('city');
  // An unknown city preselects nothing: the form asks, as it does without one.
  const city = slug ? (cityBySlug(getDb(), slug.slice(0, 40)) ?? undefined) : undefined;
  const response = await formPage(
    request,
    locale,
    now,
    200,
    { state: { status: 'idle' }, stamp: formStamp(now), city: city?.id },
    remember,
  );
  return city ? withCity(response, request, city.slug) : response;
}

/**
 * A request for a place. Refusals come back as the form with what they typed and a reason in their
 * language; only a valid request from this site, within the limits, writes anything (one transaction).
 */
export async function POST(request: Request) {
  const now = new Date();
  const raw = formDataToObject(await request.formData().catch(() => new FormData()));
  const { locale, remember } = requestLocale(request, raw.lang);
  // What they typed comes back to them; the form's own bookkeeping fields do not.
  const { typed: values, stamp: keptStamp, refusal } = guardPost(raw, isSameOriginPost(request), now);
  const refuse = (status: number, state: Omit<FormState, 'status'>, withContact = false, fresh = false) =>
    formPage(
      request,
      locale,
      now,
      status,
      { state: { status: 'error', values, ...state }, stamp: fresh ? formStamp(now) : keptStamp, withContact },
      remember,
    );
  // A bot that filled the hidden field gets nothing back but the network's contact.
  if (refusal?.message === 'refused') return refuse(refusal.status, { message: refusal.message, values: {} }, true);
  if (refusal) return refuse(refusal.status, { message: refusal.message }, false, refusal.freshStamp);

  const parsed = publicRequestSchema.safeParse(raw);
  if (!parsed.success) return refuse(422, { message: 'checkFields', fieldErrors: fieldErrorsOf(parsed.error) });
  let outcome: ReturnType<typeof submitRequest>;
  try {
    outcome = write(getDb(), (tx) =>
      submitRequest(tx, parsed.data, { address: clientAddress(request.headers), stamp: keptStamp, device: deviceOf(request) }, now),
    );
  } catch (error) {
    if (error instanceof DomainError && error.field)
      return refuse(422, { message: 'checkFields', fieldErrors: { [error.field]: error.code } });
    throw error;
  }
  // A form sent twice: what they typed comes back with a fresh stamp, should they mean a second request.
  if ('refusal' in outcome && outcome.refusal === 'stampUsed') return refuse(409, { message: 'stampUsed' }, false, true);
  if ('refusal' in outcome) return refuse(429, { message: outcome.refusal }, true);
  const redirect = redirectResponse(`/s/${outcome.token}?lang=${locale}`, remember);
  const city = parsed.data.cityId ? cityById(getDb(), parsed.data.cityId) : null;
  return city ? withCity(redirect, request, city.slug) : redirect;
}
