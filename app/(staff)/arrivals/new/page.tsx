import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { utcToZonedWallClock } from '@/lib/calendar/zones';
import { preselectedCity } from '@/lib/cities/choice';
import { listCities } from '@/lib/cities/cities';
import { cityTimeZone } from '@/lib/cities/clock';
import { languagesByUse, SHOWN_LANGUAGES } from '@/lib/households/languages';
import { listMeetingPoints } from '@/lib/meeting-points/points';
import { registerHousehold } from './actions';
import { IntakeForm } from './intake-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('intake'))('title') };
}

export default async function NewArrivalPage() {
  const user = await requireStaff();
  if (!can(user, 'household.register')) notFound();
  const t = await getTranslations('intake');
  const db = getDb();
  const now = new Date();
  const all = listCities(db, await getLocale());
  const cities = all.map(({ id, name }) => ({ id, name }));
  // Where they are now: a city the guide holds, with its clock now (the arrival time is typed on it); where they are going: any city.
  const here = all
    .filter((city) => can(user, 'household.register', { city: city.id }))
    .map(({ id, name, timeZone }) => ({ id, name, now: utcToZonedWallClock(now, timeZone) }));
  const preselected = preselectedCity(here, user);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card">
        <IntakeForm
          action={registerHousehold}
          arrivedAtDefault={utcToZonedWallClock(now, cityTimeZone(db, preselected))}
          userId={user.id}
          languages={languagesByUse(db, now)}
          shownLanguages={SHOWN_LANGUAGES}
          meetingPoints={listMeetingPoints(db, user, await getLocale()).map(({ id, name, cityId }) => ({ id, name, cityId }))}
          cities={{ here, there: cities, preselected }}
        />
      </section>
    </>
  );
}
