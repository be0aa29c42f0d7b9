import { htmlResponse, redirectResponse, requestLocale } from '@/components/arrival/response';
import { renderOfferForm } from '@/components/public/render-offer';
import { getDb, write } from '@/db';
import { clientAddress } from '@/lib/auth/client-address';
import { isSameOriginPost } from '@/lib/auth/origin';
import { cityBySlug, listCities } from '@/lib/cities/cities';
import { DomainError } from '@/lib/errors';
import { formDataToObject, type FormState } from '@/lib/forms';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { submitOffer } from '@/lib/offers/submit-offer';
import { formStamp, guardPost } from '@/lib/requests/form-guard';
import { fieldErrorsOf } from '@/lib/validation/common';
import { offerSchema } from '@/lib/validation/offer';

export const dynamic = 'force-dynamic';

async function formPage(
  locale: ArrivalLocale,
  status: number,
  shown: { state: FormState; stamp: string; city?: string },
  headers?: Record<string, string>,
) {
  const cities = listCities(getDb(), locale).map(({ id, name }) => ({ id, name }));
  return htmlResponse(await renderOfferForm(locale, { ...shown, cities }), status, { forms: true, headers });
}

/** The form to offer a place: plain HTML, no account, no JavaScript. `?city=yerevan` preselects that city. */
export async function GET(request: Request) {
  const { locale, remember } = requestLocale(request);
  const slug = new URL(request.url).searchParams.get('city');
  const city = slug ? (cityBySlug(getDb(), slug.slice(0, 40)) ?? undefined) : undefined;
  const shown = { state: { status: 'idle' as const }, stamp: formStamp(new Date()), city: city?.id };
  return formPage(locale, 200, shown, remember);
}

/**
 * A place offered. Refusals come back as the form with what was typed and a reason in the person's
 * language; only a valid offer from this site, within the limits, writes anything (one transaction).
 * The same guards as /request (app/request/route.ts): same-origin posts, a hidden field and a signed,
 * single-use stamp.
 */
export async function POST(request: Request) {
  const now = new Date();
  const raw = formDataToObject(await request.formData().catch(() => new FormData()));
  const { locale, remember } = requestLocale(request, raw.lang);
  const { typed: values, stamp: keptStamp, refusal } = guardPost(raw, isSameOriginPost(request), now);
  const refuse = (status: number, state: Omit<FormState, 'status'>, fresh = false) =>
    formPage(locale, status, { state: { status: 'error', values, ...state }, stamp: fresh ? formStamp(now) : keptStamp }, remember);
  if (refusal?.message === 'refused') return refuse(refusal.status, { message: refusal.message, values: {} });
  if (refusal) return refuse(refusal.status, { message: refusal.message }, refusal.freshStamp);

  const parsed = offerSchema.safeParse(raw);
  if (!parsed.success) return refuse(422, { message: 'checkFields', fieldErrors: fieldErrorsOf(parsed.error) });
  let outcome: ReturnType<typeof submitOffer>;
  try {
    outcome = write(getDb(), (tx) => submitOffer(tx, parsed.data, { address: clientAddress(request.headers), stamp: keptStamp }, now));
  } catch (error) {
    if (error instanceof DomainError && error.field)
      return refuse(422, { message: 'checkFields', fieldErrors: { [error.field]: error.code } });
    throw error;
  }
  if ('refusal' in outcome)
    return refuse(outcome.refusal === 'stampUsed' ? 409 : 429, { message: outcome.refusal }, outcome.refusal === 'stampUsed');
  return redirectResponse(`/offer/${outcome.token}?lang=${locale}`, remember);
}
