import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import Link from '@/components/link';
import { NetworkForecast } from '@/components/network-forecast';
import { AutoRefresh } from '@/components/occupancy/auto-refresh';
import { CityLinks } from '@/components/occupancy/city-links';
import { ShelterTable } from '@/components/occupancy/shelter-table';
import { TwoInOneBedLine } from '@/components/occupancy/two-in-one-bed';
import { PageAskedFor, Pager } from '@/components/pager';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { occupancyArea } from '@/lib/occupancy/area';
import { networkNow } from '@/lib/occupancy/now';
import { needsLook, parseTableView, tablePage, viewHref } from '@/lib/occupancy/sort';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { twoInOneBedByShelter } from '@/lib/shelters/bed-conflicts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('occupancy'))('title') };
}

const REFRESH_SECONDS = 30;

export default async function OccupancyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'occupancy.now')) notFound();
  const params = await searchParams;
  const now = new Date();
  const t = await getTranslations('occupancy');
  const format = await getFormatter();
  const db = getDb();
  // A guide or admin of some cities sees those cities' shelters and totals; the network's, only one of all.
  const area = occupancyArea(db, user, firstParam(params.city), await getLocale());
  const network = networkNow(db, now, area.cityIds);
  const { badPage, ...parsed } = parseTableView({
    sort: firstParam(params.sort),
    dir: firstParam(params.dir),
    page: firstParam(params.page),
    attention: firstParam(params.attention),
  });
  const view = { ...parsed, city: area.city?.slug };
  const table = tablePage(network.shelters, view);
  const { totals, waiting } = network;
  const duration = (exact: number | null) => {
    if (exact === null) return '–';
    const minutes = Math.round(exact);
    return minutes < 60 ? t('minutes', { minutes }) : t('hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  const figures: [string, string, string?][] = [
    [t('inService'), format.number(totals.inService)],
    [t('occupied'), format.number(totals.occupied), 'occupied'],
    [t('reserved'), format.number(totals.reserved), 'reserved'],
    [t('free'), format.number(network.free.open), 'free'],
    [t('outOfService'), format.number(totals.outOfService)],
    [t('rate'), totals.rate === null ? '–' : format.number(totals.rate, { style: 'percent', maximumFractionDigits: 0 })],
  ];
  const attentionCount = network.shelters.filter(needsLook).length;
  const onlyCity = area.city ?? (area.cityIds?.length === 1 ? area.cities.find((city) => city.id === area.cityIds![0]) : undefined);
  const bedsTitle = !area.cityIds ? t('bedsTitle') : onlyCity ? t('bedsIn', { city: onlyCity.name }) : t('bedsInMyCities');
  return (
    <>
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <div className="page-head">
        <h1>{t('title')}</h1>
        {can(user, 'occupancy.overview') ? (
          <Link href={area.city ? `/occupancy/history?city=${area.city.slug}` : '/occupancy/history'} className="button">
            {t('historyLink')}
          </Link>
        ) : null}
      </div>
      <CityLinks area={area} hrefOf={(slug) => viewHref({ ...view, city: slug ?? undefined }, { page: 1 })} />
      {area.city ? <p className="muted">{t('inCity', { city: area.city.name })}</p> : null}
      <p className="muted small" id="updated">
        {t('updated', { time: format.dateTime(now, { timeZone: area.timeZone, timeStyle: 'medium' }), seconds: REFRESH_SECONDS })}
      </p>
      <section aria-labelledby="beds-heading">
        <h2 id="beds-heading">{bedsTitle}</h2>
        <dl className="figures" aria-label={bedsTitle}>
          {figures.map(([term, value, tone]) => (
            <div key={term} className={tone ? `figure tone-${tone}` : 'figure'}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {network.free.paused > 0 ? <p className="muted">{t('freePaused', { count: network.free.paused })}</p> : null}
        <TwoInOneBedLine shelters={twoInOneBedByShelter(db, area.cityIds, now)} />
      </section>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('waitingTitle')}</h2>
        <dl className="figures" aria-label={t('waitingTitle')}>
          <div className="figure">
            <dt>{t('waitingHouseholds')}</dt>
            <dd>{format.number(waiting.households)}</dd>
          </div>
          <div className="figure">
            <dt>{t('medianWait')}</dt>
            <dd>{duration(waiting.medianMinutes)}</dd>
          </div>
          <div className="figure">
            <dt>{t('longestWait')}</dt>
            <dd>{duration(waiting.longestMinutes)}</dd>
          </div>
        </dl>
        <p>
          <Link href="/arrivals">{t('queueLink')}</Link>
        </p>
      </section>
      <NetworkForecast now={now} shelters={table.rows} cityIds={area.cityIds} />
      <section aria-labelledby="shelters-heading">
        <h2 id="shelters-heading">{t('sheltersTitle')}</h2>
        <p className="muted">{attentionCount > 0 ? t('needsLook', { count: attentionCount }) : t('allGood')}</p>
        {attentionCount > 0 || view.attention ? (
          <p>
            {view.attention ? (
              <Link href={viewHref(view, { attention: false, page: 1 })}>{t('showAll', { count: network.shelters.length })}</Link>
            ) : (
              <Link href={viewHref(view, { attention: true, page: 1 })}>{t('showAttention', { count: attentionCount })}</Link>
            )}
          </p>
        ) : null}
        <PageAskedFor badPage={badPage} pageOutOfRange={table.pageOutOfRange} pages={table.pages} />
        {table.total === 0 ? (
          <p className="empty">{t('noShelters')}</p>
        ) : (
          <ShelterTable shelters={table.rows} view={{ ...view, page: table.page }} now={now} />
        )}
        <Pager page={table.page} pages={table.pages} hrefOf={(page) => viewHref(view, { page })} />
      </section>
    </>
  );
}
