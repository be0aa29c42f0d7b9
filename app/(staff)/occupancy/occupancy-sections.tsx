import Link from '@/components/link';
import { AutoRefresh } from '@/components/occupancy/auto-refresh';
import { CityLinks } from '@/components/occupancy/city-links';
import { ShelterTable } from '@/components/occupancy/shelter-table';
import { TwoInOneBedLine } from '@/components/occupancy/two-in-one-bed';
import { PageAskedFor, Pager } from '@/components/pager';
import { FORECAST_NIGHTS } from '@/lib/forecast/maths';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { OverviewPage } from '@/lib/occupancy/overview-page';
import { viewHref } from '@/lib/occupancy/sort';

const REFRESH_SECONDS = 30;

type Props = { view: OverviewPage; now: Date };

/** The heading, the way to the history, the caller's cities and when the figures were read (they refresh). */
export async function OccupancyHead({ view, now }: Props) {
  const { area, table } = view;
  const t = await getTranslations('occupancy');
  const format = await getFormatter();
  return (
    <>
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <div className="page-head">
        <h1>{t('title')}</h1>
        {view.mayReadHistory ? (
          <Link href={area.city ? `/occupancy/history?city=${area.city.slug}` : '/occupancy/history'} className="button">
            {t('historyLink')}
          </Link>
        ) : null}
      </div>
      <CityLinks area={area} hrefOf={(slug) => viewHref({ ...table, city: slug ?? undefined }, { page: 1 })} />
      {area.city ? <p className="muted">{t('inCity', { city: area.city.name })}</p> : null}
      <p className="muted small" id="updated">
        {t('updated', { time: format.dateTime(now, { timeZone: area.timeZone, timeStyle: 'medium' }), seconds: REFRESH_SECONDS })}
      </p>
    </>
  );
}

/** The beds and the households waiting, as figures, and the way to the nights ahead. */
export async function OccupancyFigures({ view }: { view: OverviewPage }) {
  const { area, totals, waiting, onlyCity } = view;
  const t = await getTranslations('occupancy');
  const format = await getFormatter();
  const duration = (exact: number | null) => {
    if (exact === null) return '–';
    const minutes = Math.round(exact);
    return minutes < 60 ? t('minutes', { minutes }) : t('hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  const figures: [string, string, string?][] = [
    [t('inService'), format.number(totals.inService)],
    [t('occupied'), format.number(totals.occupied), 'occupied'],
    [t('reserved'), format.number(totals.reserved), 'reserved'],
    [t('free'), format.number(view.free.open), 'free'],
    [t('outOfService'), format.number(totals.outOfService)],
    [t('rate'), totals.rate === null ? '–' : format.number(totals.rate, { style: 'percent', maximumFractionDigits: 0 })],
  ];
  const bedsTitle = !area.cityIds ? t('bedsTitle') : onlyCity ? t('bedsIn', { city: onlyCity.name }) : t('bedsInMyCities');
  return (
    <>
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
        {view.free.paused > 0 ? <p className="muted">{t('freePaused', { count: view.free.paused })}</p> : null}
        <TwoInOneBedLine shelters={view.twoInOneBed} />
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
      <p>
        <Link href={viewHref(view.table, { page: view.shelters.page }, '/occupancy/ahead')}>
          {t('aheadLink', { count: FORECAST_NIGHTS })}
        </Link>
      </p>
    </>
  );
}

/** The shelters' table, a page at a time, with those that need a look first to hand. */
export async function OccupancyShelters({ view, now, badPage }: Props & { badPage: boolean }) {
  const { table, shelters, attentionCount } = view;
  const t = await getTranslations('occupancy');
  return (
    <section aria-labelledby="shelters-heading">
      <h2 id="shelters-heading">{t('sheltersTitle')}</h2>
      <p className="muted">{attentionCount > 0 ? t('needsLook', { count: attentionCount }) : t('allGood')}</p>
      {attentionCount > 0 || table.attention ? (
        <p>
          {table.attention ? (
            <Link href={viewHref(table, { attention: false, page: 1 })}>{t('showAll', { count: view.shelterCount })}</Link>
          ) : (
            <Link href={viewHref(table, { attention: true, page: 1 })}>{t('showAttention', { count: attentionCount })}</Link>
          )}
        </p>
      ) : null}
      <PageAskedFor badPage={badPage} pageOutOfRange={shelters.pageOutOfRange} pages={shelters.pages} />
      {shelters.total === 0 ? (
        <p className="empty">{t('noShelters')}</p>
      ) : (
        <ShelterTable shelters={shelters.rows} view={{ ...table, page: shelters.page }} now={now} />
      )}
      <Pager page={shelters.page} pages={shelters.pages} hrefOf={(page) => viewHref(table, { page })} />
    </section>
  );
}
