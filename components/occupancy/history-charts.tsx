import { DataTable } from '@/components/charts/data-table';
import { LineChart } from '@/components/charts/line-chart';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { DayFigures } from '@/lib/occupancy/maths';
import { occupancyRate } from '@/lib/occupancy/summary';

const FLOWS = ['registered', 'placed', 'checkedIn', 'checkedOut', 'noShows'] as const;

/** Occupancy and the day's comings and goings, each as a chart with its numbers behind a toggle. */
export async function HistoryCharts({ days, network }: { days: DayFigures[]; network: boolean }) {
  const t = await getTranslations('history');
  const format = await getFormatter();
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { timeZone: 'UTC', day: 'numeric', month: 'short' });
  const labels = days.map((day) => dayLabel(day.day));
  const percent = (value: number | null) => (value === null ? '–' : format.number(value, { style: 'percent', maximumFractionDigits: 0 }));
  const rates = days.map((day) => occupancyRate(day));
  // A shelter's history has no registrations of its own: households are registered with the network.
  const flows = FLOWS.filter((flow) => network || flow !== 'registered');
  const range = { from: dayLabel(days[0].day), to: dayLabel(days[days.length - 1].day) };
  const peak = Math.max(0, ...rates.map((rate) => rate ?? 0));
  // Surge beds (decision 0026) are apart from the beds in service and the rate: two columns of their own, when there were any.
  const surge = days.some((day) => day.surgeBeds > 0 || day.surgeOccupied > 0);
  // Private homes (decision 0025) count in the totals, and apart here, when there were any.
  const homes = days.some((day) => day.homeBeds > 0 || day.homeOccupied > 0);
  return (
    <>
      <section className="card" aria-labelledby="rate-heading">
        <h2 id="rate-heading">{t('rateTitle')}</h2>
        <LineChart
          id="rate"
          title={t('rateChart', range)}
          description={t('rateDescription', { peak: percent(peak), days: days.length })}
          xLabel={t('dayAxis')}
          yLabel={t('rateAxis')}
          labels={labels}
          yMax={1}
          formatY={(value) => percent(value)}
          series={[{ name: t('rateTitle'), values: rates, className: 'series-rate' }]}
        />
        <DataTable
          summary={t('showData')}
          caption={t('rateTable')}
          columns={[
            t('day'),
            t('inService'),
            t('occupied'),
            t('reserved'),
            t('outOfService'),
            t('rate'),
            ...(surge ? [t('surgeBeds'), t('surgeOccupied')] : []),
            ...(homes ? [t('homeBeds'), t('homeOccupied')] : []),
          ]}
          rows={days.map((day, i) => [
            labels[i],
            day.bedsInService,
            day.occupied,
            day.reserved,
            day.outOfService,
            percent(rates[i]),
            ...(surge ? [day.surgeBeds, day.surgeOccupied] : []),
            ...(homes ? [day.homeBeds, day.homeOccupied] : []),
          ])}
        />
      </section>
      <section className="card" aria-labelledby="flow-heading">
        <h2 id="flow-heading">{t('flowTitle')}</h2>
        <LineChart
          id="flow"
          title={t('flowChart', range)}
          description={t('flowDescription', { days: days.length })}
          xLabel={t('dayAxis')}
          yLabel={t('flowAxis')}
          labels={labels}
          series={flows.map((flow) => ({ name: t(flow), values: days.map((day) => day[flow]), className: `series-${flow}` }))}
        />
        <DataTable
          summary={t('showData')}
          caption={t('flowTable')}
          columns={[t('day'), ...flows.map((flow) => t(flow))]}
          rows={days.map((day, i) => [labels[i], ...flows.map((flow) => day[flow])])}
        />
      </section>
    </>
  );
}
