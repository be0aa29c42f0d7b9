import { ARRIVAL_LOCALE_NAMES, ARRIVAL_LOCALES, type ArrivalLocale } from '@/lib/guest-link/locale';
import type { ArrivalPageData } from '@/lib/guest-link/page-data';
import { datesFormat, datesSentences, statusSentence, stayIsOver } from '@/lib/guest-link/status';
import { translatedName } from '@/lib/i18n/translated-name';
import { GuestNotices } from './notices';
import { OfflineNote } from './offline';
import { languageName, type Format, type Translate } from './words';

type TextKey = 'directions' | 'houseRules' | 'whatToBring';
type Props = { data: ArrivalPageData; locale: ArrivalLocale; t: Translate; format: Format; now: Date; children?: React.ReactNode };

/** The host's text in the reader's language, else the first language it exists in. */
function pickText(texts: ArrivalPageData['texts'], key: TextKey, locale: ArrivalLocale) {
  const order = [locale, ...ARRIVAL_LOCALES.filter((l) => l !== locale)];
  for (const language of order) {
    const text = texts.find((row) => row.locale === language)?.[key]?.trim();
    if (text) return { text, language };
  }
  return null;
}

function mapLinks(latitude: number, longitude: number) {
  const at = `${latitude},${longitude}`;
  return [
    { label: 'OpenStreetMap', href: `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}` },
    { label: 'Google Maps', href: `https://www.google.com/maps/search/?api=1&query=${at}` },
    { label: 'Yandex Maps', href: `https://yandex.com/maps/?pt=${longitude},${latitude}&z=17&l=map` },
  ];
}

export function LanguageLinks({ locale, t }: { locale: ArrivalLocale; t: Translate }) {
  return (
    <nav aria-label={t('language')}>
      <ul>
        {ARRIVAL_LOCALES.map((l) => (
          <li key={l}>
            <a href={`?lang=${l}`} lang={l} hrefLang={l} aria-current={l === locale ? 'true' : undefined}>
              {ARRIVAL_LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HostText({
  data,
  locale,
  field,
  heading,
  t,
}: {
  data: ArrivalPageData;
  locale: ArrivalLocale;
  field: TextKey;
  heading: string;
  t: Translate;
}) {
  const picked = pickText(data.texts, field, locale);
  if (!picked) return null;
  const name = languageName(locale, picked.language);
  return (
    <section>
      <h2>{heading}</h2>
      {picked.language !== locale ? <p className="muted">{t('otherLanguage', { language: name })}</p> : null}
      <p className="text" lang={picked.language}>
        {picked.text}
      </p>
    </section>
  );
}

type Contact = { phone: string | null; telegram: string | null; whatsapp: string | null };

/** Call, Telegram and WhatsApp links for a shelter's or the network's contact, as far as it has them. */
export function contactLinks(contact: Contact, t: Translate) {
  const telegram = contact.telegram?.replace(/^@/, '');
  const whatsapp = contact.whatsapp?.replace(/\D/g, '');
  const phone = contact.phone?.replace(/[^\d+]/g, '');
  return [
    phone ? { label: t('call', { phone: contact.phone! }), href: `tel:${phone}`, primary: true } : null,
    telegram ? { label: 'Telegram', href: `https://t.me/${encodeURIComponent(telegram)}`, primary: false } : null,
    whatsapp ? { label: 'WhatsApp', href: `https://wa.me/${whatsapp}`, primary: false } : null,
  ].filter((link) => link !== null);
}

export function ContactButtons({ links }: { links: ReturnType<typeof contactLinks> }) {
  return (
    <ul className="buttons">
      {links.map((link) => (
        <li key={link.href}>
          <a className={link.primary ? 'primary' : undefined} href={link.href} rel={link.primary ? undefined : 'noopener noreferrer'}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Where to go tonight. Host-written strings are rendered by React, so markup in them is only text. */
export function ArrivalPage({ data, locale, t, format, now, children }: Props) {
  const { shelter, status, nights } = data;
  const zone = shelter.timeZone;
  const clock = (d: Date) => format.dateTime(d, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const ended = stayIsOver(status);
  const stayed = status.kind === 'stayed';
  const languages = shelter.languages.map((l) => languageName(locale, l)).join(', ');
  const contacts = contactLinks(shelter, t);
  const dates = nights && !ended ? datesSentences(nights, Math.max(1, data.heldBeds), shelter, t as never, datesFormat(locale)) : null;
  return (
    <>
      <OfflineNote text={t('offline', { time: clock(now) })} />
      <LanguageLinks locale={locale} t={t} />
      {ended ? null : <GuestNotices notices={data.notices} locale={locale} t={t} format={format} timeZone={zone} />}
      <p className="muted">
        {stayed ? t('titleStayed') : dates?.kept ? t('titleAhead', { date: datesFormat(locale).date(nights!.firstNight) }) : t('title')}
      </p>
      <h1>{shelter.name}</h1>
      <p className="muted">{shelter.district}</p>
      <section className={ended && !stayed ? 'status ended' : 'status'} role="status">
        <p>{statusSentence(status, t as never, format, zone, now)}</p>
        {dates ? <p>{dates.stay}</p> : null}
        {ended ? (
          <p>{stayed ? t('stayedHelp') : t('endedHelp')}</p>
        ) : (
          <p>{dates?.kept ?? t('checkInWindow', { from: shelter.checkInFrom, until: shelter.checkInUntil })}</p>
        )}
        {status.kind === 'held' ? <p className="muted">{t('heldHelp')}</p> : null}
      </section>
      {children}
      {ended ? null : (
        <>
          <section>
            <h2>{t('address')}</h2>
            <p className="address">{shelter.address}</p>
            {data.meetingPoint ? (
              <p>
                {t('fromMeetingPoint', {
                  point: translatedName(data.meetingPoint.name, data.meetingPoint.names, locale),
                  km: data.meetingPoint.km,
                })}
              </p>
            ) : null}
            {shelter.latitude !== null && shelter.longitude !== null ? (
              <>
                <p>{t('maps')}:</p>
                <ul className="buttons">
                  {mapLinks(shelter.latitude, shelter.longitude).map((link) => (
                    <li key={link.label}>
                      <a href={link.href} rel="noopener noreferrer">
                        {link.label}
                      </a>
                    </li>
                  ))}
                  <li>
                    <a href={`geo:${shelter.latitude},${shelter.longitude}`}>{t('mapsApp')}</a>
                  </li>
                </ul>
              </>
            ) : null}
          </section>
          <HostText data={data} locale={locale} field="directions" heading={t('directions')} t={t} />
          <HostText data={data} locale={locale} field="houseRules" heading={t('houseRules')} t={t} />
          <HostText data={data} locale={locale} field="whatToBring" heading={t('whatToBring')} t={t} />
          {contacts.length > 0 ? (
            <section>
              <h2>{t('contact')}</h2>
              <ContactButtons links={contacts} />
              {languages ? <p className="muted">{t('languagesSpoken', { languages })}</p> : null}
            </section>
          ) : null}
        </>
      )}
      <p className="muted">
        {t('updated', { time: `${format.dateTime(now, { timeZone: zone, day: 'numeric', month: 'short' })}, ${clock(now)}` })}
      </p>
      <PrivacyLink locale={locale} t={t} />
    </>
  );
}

/** The link at the foot of every page an arrival sees: what we keep about them. */
export function PrivacyLink({ locale, t }: { locale: ArrivalLocale; t: Translate }) {
  return (
    <p className="muted">
      <a href={`/privacy?lang=${locale}`}>{t('privacy.link')}</a>
    </p>
  );
}

/** The same page for unknown, revoked and expired links: in all four languages, the reader's first. */
export function LinkNotWorking({
  locale,
  messages,
  tooMany,
}: {
  locale: ArrivalLocale;
  messages: Record<ArrivalLocale, Translate>;
  tooMany: boolean;
}) {
  const order = [locale, ...ARRIVAL_LOCALES.filter((l) => l !== locale)];
  return (
    <>
      {order.map((l, index) => {
        const t = messages[l];
        const Heading = index === 0 ? 'h1' : 'h2';
        return (
          <section key={l} lang={l}>
            <Heading>{t(tooMany ? 'tooManyTitle' : 'notFoundTitle')}</Heading>
            <p>{t(tooMany ? 'tooManyBody' : 'notFoundBody')}</p>
          </section>
        );
      })}
    </>
  );
}
