import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getTranslations } from '@/lib/i18n/server';
import { historyPage } from '@/lib/occupancy/history-page';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { HistoryFigures, HistoryHead } from './history-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'occupancy.history')) notFound();
  const params = await searchParams;
  const query = {
    city: firstParam(params.city),
    name: firstParam(params.name),
    shelter: firstParam(params.shelter),
    range: firstParam(params.range),
    from: firstParam(params.from),
    to: firstParam(params.to),
  };
  const view = historyPage(getDb(), user, query, new Date(), await getLocale());
  if (!view) notFound();
  const { shown } = view;
  if (!shown) {
    const t = await getTranslations('history');
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="empty">{t('noShelters')}</p>
      </>
    );
  }
  return (
    <>
      <HistoryHead view={{ ...view, shown }} />
      <HistoryFigures view={{ ...view, shown }} />
    </>
  );
}
