import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import Link from '@/components/link';
import { CityLinks } from '@/components/occupancy/city-links';
import { HistoryCharts } from '@/components/occupancy/history-charts';
import { HistoryFilters } from '@/components/occupancy/history-filters';
import { HistorySummaryList } from '@/components/occupancy/history-summary';
import { TurnedAway } from '@/components/occupancy/turned-away';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { localDay } from '@/lib/calendar/days';
import { occupancyArea } from '@/lib/occupancy/area';
import { occupancyHistory } from '@/lib/occupancy/history';
import { historyRange } from '@/lib/occupancy/range';
import { historyShelters, PICKER_LIMIT, resolveScope, sheltersNamed } from '@/lib/occupancy/scope';
import { summarize } from '@/lib/occupancy/summary';
import { totalUnmet, unmetByCityFrom, unmetHistory } from '@/lib/occupancy/unmet';
import { firstParam, type SearchParams } from '@/lib/search-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'occupancy.history')) notFound();
  const params = await searchParams;
  const db = getDb();
  const now = new Date();
  const t = await getTranslations('history');
  const format = await getFormatter();
  // An admin of some cities reads only their cities' shelters and totals; ?city= narrows to one.
  const area = occupancyArea(db, user, firstParam(params.city), await getLocale());
  const choices = historyShelters(db, user, area.cityIds);
  // A large network's form asks for a name instead of offering a thousand options.
  const name = firstParam(params.name)?.trim();
  const named = name ? sheltersNamed(choices, name) : [];
  const requested = name === undefined ? firstParam(params.shelter) : named.length === 1 ? named[0].id : 'network';
  const { scope, timeZone, unknownShelter } = resolveScope(user, choices, requested, area);
  const range = historyRange(params, localDay(now.getTime(), timeZone));
  if (!scope) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="empty">{t('noShelters')}</p>
      </>
    );
  }
  const days = occupancyHistory(db, scope, range.from, range.to, now);
  // Totals over several shelters: the network's, or (for a city or an admin of some cities) the cities'.
  const overall = scope === 'network' || 'cityIds' in scope;
  const scopeId = overall ? 'network' : scope.shelterId;
  const onlyCity = area.city ?? (area.cityIds?.length === 1 ? area.cities.find((city) => city.id === area.cityIds![0]) : undefined);
  const scopeName =
    scope === 'network'
      ? t('network')
      : 'cityIds' in scope
        ? (onlyCity?.name ?? t('myCities'))
        : choices.find((choice) => choice.id === scopeId)?.name;
  const cityQuery: Record<string, string> = area.city ? { city: area.city.slug } : {};
  const rangeQuery: Record<string, string> = range.preset ? { range: String(range.preset) } : { from: range.from, to: range.to };
  const query = new URLSearchParams({ shelter: scopeId, ...cityQuery, ...rangeQuery });
  // Households turned away: the network's, or the cities' (counted city by city since migration 0011).
  const cityIds = scope !== 'network' && 'cityIds' in scope ? scope.cityIds : null;
  const countedFrom = cityIds ? unmetByCityFrom(db, range.from, range.to) : null;
  const dayName = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' });
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        {can(user, 'occupancy.overview') ? (
          <a className="button" href={`/occupancy/export?${query}`} download>
            {t('export')}
          </a>
        ) : null}
      </div>
      <CityLinks
        area={area}
        hrefOf={(slug) => `/occupancy/history?${new URLSearchParams(slug ? { city: slug, ...rangeQuery } : rangeQuery)}`}
      />
      {name && named.length !== 1 ? (
        <div className="form-status error" role="alert">
          <p>{named.length === 0 ? t('noMatch', { name }) : t('manyMatches', { count: named.length, name })}</p>
          {named.length > 1 ? (
            <ul>
              {named.slice(0, 20).map((choice) => (
                <li key={choice.id}>
                  <Link
                    href={`/occupancy/history?${new URLSearchParams({ shelter: choice.id, ...cityQuery, from: range.from, to: range.to })}`}
                  >
                    {choice.name}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {unknownShelter || range.problem ? (
        <div className="form-status error" role="alert">
          {unknownShelter ? <p>{t('unknownShelter')}</p> : null}
          {range.problem ? <p>{t(`problem.${range.problem}`)}</p> : null}
        </div>
      ) : null}
      <HistoryFilters
        choices={choices.length > PICKER_LIMIT ? null : choices}
        scopeName={overall ? '' : (scopeName ?? '')}
        allowNetwork={can(user, 'occupancy.overview')}
        overallLabel={scope === 'network' ? t('network') : (scopeName ?? '')}
        city={area.city?.slug}
        scopeId={scopeId}
        range={range}
        rangeLinks={[7, 30, 90].map((days) => ({
          days,
          href: `/occupancy/history?${new URLSearchParams({ shelter: scopeId, ...cityQuery, range: String(days) })}`,
        }))}
      />
      <p className="muted">{t('showing', { scope: scopeName ?? '', from: dayName(range.from), to: dayName(range.to), zone: timeZone })}</p>
      <HistorySummaryList summary={summarize(days)} network={overall} />
      <HistoryCharts days={days} network={overall} />
      {overall ? <TurnedAway totals={totalUnmet(unmetHistory(db, range.from, range.to, now, cityIds))} /> : null}
      {countedFrom ? <p className="muted">{t('unmetByCityFrom', { day: dayName(countedFrom) })}</p> : null}
      <p className="muted small">
        {t('rule')} <Link href="/occupancy">{t('nowLink')}</Link>
      </p>
    </>
  );
}
