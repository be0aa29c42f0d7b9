import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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
        />
      </section>
    </>
  );
}
