import Link from '@/components/link';
import type { HomeAlert } from '@/lib/homes/alerts';
import { getTranslations } from '@/lib/i18n/server';

/** The guide's bookings in homes that stopped taking guests: told at once, at the top of their queue. */
export async function HomeAlerts({ alerts }: { alerts: HomeAlert[] }) {
  if (alerts.length === 0) return null;
  const t = await getTranslations('queuePage');
  return (
    <section className="card" aria-labelledby="home-alerts" role="status">
      <h2 id="home-alerts">{t('homeAlertsTitle')}</h2>
      <ul className="stay-list">
        {alerts.map((alert) => (
          <li key={alert.householdId}>
            <Link href={`/arrivals/${alert.householdId}`}>{alert.alias ?? t('homeAlertNoAlias')}</Link>{' '}
            {t(alert.closed ? 'homeAlertClosed' : 'homeAlertPaused', { home: alert.home })}
          </li>
        ))}
      </ul>
    </section>
  );
}
