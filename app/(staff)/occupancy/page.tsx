import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { AutoRefresh } from '@/components/occupancy/auto-refresh';
import { ShelterTable } from '@/components/occupancy/shelter-table';
import { requireStaff } from '@/lib/auth/current-user';
import { NETWORK_TIME_ZONE } from '@/lib/occupancy/days';
import { networkNow } from '@/lib/occupancy/now';
import { parseSort, sortShelters } from '@/lib/occupancy/sort';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('occupancy'))('title') };
}

const REFRESH_SECONDS = 30;
type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function OccupancyPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireStaff();
  if (user.role === 'host') notFound();
  const params = await searchParams;
  const now = new Date();
  const t = await getTranslations('occupancy');
  const format = await getFormatter();
  const network = networkNow(getDb(), now);
  const { sort, dir } = parseSort(first(params.sort), first(params.dir));
  const { totals, waiting } = network;
  const duration = (minutes: number | null) =>
    minutes === null ? '–' : minutes < 60 ? t('minutes', { minutes }) : t('hours', { hours: Math.floor(minutes / 60), minutes: Math.round(minutes % 60) });
  const figures: [string, string, string?][] = [
    [t('inService'), format.number(totals.inService)],
    [t('occupied'), format.number(totals.occupied), 'occupied'],
    [t('reserved'), format.number(totals.reserved), 'reserved'],
    [t('free'), format.number(totals.free), 'free'],
    [t('outOfService'), format.number(totals.outOfService)],
    [t('rate'), totals.rate === null ? '–' : format.number(totals.rate, { style: 'percent', maximumFractionDigits: 0 })],
  ];
  const needsLook = network.shelters.filter((shelter) => shelter.stale || shelter.full || shelter.expiringHolds > 0).length;
  return (
    <>
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <div className="page-head">
        <h1>{t('title')}</h1>
        {user.role === 'admin' ? (
          <Link href="/occupancy/history" className="button">
            {t('historyLink')}
          </Link>
        ) : null}
      </div>
      <p className="muted small" id="updated">
        {t('updated', { time: format.dateTime(now, { timeZone: NETWORK_TIME_ZONE, timeStyle: 'medium' }), seconds: REFRESH_SECONDS })}
      </p>
      <section aria-labelledby="beds-heading">
        <h2 id="beds-heading">{t('bedsTitle')}</h2>
        <dl className="figures" aria-label={t('bedsTitle')}>
          {figures.map(([term, value, tone]) => (
            <div key={term} className={tone ? `figure tone-${tone}` : 'figure'}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
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
      <section aria-labelledby="shelters-heading">
        <h2 id="shelters-heading">{t('sheltersTitle')}</h2>
        <p className="muted">{needsLook > 0 ? t('needsLook', { count: needsLook }) : t('allGood')}</p>
        {network.shelters.length === 0 ? (
          <p className="empty">{t('noShelters')}</p>
        ) : (
          <ShelterTable shelters={sortShelters(network.shelters, sort, dir)} sort={sort} dir={dir} now={now} />
        )}
      </section>
    </>
  );
}
