import { LanguageLinks, PrivacyLink } from '@/components/arrival/arrival-page';
import type { Format, Translate } from '@/components/arrival/words';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import type { FormState } from '@/lib/forms';
import type { OwnOfferPage } from '@/lib/offers/own-page';
import { localHref } from './help-box';
import { OfferForm } from './offer-form';

type PageProps = { locale: ArrivalLocale; t: Translate };

/** What the form says before anything else: no document is asked for or kept. */
export function NoDocuments({ t }: { t: Translate }) {
  return (
    <section className="status">
      <p>{t('offer.noDocuments')}</p>
    </section>
  );
}

/** The public form to offer a place. */
export function OfferFormPage({ locale, t, state, stamp, cities, city }: PageProps & { state: FormState; stamp: string; cities: { id: string; name: string }[]; city?: string }) {
  return (
    <>
      <LanguageLinks locale={locale} t={t} />
      <p className="muted">
        <a href={localHref('/shelters', locale)}>← {t('request.back')}</a>
      </p>
      <h1>{t('offer.title')}</h1>
      <p>{t('offer.intro')}</p>
      {state.message ? (
        <section className="alert" role="alert">
          <p>{t(`offer.${state.message}`)}</p>
        </section>
      ) : null}
      <NoDocuments t={t} />
      <section>
        <OfferForm locale={locale} t={t} state={state} action="/offer" stamp={stamp} cities={cities} city={city} />
      </section>
      <PrivacyLink locale={locale} t={t} />
    </>
  );
}

/** One of the page's own buttons: pause, resume or withdraw, each a form of its own. */
function IntentButton({ locale, t, action, intent, quiet }: PageProps & { action: string; intent: 'pause' | 'resume' | 'withdraw'; quiet?: boolean }) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="lang" value={locale} />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={quiet ? 'quiet' : undefined}>
        {t(`offer.${intent}`)}
      </button>
    </form>
  );
}

/**
 * The offer's private page: where it stands, and (until it is withdrawn or declined) a pause, a
 * withdrawal and the form to change it. A withdrawn or declined offer's page says only that.
 */
export function OwnOfferView({ locale, t, page, action, state, format, cities }: PageProps & { page: OwnOfferPage; action: string; state: FormState; format: Format; cities: { id: string; name: string }[] }) {
  const over = page.status === 'withdrawn' || page.status === 'declined';
  const ended = page.endedAt ? format.dateTime(page.endedAt, { day: 'numeric', month: 'long', year: 'numeric' }) : '';
  return (
    <>
      <LanguageLinks locale={locale} t={t} />
      <h1>{t('offer.ownTitle', { reference: page.reference })}</h1>
      <section className={over ? 'status ended' : 'status'} role="status">
        <p>{t(`offer.status.${page.status}`, { city: page.city })}</p>
        {over ? <p className="muted">{t('offer.erasedAfter', { date: ended, days: page.retentionDays })}</p> : null}
      </section>
      {state.message ? (
        <section className="alert" role="alert">
          <p>{t(`offer.${state.message}`)}</p>
        </section>
      ) : null}
      {over ? null : (
        <>
          <p className="muted">{t('offer.keepLink')}</p>
          <section>
            {page.status === 'paused' ? (
              <IntentButton locale={locale} t={t} action={action} intent="resume" />
            ) : (
              <IntentButton locale={locale} t={t} action={action} intent="pause" />
            )}
            <details>
              <summary>{t('offer.withdrawAsk')}</summary>
              <IntentButton locale={locale} t={t} action={action} intent="withdraw" quiet />
            </details>
          </section>
          <h2>{t('offer.change')}</h2>
          <NoDocuments t={t} />
          <section>
            <OfferForm locale={locale} t={t} state={state} action={action} cities={cities} />
          </section>
        </>
      )}
      <PrivacyLink locale={locale} t={t} />
    </>
  );
}
