import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { getTranslations } from '@/lib/i18n/server';
import { mayKeepMeetingPoints } from '@/lib/meeting-points/manage';
import { meetingPointsPage } from '@/lib/meeting-points/meeting-points-page';
import { addMeetingPoint, removeMeetingPoint, saveMeetingPoint } from './actions';
import { MeetingPointFields, MeetingPointList } from './meeting-point-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetingPoints'))('title') };
}

/** Admins define where guides meet arrivals, each in their own cities; suggestions measure shelters' distances from these. */
export default async function MeetingPointsPage() {
  const user = await requireStaff();
  if (!mayKeepMeetingPoints(user)) notFound();
  const view = meetingPointsPage(getDb(), user, await getLocale());
  if (!view) notFound();
  const { points, names, cities } = view;
  const t = await getTranslations('meetingPoints');
  const settings = await getTranslations('settings');
  return (
    <ClientMessages namespaces={['account', 'errors', 'meetingPoints', 'notices', 'translatedNames']}>
      <p className="breadcrumb">
        <Link href="/settings">← {settings('title')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card" aria-label={t('title')}>
        <MeetingPointList points={points} names={names} save={saveMeetingPoint} remove={removeMeetingPoint} cities={cities} />
      </section>
      <section className="card" aria-labelledby="add-point-title">
        <h2 id="add-point-title">{t('addTitle')}</h2>
        {/* Keyed on the count, so the form empties once a point is added. */}
        <MeetingPointFields key={points.length} action={addMeetingPoint} idPrefix="new-point" cities={cities} />
      </section>
    </ClientMessages>
  );
}
