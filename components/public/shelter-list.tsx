import { languageName, type Format, type Translate } from '@/components/arrival/words';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { ContactButtons, contactLinks, LanguageLinks, PrivacyLink } from '@/components/arrival/arrival-page';
import type { PublicCityGroup, PublicList } from '@/lib/cities/public';
import type { PublicShelter } from '@/lib/requests/public-list';
import type { NetworkContact } from '@/lib/requests/settings';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { HelpBox, localHref } from './help-box';

type Props = { list: PublicList; locale: ArrivalLocale; t: Translate; format: Format; now: Date };

/** A link within the public pages for one city: the reader's language, and the city when there is one. */
const cityHref = (path: string, locale: ArrivalLocale, slug: string | null) => `${localHref(path, locale)}${slug ? `&city=${encodeURIComponent(slug)}` : ''}`;

/** What the shelter asked for, each until its last day (a calendar day, named as written). */
function Needs({ needs, t, format }: { needs: PublicShelter['needs']; t: Translate; format: Format }) {
  if (needs.length === 0) return null;
  const day = (lastDay: string) => format.dateTime(new Date(`${lastDay}T12:00:00Z`), { timeZone: 'UTC', day: 'numeric', month: 'short' });
  return (
    <>
      <p className="muted">{t('list.needs')}:</p>
      <ul>
        {needs.map((need, index) => {
          const what = need.note && need.kind !== 'other' ? `${t(`list.needKinds.${need.kind}`)} (${need.note})` : (need.note ?? t(`list.needKinds.${need.kind}`));
          return <li key={index}>{t('list.needUntil', { what, date: day(need.lastDay) })}</li>;
        })}
      </ul>
    </>
  );
}

function ShelterCard({ shelter, locale, t, format, now, level = 2 }: { shelter: PublicShelter; locale: ArrivalLocale; t: Translate; format: Format; now: Date; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const yesNo = (value: boolean) => t(value ? 'list.yes' : 'list.no');
  const id = `shelter-${shelter.id}`;
  return (
    <li>
      <section aria-labelledby={id}>
        <Heading id={id}>{shelter.name}</Heading>
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
        <Needs needs={shelter.needs} t={t} format={format} />
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

function Cards({ shelters, level, ...rest }: { shelters: PublicShelter[]; level: 2 | 3; locale: ArrivalLocale; t: Translate; format: Format; now: Date }) {
  return shelters.length > 0 ? (
    <ol className="cards">
      {shelters.map((shelter) => (
        <ShelterCard key={shelter.id} shelter={shelter} level={level} {...rest} />
      ))}
    </ol>
  ) : (
    <section>
      <p>{rest.t('list.none')}</p>
    </section>
  );
}

/** When the figures were read, on the city's own clock (the network's while it has no city). */
function AsOf({ group, t, format, now }: { group: PublicCityGroup; t: Translate; format: Format; now: Date }) {
  const time = format.dateTime(now, { timeZone: group.timeZone ?? NETWORK_TIME_ZONE, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return <p className="muted">{group.name ? t('list.asOf', { time, city: group.name }) : t('list.asOfLocal', { time })}</p>;
}

/** One city's part of the list: its name, the way to ask for a place there and its own contact, its shelters. */
function CityGroup({ group, ...rest }: { group: PublicCityGroup; locale: ArrivalLocale; t: Translate; format: Format; now: Date }) {
  const { t, locale } = rest;
  const titleId = `city-${group.slug}`;
  const links = contactLinks(group.contact as NetworkContact, t).map((link) => ({ ...link, primary: false }));
  return (
    <div className="city" aria-labelledby={titleId} role="region">
      <h2 id={titleId}>{group.name}</h2>
      <section aria-label={t('help.title')}>
        <p>
          <a className="cta" href={cityHref('/request', locale, group.slug)}>
            {t('help.ask')}
          </a>
        </p>
        <p>{links.length > 0 ? t('help.body') : t('help.none')}</p>
        {links.length > 0 ? <ContactButtons links={links} /> : null}
      </section>
      <Cards shelters={group.shelters} level={3} {...rest} />
      <AsOf group={group} {...rest} />
    </div>
  );
}

/**
 * The public list: listed open shelters by district and free beds, never an address. With several
 * cities, city by city, each with its own contact; `?city=` shows one.
 */
export function PublicShelterList({ list, locale, t, format, now }: Props) {
  const rest = { locale, t, format, now };
  const byCity = list.cities.length > 1;
  const only = list.groups.length === 1 ? list.groups[0] : null;
  return (
    <>
      <LanguageLinks locale={locale} t={t} />
      <p className="muted">{t('network')}</p>
      <h1>{t('list.title')}</h1>
      {list.unknownCity ? (
        <section className="alert" role="status">
          <p>{t('list.unknownCity')}</p>
        </section>
      ) : null}
      {byCity ? (
        <nav aria-label={t('list.cities')}>
          <p>
            {list.cities.map((city) => (
              <span key={city.slug}>
                {city.slug === list.picked ? <strong>{city.name}</strong> : <a href={cityHref('/shelters', locale, city.slug)}>{city.name}</a>}
                {' · '}
              </span>
            ))}
            {list.picked ? <a href={localHref('/shelters', locale)}>{t('list.allCities')}</a> : <strong>{t('list.allCities')}</strong>}
          </p>
        </nav>
      ) : null}
      {byCity ? (
        <>
          <p className="muted">{t('list.introCities')}</p>
          {list.groups.map((group) => (
            <CityGroup key={group.slug} group={group} {...rest} />
          ))}
        </>
      ) : (
        <>
          <HelpBox contact={only!.contact} t={t} ask={cityHref('/request', locale, only!.slug)} />
          <p className="muted">{t('list.intro')}</p>
          <Cards shelters={only!.shelters} level={2} {...rest} />
          <AsOf group={only!} {...rest} />
        </>
      )}
      <PrivacyLink locale={locale} t={t} />
    </>
  );
}
