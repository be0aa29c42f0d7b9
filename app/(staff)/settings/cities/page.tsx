import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { citiesToManage, mayCreateCities } from '@/lib/cities/manage';
import { getTranslations } from '@/lib/i18n/server';
import { addCity, removeCity, saveCity } from './actions';
import { CityFields, CityList } from './city-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cities'))('title') };
}

/** Admins keep the network's cities: names, time zone, the contact the public page shows for each. */
export default async function CitiesPage() {
  const user = await requireStaff();
  if (!can(user, 'city.edit')) notFound();
  const t = await getTranslations('cities');
  const settings = await getTranslations('settings');
  const cities = citiesToManage(getDb(), user);
  const allCities = mayCreateCities(user);
  return (
    <ClientMessages namespaces={['account', 'cities', 'errors', 'notices', 'settings']}>
      <p className="breadcrumb">
        <Link href="/settings">← {settings('title')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">{allCities ? t('intro') : t('introScoped')}</p>
      <CityList cities={cities} save={saveCity} remove={allCities ? removeCity : undefined} />
      {allCities ? (
        <section className="card" aria-labelledby="add-city-title">
          <h2 id="add-city-title">{t('addTitle')}</h2>
          {/* Keyed on the count, so the form empties once a city is added. */}
          <CityFields key={cities.length} action={addCity} idPrefix="new-city" />
        </section>
      ) : null}
    </ClientMessages>
  );
}
