import 'server-only';
import { ForecastTable, ShelterForecastTable } from '@/components/forecast-table';
import type { ForecastView } from '@/lib/forecast/forecast-view';
import { FORECAST_NIGHTS } from '@/lib/forecast/maths';
import { getTranslations } from '@/lib/i18n/server';

/**
 * The next nights for guides and admins (never hosts: the caller's page decides), as its page's loader
 * made them (lib/forecast/forecast-view.ts), with each named shelter's expected free beds below.
 */
export async function NetworkForecast({ forecast }: { forecast: ForecastView }) {
  const t = await getTranslations('forecast');
  return (
    <section aria-labelledby="forecast-title" className="forecast-section">
      <h2 id="forecast-title">{t('title', { count: FORECAST_NIGHTS })}</h2>
      <ForecastTable nights={forecast.nights} byKind />
      {forecast.shelters.length > 0 ? (
        <ShelterForecastTable nights={forecast.nights.map((n) => n.night)} shelters={forecast.shelters} />
      ) : null}
    </section>
  );
}
