import { LanguageLinks, languageName, type Format, type Translate, PrivacyLink } from '@/components/arrival/arrival-page';
import type { ArrivalLocale } from '@/lib/arrival/locale';
import type { PublicShelter } from '@/lib/requests/public-list';
import type { NetworkContact } from '@/lib/requests/settings';
import { HelpBox, localHref } from './help-box';

type Props = { shelters: PublicShelter[]; contact: NetworkContact; locale: ArrivalLocale; t: Translate; format: Format; now: Date; timeZone: string };

function ShelterCard({ shelter, locale, t, format, now }: { shelter: PublicShelter; locale: ArrivalLocale; t: Translate; format: Format; now: Date }) {
  const yesNo = (value: boolean) => t(value ? 'list.yes' : 'list.no');
  const id = `shelter-${shelter.id}`;
  return (
    <li>
      <section aria-labelledby={id}>
        <h2 id={id}>{shelter.name}</h2>
        <p className="muted">{shelter.district}</p>
        <p className={shelter.freeBeds > 0 ? 'free' : 'full'}>{shelter.freeBeds > 0 ? t('list.freeBeds', { count: shelter.freeBeds }) : t('list.full')}</p>
        {shelter.roomKinds.length > 0 ? (
          <p>
            <span className="muted">{t('list.rooms')}:</span> {shelter.roomKinds.map((kind) => t(`roomKinds.${kind}`)).join(', ')}
          </p>
        ) : null}
        {shelter.languages.length > 0 ? (
          <p>
            <span className="muted">{t('list.languages')}:</span> {shelter.languages.map((language) => languageName(locale, language)).join(', ')}
          </p>
        ) : null}
        <dl>
          <dt>{t('list.families')}</dt>
          <dd>{yesNo(shelter.acceptsFamilies)}</dd>
          <dt>{t('list.pets')}</dt>
          <dd>{yesNo(shelter.acceptsPets)}</dd>
          <dt>{t('list.wheelchair')}</dt>
          <dd>{yesNo(shelter.wheelchairAccessible)}</dd>
        </dl>
        <p className="muted">
          {shelter.lastConfirmedAt ? t('list.confirmed', { ago: format.relativeTime(shelter.lastConfirmedAt, now) }) : t('list.neverConfirmed')}
        </p>
      </section>
    </li>
  );
}

/** The public list: listed open shelters by district and free beds, never an address. */
export function PublicShelterList({ shelters, contact, locale, t, format, now, timeZone }: Props) {
  return (
    <>
      <LanguageLinks locale={locale} t={t} />
      <p className="muted">{t('network')}</p>
      <h1>{t('list.title')}</h1>
      <HelpBox contact={contact} t={t} ask={localHref('/request', locale)} />
      <p className="muted">{t('list.intro')}</p>
      {shelters.length > 0 ? (
        <ol className="cards">
          {shelters.map((shelter) => (
            <ShelterCard key={shelter.id} shelter={shelter} locale={locale} t={t} format={format} now={now} />
          ))}
        </ol>
      ) : (
        <section>
          <p>{t('list.none')}</p>
        </section>
      )}
      <p className="muted">{t('list.asOf', { time: format.dateTime(now, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) })}</p>
      <PrivacyLink locale={locale} t={t} />
    </>
  );
}
