import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { homesNoLongerTaking } from '@/lib/homes/alerts';
import { queueQuery } from '@/lib/households/filters';
import { queuePage } from '@/lib/households/queue-page';
import { getTranslations } from '@/lib/i18n/server';
import type { SearchParams } from '@/lib/search-params';
import { HomeAlerts } from './home-alerts';
import { QueueFinders, QueueHead, ReservedSection, WaitingSection } from './queue-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('arrivals'))('title') };
}

export default async function ArrivalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'household.list')) notFound();
  const params = await searchParams;
  const now = new Date();
  const view = queuePage(getDb(), user, queueQuery(params, user.role), now, await getLocale());
  if (!view) notFound();
  return (
    <ClientMessages namespaces={['account', 'errors', 'household', 'notices', 'queue', 'suggest']}>
      <QueueHead view={view} forgotten={Boolean(params.forgotten)} />
      <HomeAlerts alerts={homesNoLongerTaking(getDb(), user)} />
      <QueueFinders view={view} />
      {view.query.view === 'waiting' ? <WaitingSection view={view} /> : <ReservedSection view={view} />}
    </ClientMessages>
  );
}
