import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import Link from '@/components/link';
import { NetworkForecast } from '@/components/network-forecast';
import { CityLinks } from '@/components/occupancy/city-links';
import { PageAskedFor, Pager } from '@/components/pager';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { aheadPage } from '@/lib/occupancy/ahead-page';
import { parseTableView, viewHref } from '@/lib/occupancy/sort';
import { firstParam, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('occupancy'))('aheadTitle') };
}

/** The next nights of the occupancy page's area, with its table's page of shelters one by one. */
export default async function AheadPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'occupancy.now')) notFound();
  const params = await searchParams;
  const { badPage, ...table } = parseTableView({
    sort: firstParam(params.sort),
    dir: firstParam(params.dir),
    page: firstParam(params.page),
    attention: firstParam(params.attention),
  });
  const now = new Date();
  const view = aheadPage(getDb(), user, { city: firstParam(params.city), table }, now, await getLocale());
  if (!view) notFound();
  const t = await getTranslations('occupancy');
  const format = await getFormatter();
  const { area, shelters } = view;
  return (
    <>
      <div className="page-head">
        <h1>{t('aheadTitle')}</h1>
        <Link href={viewHref(view.table, { page: shelters.page })} className="button">
          {t('nowLink')}
        </Link>
      </div>
      <CityLinks area={area} hrefOf={(slug) => viewHref({ ...view.table, city: slug ?? undefined }, { page: 1 }, '/occupancy/ahead')} />
      {area.city ? <p className="muted">{t('inCity', { city: area.city.name })}</p> : null}
      <p className="muted small">{t('aheadAsOf', { time: format.dateTime(now, { timeZone: area.timeZone, timeStyle: 'short' }) })}</p>
      <PageAskedFor badPage={badPage} pageOutOfRange={shelters.pageOutOfRange} pages={shelters.pages} />
      <NetworkForecast forecast={view.forecast} />
      <Pager page={shelters.page} pages={shelters.pages} hrefOf={(page) => viewHref(view.table, { page }, '/occupancy/ahead')} />
    </>
  );
}
