import { ArrivalDocument } from '@/components/arrival/document';
import { formatFor, toHtml, translator } from '@/components/arrival/render';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import type { FormState } from '@/lib/forms';
import type { OwnOfferPage } from '@/lib/offers/own-page';
import { OfferFormPage, OwnOfferView } from './offer-page';

type Cities = { id: string; name: string }[];

export function renderOfferForm(locale: ArrivalLocale, form: { state: FormState; stamp: string; cities: Cities; city?: string }) {
  const t = translator(locale);
  return toHtml(
    <ArrivalDocument lang={locale} title={t('offer.title')} withScript={false} forms>
      <OfferFormPage locale={locale} t={t} {...form} />
    </ArrivalDocument>,
  );
}

/** The offer's private page; `state` carries a refused change back with what was typed. */
export function renderOwnOffer(locale: ArrivalLocale, page: OwnOfferPage, view: { action: string; state?: FormState; cities: Cities; now: Date }) {
  const t = translator(locale);
  const state = view.state ?? { status: 'idle', values: page.values };
  return toHtml(
    <ArrivalDocument lang={locale} title={t('offer.ownTitle', { reference: page.reference })} withScript={false} forms>
      <OwnOfferView locale={locale} t={t} page={page} action={view.action} state={state} format={formatFor(locale, page.timeZone, view.now)} cities={view.cities} />
    </ArrivalDocument>,
  );
}
