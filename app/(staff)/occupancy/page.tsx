import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getTranslations } from '@/lib/i18n/server';
import { overviewPage } from '@/lib/occupancy/overview-page';
import { parseTableView } from '@/lib/occupancy/sort';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { OccupancyFigures, OccupancyHead, OccupancyShelters } from './occupancy-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('occupancy'))('title') };
}

export default async function OccupancyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'occupancy.now')) notFound();
  const params = await searchParams;
  const now = new Date();
  const { badPage, ...table } = parseTableView({
    sort: firstParam(params.sort),
    dir: firstParam(params.dir),
    page: firstParam(params.page),
    attention: firstParam(params.attention),
  });
  const view = overviewPage(getDb(), user, { city: firstParam(params.city), table }, now, await getLocale());
  if (!view) notFound();
  return (
    <>
      <OccupancyHead view={view} now={now} />
      <OccupancyFigures view={view} />
      <OccupancyShelters view={view} now={now} badPage={badPage} />
    </>
  );
}
