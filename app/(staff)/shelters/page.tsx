import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { BedCountsLine } from '@/components/bed-counts';
import { ConfirmedAgo } from '@/components/confirmed-ago';
import Link from '@/components/link';
import { PageAskedFor, Pager } from '@/components/pager';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { preselectedCity } from '@/lib/cities/choice';
import { listCities } from '@/lib/cities/cities';
import { holdsCity } from '@/lib/cities/scope';
import { requestedPage } from '@/lib/paging';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { shelterList } from '@/lib/shelters/list';
import { addShelter } from './actions';
import { NewShelterForm } from './new-shelter-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shelters'))('title') };
}

export default async function SheltersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  const { page: requested, badPage } = requestedPage(firstParam((await searchParams).page));
  const t = await getTranslations('shelters');
  const statuses = await getTranslations('status');
  const now = new Date();
  const db = getDb();
  const cities = listCities(db, await getLocale());
  // With more than one city, each shelter says its city, and the list runs city by city.
  const cityName = new Map(cities.map((city) => [city.id, city.name]));
  const byCity = cities.length > 1;
  const list = shelterList(db, user, now, { page: requested, cityNames: byCity ? cityName : undefined });
  const ownCities = cities.filter((city) => holdsCity(user, city.id));
  return (
    <>
      <h1>{user.role === 'host' ? t('yourShelters') : t('title')}</h1>
      {list.total === 0 ? <p className="empty">{user.role === 'host' ? t('emptyHost') : t('empty')}</p> : null}
      <PageAskedFor badPage={badPage} pageOutOfRange={list.pageOutOfRange} pages={list.pages} />
      <ul className="shelter-list">
        {list.rows.map((shelter) => (
          <li key={shelter.id} className="card">
            <div className="card-head">
              <h2>
                <Link href={`/shelters/${shelter.id}`}>{shelter.name}</Link>
              </h2>
              <span className={`badge status-${shelter.status}`}>{statuses(shelter.status)}</span>
            </div>
            <p className="muted">
              {byCity ? `${shelter.district} · ${cityName.get(shelter.cityId ?? '') ?? t('noCity')}` : shelter.district}
            </p>
            <BedCountsLine counts={shelter.counts} />
            <ConfirmedAgo at={shelter.lastConfirmedAt} now={now} timeZone={shelter.timeZone} />
          </li>
        ))}
      </ul>
      <Pager page={list.page} pages={list.pages} hrefOf={(page) => (page > 1 ? `/shelters?page=${page}` : '/shelters')} />
      {can(user, 'shelter.create') ? (
        <section className="card">
          <h2>{t('newTitle')}</h2>
          {ownCities.length > 0 ? (
            <NewShelterForm
              action={addShelter}
              cities={ownCities.map(({ id, name }) => ({ id, name }))}
              preselected={preselectedCity(ownCities, user)}
            />
          ) : (
            <p className="empty">
              {t('addCityFirst')} <Link href="/settings/cities">{t('citiesLink')}</Link>
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
