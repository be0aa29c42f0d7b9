import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { HistorySummary } from '@/lib/occupancy/summary';

/** The window in a few figures, each a term and its value. */
export async function HistorySummaryList({ summary, network }: { summary: HistorySummary; network: boolean }) {
  const t = await getTranslations('history');
  const format = await getFormatter();
  const none = '–';
  const wait = summary.medianWaitMinutes === null ? null : Math.round(summary.medianWaitMinutes);
  const figures: [string, string][] = [
    [
      t('rate'),
      summary.occupancyRate === null ? none : format.number(summary.occupancyRate, { style: 'percent', maximumFractionDigits: 0 }),
    ],
    ...(network ? [[t('registered'), format.number(summary.registered)] as [string, string]] : []),
    [t('placed'), format.number(summary.placed)],
    [t('checkedIn'), format.number(summary.checkedIn)],
    [t('checkedOut'), format.number(summary.checkedOut)],
    [t('noShows'), format.number(summary.noShows)],
    [
      t('averageStay'),
      summary.averageStayDays === null
        ? none
        : t('daysValue', { days: format.number(summary.averageStayDays, { maximumFractionDigits: 1 }) }),
    ],
    [
      t('medianWait'),
      wait === null
        ? none
        : wait < 60
          ? t('minutesValue', { minutes: wait })
          : t('hoursValue', { hours: Math.floor(wait / 60), minutes: wait % 60 }),
    ],
  ];
  return (
    <dl className="figures">
      {figures.map(([term, value]) => (
        <div key={term} className="figure">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
