import { linkNotWorking } from '@/app/link-not-working';
import { htmlResponse, redirectResponse, requestLocale } from '@/components/arrival/response';
import { renderOwnOffer } from '@/components/public/render-offer';
import { getDb, write } from '@/db';
import { clientAddress } from '@/lib/auth/client-address';
import { isSameOriginPost } from '@/lib/auth/origin';
import { listCities } from '@/lib/cities/cities';
import { DomainError } from '@/lib/errors';
import { formDataToObject, type FormState } from '@/lib/forms';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { editOwnOffer, setOwnOfferPaused, withdrawOwnOffer } from '@/lib/offers/own-offer';
import { ownOfferPage } from '@/lib/offers/own-page';
import { fieldErrorsOf } from '@/lib/validation/common';
import { offerSchema, ownOfferIntentSchema } from '@/lib/validation/offer';

export const dynamic = 'force-dynamic';
type Params = { params: Promise<{ token: string }> };

async function ownPage(
  token: string,
  locale: ArrivalLocale,
  now: Date,
  status: number,
  state?: FormState,
  headers?: Record<string, string>,
) {
  const page = ownOfferPage(getDb(), token, locale)!;
  const cities = listCities(getDb(), locale).map(({ id, name }) => ({ id, name }));
  return htmlResponse(await renderOwnOffer(locale, page, { action: `/offer/${token}`, state, cities, now }), status, {
    forms: true,
    headers,
  });
}

/** The offer's private page: where it stands, and what its owner may do with it. */
export async function GET(request: Request, { params }: Params) {
  const { token } = await params;
  const now = new Date();
  const { locale, remember } = requestLocale(request);
  if (!ownOfferPage(getDb(), token, locale)) return linkNotWorking(clientAddress(request.headers), locale, now);
  return ownPage(token, locale, now, 200, undefined, remember);
}

/**
 * A change, a pause, a resumption or a withdrawal, told apart by `intent`. A refusal shows the page
 * with the reason (and what was typed) and writes nothing; an offer that is over takes no change.
 */
export async function POST(request: Request, { params }: Params) {
  const { token } = await params;
  const now = new Date();
  const fields = formDataToObject(await request.formData().catch(() => new FormData()));
  const { locale } = requestLocale(request, fields.lang);
  if (!ownOfferPage(getDb(), token, locale)) return linkNotWorking(clientAddress(request.headers), locale, now);
  const values = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'lang' && name !== 'intent'));
  const refuse = (status: number, state: Omit<FormState, 'status'>) => ownPage(token, locale, now, status, { status: 'error', ...state });
  if (!isSameOriginPost(request)) return refuse(403, { message: 'badOrigin' });
  try {
    if (fields.intent === 'edit') {
      const parsed = offerSchema.safeParse(fields);
      if (!parsed.success) return refuse(422, { message: 'checkFields', fieldErrors: fieldErrorsOf(parsed.error), values });
      write(getDb(), (tx) => editOwnOffer(tx, token, parsed.data, now));
    } else {
      const parsed = ownOfferIntentSchema.safeParse(fields);
      if (!parsed.success) return refuse(400, { message: 'retry' });
      const { intent } = parsed.data;
      if (intent === 'withdraw') write(getDb(), (tx) => withdrawOwnOffer(tx, token, now));
      else write(getDb(), (tx) => setOwnOfferPaused(tx, token, intent === 'pause', now));
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.field) return refuse(422, { message: 'checkFields', fieldErrors: { [error.field]: error.code }, values });
    return refuse(409, { message: error.code });
  }
  return redirectResponse(`/offer/${token}?lang=${locale}`);
}
