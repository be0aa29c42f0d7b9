import { ARRIVAL_LOCALES, type ArrivalLocale } from '@/lib/guest-link/locale';
import type { LiveNotice } from '@/lib/notices/live';
import { languageName, type Format, type Translate } from './words';

/** The notice's text in the reader's language, else the first language it was written in. */
function pickNoticeText(notice: LiveNotice, locale: ArrivalLocale) {
  for (const language of [locale, ...ARRIVAL_LOCALES.filter((l) => l !== locale)]) {
    const text = notice.texts.find((row) => row.locale === language)?.text.trim();
    if (text) return { text, language };
  }
  return null;
}

type Props = { notices: LiveNotice[]; locale: ArrivalLocale; t: Translate; format: Format; timeZone: string };

/**
 * Live notices at the top of the page, with their end as a date and time ("until 18:00, 1 December"),
 * so a copy read offline later says itself when a notice was over. Host-written text is rendered by
 * React: markup in it is only text.
 */
export function GuestNotices({ notices, locale, t, format, timeZone }: Props) {
  return (
    <>
      {notices.map((notice) => {
        const picked = pickNoticeText(notice, locale);
        if (!picked) return null;
        const time = format.dateTime(notice.endsAt, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        const date = format.dateTime(notice.endsAt, { timeZone, day: 'numeric', month: 'long' });
        return (
          <section key={notice.id} className="notice" aria-label={t(notice.scope === 'city' ? 'notices.fromCity' : 'notices.fromShelter')}>
            <p className="muted">{t(notice.scope === 'city' ? 'notices.fromCity' : 'notices.fromShelter')}</p>
            {picked.language !== locale ? (
              <p className="muted">{t('notices.otherLanguage', { language: languageName(locale, picked.language) })}</p>
            ) : null}
            <p className="text" lang={picked.language}>
              {picked.text}
            </p>
            <p className="muted">{t('notices.until', { time, date })}</p>
          </section>
        );
      })}
    </>
  );
}
