import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from '@/components/link';
import { can } from '@/lib/auth/policy';
import { listCities } from '@/lib/cities/cities';
import { shelterTextsByLocale } from '@/lib/shelters/profile';
import { loadShelter } from '../load-shelter';
import { saveLateArrivals, saveShelterProfile } from './actions';
import { LateArrivalsForm } from './late-arrivals-form';
import { ProfileForm } from './profile-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { db, shelter, user } = await loadShelter(params, { edit: true });
  const t = await getTranslations('profile');
  // Admins move a shelter between the cities they hold; a host sees its city but does not choose it.
  const cities = listCities(db, await getLocale()).filter(
    (city) => city.id === shelter.cityId || can(user, 'shelter.relocate', { city: city.id }),
  );
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/shelters/${shelter.id}`}>← {shelter.name}</Link>
      </p>
      <h1>{t('title')}</h1>
      <ProfileForm
        action={saveShelterProfile}
        shelter={{ ...shelter, texts: shelterTextsByLocale(db, shelter.id) }}
        cities={cities.map(({ id, name, timeZone }) => ({ id, name, timeZone }))}
        chooseCity={can(user, 'shelter.relocate')}
      />
      <LateArrivalsForm
        action={saveLateArrivals}
        shelter={{
          id: shelter.id,
          lateGraceMinutes: shelter.lateGraceMinutes,
          latestArrival: shelter.latestArrival,
          checkInUntil: shelter.checkInUntil,
        }}
      />
    </>
  );
}
