import { LanguageLinks, PrivacyLink } from '@/components/arrival/arrival-page';
import { type Translate } from '@/components/arrival/words';
import { NeedsConnection, OfflineNote } from '@/components/arrival/offline';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import type { ExpectedWait } from '@/lib/requests/expected-wait';
import type { NetworkContact } from '@/lib/requests/settings';
import { HelpBox, localHref } from './help-box';

/**
 * Withdrawing a request: a native disclosure asks before the post, so it takes two deliberate taps
 * and works without JavaScript. Posts to the page's own URL.
 */
export function CancelRequest({ locale, t, error }: { locale: ArrivalLocale; t: Translate; error?: boolean }) {
  return (
    <section>
      <details open={error}>
        <summary>{t('waiting.cancel')}</summary>
        <p>{t('waiting.cancelHelp')}</p>
        <NeedsConnection note={t('waiting.needsConnection')}>
          <form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="lang" value={locale} />
            <button type="submit" className="quiet">
              {t('waiting.cancelConfirm')}
            </button>
          </form>
        </NeedsConnection>
        {error ? (
          <p className="error" role="alert">
            {t('waiting.cannotCancel')}
          </p>
        ) : null}
      </details>
    </section>
  );
}

type Props = { locale: ArrivalLocale; t: Translate; contact: NetworkContact };

function RequestHeading({ locale, t }: { locale: ArrivalLocale; t: Translate }) {
  return (
    <>
      <LanguageLinks locale={locale} t={t} />
      <p className="muted">{t('network')}</p>
      <h1>{t('waiting.title')}</h1>
    </>
  );
}

/** "Usually placed within an hour": the expected wait in words, never a place in the queue. */
export const expectedWaitSentence = (expected: ExpectedWait, t: Translate) => t(`waiting.expected.${expected.kind}`);

export type ShareOwnLink = { url: string; telegram: string; whatsapp: string };

/**
 * The person's own link, to keep: a field to select and copy it (no script needed), and Telegram's
 * and WhatsApp's share links, built as the guide's handover builds them (lib/i18n/share.ts).
 */
function KeepLink({ t, share }: { t: Translate; share: ShareOwnLink }) {
  return (
    <section aria-labelledby="keep-title">
      <h2 id="keep-title">{t('waiting.keepTitle')}</h2>
      <p>{t('waiting.keepLink')}</p>
      <label htmlFor="own-link">{t('waiting.linkLabel')}</label>
      <input id="own-link" readOnly value={share.url} />
      <ul className="buttons">
        <li>
          <a href={share.telegram} rel="noopener noreferrer">
            {t('waiting.sendTelegram')}
          </a>
        </li>
        <li>
          <a href={share.whatsapp} rel="noopener noreferrer">
            {t('waiting.sendWhatsapp')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/**
 * The waiting page loads itself again this often (a meta refresh: no script), so the shelter shows up
 * on the same link within a minute of a guide's booking. About 4 KB a time on roaming data.
 */
export const WAITING_REFRESH_SECONDS = 60;

type Times = { requestedAt: string; checkedAt: string };

/** Each sentence naming the city's clock, and its twin for a request whose city is unknown. */
const WITHOUT_CITY = { requestedAt: 'requestedAtLocal', checkedAt: 'checkedAtLocal', checkedAtPaused: 'checkedAtLocalPaused' } as const;

/**
 * The page itself with its refresh on or off (a query alone keeps the link's path): a person who reads
 * slowly, or whose screen reader starts over at each reload, turns it off (WCAG 2.2.1) and looks again
 * when they choose.
 */
const refreshHref = (locale: ArrivalLocale, paused: boolean) => `?lang=${locale}${paused ? '&refresh=off' : ''}`;

/** The request link's page until a guide reserves beds: no personal data, only the state of the request. */
export function WaitingPage({
  locale,
  t,
  contact,
  times,
  city,
  expected,
  share,
  paused,
  error,
}: Props & { times: Times; city: string | null; expected: ExpectedWait; share: ShareOwnLink | null; paused: boolean; error?: boolean }) {
  const at = (key: keyof typeof WITHOUT_CITY, time: string) =>
    city ? t(`waiting.${key}`, { time, city }) : t(`waiting.${WITHOUT_CITY[key]}`, { time });
  return (
    <>
      <OfflineNote text={t('offline', { time: times.checkedAt })} />
      <RequestHeading locale={locale} t={t} />
      <section className="status" role="status">
        <p>{t('waiting.status')}</p>
        <p>{expectedWaitSentence(expected, t)}</p>
        <p className="muted">{at('requestedAt', times.requestedAt)}</p>
        <p className="muted">{at(paused ? 'checkedAtPaused' : 'checkedAt', times.checkedAt)}</p>
        {paused ? (
          <p>
            <a href={refreshHref(locale, true)}>{t('waiting.checkNow')}</a> ·{' '}
            <a href={refreshHref(locale, false)}>{t('waiting.startRefresh')}</a>
          </p>
        ) : (
          <p>
            <a href={refreshHref(locale, true)}>{t('waiting.stopRefresh')}</a>
          </p>
        )}
      </section>
      {share ? (
        <KeepLink t={t} share={share} />
      ) : (
        <section>
          <p>{t('waiting.keepLink')}</p>
        </section>
      )}
      <HelpBox contact={contact} t={t} />
      <CancelRequest locale={locale} t={t} error={error} />
      <PrivacyLink locale={locale} t={t} />
    </>
  );
}

/** A request withdrawn by the person or closed by a guide. It does not say which. */
export function ClosedRequestPage({ locale, t, contact }: Props) {
  return (
    <>
      <RequestHeading locale={locale} t={t} />
      <section className="status ended" role="status">
        <p>{t('waiting.closed')}</p>
        <p className="muted">{t('waiting.closedHelp')}</p>
      </section>
      <HelpBox contact={contact} t={t} />
      <p>
        <a href={localHref('/request', locale)}>{t('waiting.newRequest')}</a>
      </p>
      <PrivacyLink locale={locale} t={t} />
    </>
  );
}
