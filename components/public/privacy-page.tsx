import { LanguageLinks } from '@/components/arrival/arrival-page';
import { type Translate } from '@/components/arrival/words';
import type { ArrivalLocale } from '@/lib/guest-link/locale';

/** What Waystation keeps about a person, who sees it and when it goes, in plain words. */
export function PrivacyPage({ locale, t, retentionDays }: { locale: ArrivalLocale; t: Translate; retentionDays: number }) {
  return (
    <>
      <LanguageLinks locale={locale} t={t} />
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <section>
        <h2>{t('privacy.keepTitle')}</h2>
        <ul>
          {(['keep1', 'keep2', 'keep3', 'keep4', 'keep5', 'keep6', 'keep7'] as const).map((key) => (
            <li key={key}>{t(`privacy.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t('privacy.neverTitle')}</h2>
        <p>{t('privacy.never')}</p>
      </section>
      <section>
        <h2>{t('privacy.whoTitle')}</h2>
        <p>{t('privacy.who')}</p>
      </section>
      <section>
        <h2>{t('privacy.eraseTitle')}</h2>
        <p>{t('privacy.erase', { days: retentionDays })}</p>
      </section>
      <section>
        <h2>{t('privacy.offerTitle')}</h2>
        <p>{t('privacy.offer', { days: retentionDays })}</p>
      </section>
    </>
  );
}
