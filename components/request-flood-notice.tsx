import { getTranslations } from 'next-intl/server';
import Link from '@/components/link';
import { getDb } from '@/db';
import { readNetworkSettings } from '@/lib/requests/settings';
import { requestFlood } from '@/lib/requests/throttle';
import { RATE_LIMITS } from '@/lib/security/rate-limits';

/**
 * Tells an admin on the queue page that the public form is being flooded: past the ceiling the form
 * stays open (lib/requests/throttle.ts), so someone has to look at what is coming in.
 */
export async function RequestFloodNotice({ now }: { now: Date }) {
  const db = getDb();
  const { requestsPerHour } = readNetworkSettings(db);
  const flood = requestFlood(db, requestsPerHour, now);
  if (!flood) return null;
  const t = await getTranslations('requests');
  return (
    <section className="form-status error" role="status" aria-labelledby="flood-title">
      <p id="flood-title">{t('floodTitle')}</p>
      <p>
        {t('flood', {
          requests: flood.requests,
          networks: flood.networks,
          ceiling: requestsPerHour,
          perNetwork: RATE_LIMITS['request.floodedNetwork'].refuse,
        })}
      </p>
      <p>
        <Link href="/settings">{t('floodSettings')}</Link>
      </p>
    </section>
  );
}
