import Link from '@/components/link';
import { CityLinks } from '@/components/occupancy/city-links';
import { HistoryCharts } from '@/components/occupancy/history-charts';
import { HistoryFilters } from '@/components/occupancy/history-filters';
import { HistorySummaryList } from '@/components/occupancy/history-summary';
import { TurnedAway } from '@/components/occupancy/turned-away';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { HistoryPage } from '@/lib/occupancy/history-page';

type Shown = NonNullable<HistoryPage['shown']>;
type Props = { view: HistoryPage & { shown: Shown } };

/** A calendar day "YYYY-MM-DD" in the reader's words; it is a calendar day, so UTC. */
async function dayNames() {
  const format = await getFormatter();
  return (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { timeZone: 'UTC', dateStyle: 'medium' });
}

/** What the history is of: the network, the caller's cities, one city, or one shelter. */
async function scopeNameOf(shown: Shown) {
  const t = await getTranslations('history');
  if (shown.kind === 'network') return t('network');
  if (shown.kind === 'cities') return shown.scopeName ?? t('myCities');
  return shown.scopeName ?? '';
}

/** The heading with the export, the cities, what went wrong with the address, and the form that chooses. */
export async function HistoryHead({ view }: Props) {
  const { area, range, shown, nameAsked } = view;
  const t = await getTranslations('history');
  const dayName = await dayNames();
  const scopeName = await scopeNameOf(shown);
  const overall = shown.kind !== 'shelter';
  const cityQuery: Record<string, string> = area.city ? { city: area.city.slug } : {};
  const rangeQuery: Record<string, string> = range.preset ? { range: String(range.preset) } : { from: range.from, to: range.to };
  const query = new URLSearchParams({ shelter: shown.scopeId, ...cityQuery, ...rangeQuery });
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        {view.mayOverview ? (
          <a className="button" href={`/occupancy/export?${query}`} download>
            {t('export')}
          </a>
        ) : null}
      </div>
      <CityLinks
        area={area}
        hrefOf={(slug) => `/occupancy/history?${new URLSearchParams(slug ? { city: slug, ...rangeQuery } : rangeQuery)}`}
      />
      {nameAsked && nameAsked.count !== 1 ? (
        <div className="form-status error" role="alert">
          <p>
            {nameAsked.count === 0
              ? t('noMatch', { name: nameAsked.name })
              : t('manyMatches', { count: nameAsked.count, name: nameAsked.name })}
          </p>
          {nameAsked.count > 1 ? (
            <ul>
              {nameAsked.shelters.map((choice) => (
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
      {view.unknownShelter || range.problem ? (
        <div className="form-status error" role="alert">
          {view.unknownShelter ? <p>{t('unknownShelter')}</p> : null}
          {range.problem ? <p>{t(`problem.${range.problem}`)}</p> : null}
        </div>
      ) : null}
      <HistoryFilters
        choices={shown.choices}
        scopeName={overall ? '' : scopeName}
        allowNetwork={view.mayOverview}
        overallLabel={shown.kind === 'network' ? t('network') : scopeName}
        city={area.city?.slug}
        scopeId={shown.scopeId}
        range={range}
        rangeLinks={[7, 30, 90].map((days) => ({
          days,
          href: `/occupancy/history?${new URLSearchParams({ shelter: shown.scopeId, ...cityQuery, range: String(days) })}`,
        }))}
      />
      <p className="muted">{t('showing', { scope: scopeName, from: dayName(range.from), to: dayName(range.to), zone: view.timeZone })}</p>
    </>
  );
}

/** The figures: the summary, the charts, the households turned away (over several shelters) and how it is counted. */
export async function HistoryFigures({ view }: Props) {
  const { shown } = view;
  const t = await getTranslations('history');
  const dayName = await dayNames();
  const overall = shown.kind !== 'shelter';
  return (
    <>
      <HistorySummaryList summary={shown.summary} network={overall} />
      <HistoryCharts days={shown.days} network={overall} />
      {shown.turnedAway ? <TurnedAway totals={shown.turnedAway} /> : null}
      {shown.unmetCountedFrom ? <p className="muted">{t('unmetByCityFrom', { day: dayName(shown.unmetCountedFrom) })}</p> : null}
      <p className="muted small">
        {t('rule')} <Link href="/occupancy">{t('nowLink')}</Link>
      </p>
    </>
  );
}
