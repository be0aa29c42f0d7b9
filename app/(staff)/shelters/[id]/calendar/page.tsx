import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { calendarPage } from '@/lib/shelters/calendar-page';
import { nightDate } from '../host-day';
import { CalendarGrid } from './calendar-grid';
import { ClosuresSection } from './closures-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('calendar'))('title') };
}

export default async function CalendarPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireStaff();
  // A shelter the caller may not see is a 404, the same as one that does not exist.
  const view = calendarPage(getDb(), user, id, new Date(), await getLocale());
  if (!view) notFound();
  const { shelter, calendar } = view;
  const t = await getTranslations('calendar');
  const format = await getFormatter();
  return (
    <ClientMessages namespaces={['account', 'closures', 'errors', 'household', 'notices']}>
      <p className="breadcrumb">
        <Link href={`/shelters/${shelter.id}`}>← {shelter.name}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { count: calendar.nights.length, from: nightDate(format, view.tonight) })}</p>
      {calendar.rooms.length === 0 ? <p className="empty">{t('noRooms')}</p> : <CalendarGrid calendar={calendar} />}
      <ClosuresSection view={view} />
    </ClientMessages>
  );
}
