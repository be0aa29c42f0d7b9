import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { listCities } from '@/lib/cities/cities';
import { preselectedCity } from '@/lib/cities/choice';
import { holdsCity } from '@/lib/cities/scope';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { languagesByUse, SHOWN_LANGUAGES } from '@/lib/arrivals/languages';
import { requireStaff } from '@/lib/auth/current-user';
import { listMeetingPoints } from '@/lib/meeting-points/points';
import { NETWORK_TIME_ZONE, utcToZonedWallClock } from '@/lib/time';
import { registerHousehold } from './actions';
import { IntakeForm } from './intake-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('intake'))('title') };
}

export default async function NewArrivalPage() {
  const user = await requireStaff();
  if (user.role === 'host') notFound();
  const t = await getTranslations('intake');
  const db = getDb();
  const now = new Date();
  const cities = listCities(db, await getLocale()).map(({ id, name }) => ({ id, name }));
  // Where they are now: a city the guide holds; where they are going: any city of the network.
  const here = cities.filter((city) => holdsCity(user, city.id));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card">
        <IntakeForm
          action={registerHousehold}
          arrivedAtDefault={utcToZonedWallClock(now, NETWORK_TIME_ZONE)}
          userId={user.id}
          languages={languagesByUse(db, now)}
          shownLanguages={SHOWN_LANGUAGES}
          meetingPoints={listMeetingPoints(db).map(({ id, name }) => ({ id, name }))}
          cities={{ here, there: cities, preselected: preselectedCity(here, user) }}
        />
      </section>
    </>
  );
}
