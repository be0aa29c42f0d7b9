import 'server-only';
import { getTranslations } from 'next-intl/server';
import { ForecastTable, ShelterForecastTable } from '@/components/forecast-table';
import { getDb } from '@/db';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast, FORECAST_NIGHTS } from '@/lib/forecast/maths';
import { networkNights, shelterNights } from '@/lib/forecast/view';

/**
 * The next nights for guides and admins (never hosts: the caller's page decides), with `shelters` the
 * per-shelter expected free beds of the shelters named. `cityIds` narrows the whole forecast, beds and
 * demand, to those cities (the caller's, or the one chosen on the page); null or absent: the network,
 * for all-city staff only.
 */
export async function NetworkForecast({
  now,
  shelters,
  cityIds = null,
}: {
  now: Date;
  shelters?: { id: string; name: string }[];
  cityIds?: readonly string[] | null;
}) {
  const t = await getTranslations('forecast');
  const result = forecast(loadForecastInput(getDb(), now, { cityIds }));
  const nights = networkNights(result);
  return (
    <section aria-labelledby="forecast-title" className="forecast-section">
      <h2 id="forecast-title">{t('title', { count: FORECAST_NIGHTS })}</h2>
      <ForecastTable nights={nights} byKind />
      {shelters && shelters.length > 0 ? (
        <ShelterForecastTable nights={nights.map((n) => n.night)} shelters={shelterNights(result, shelters)} />
      ) : null}
    </section>
  );
}
