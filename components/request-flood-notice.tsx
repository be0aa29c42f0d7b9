import Link from '@/components/link';
import { getTranslations } from '@/lib/i18n/server';
import type { FloodView } from '@/lib/requests/flood-view';

/**
 * Tells an admin on the queue page that the public form is being flooded: past the ceiling the form
 * stays open (lib/requests/throttle.ts), so someone has to look at what is coming in.
 */
export async function RequestFloodNotice({ flood }: { flood: FloodView }) {
  const t = await getTranslations('requests');
  return (
    <section className="form-status error" role="status" aria-labelledby="flood-title">
      <p id="flood-title">{t('floodTitle')}</p>
      <p>{t('flood', flood)}</p>
      <p>
        <Link href="/settings">{t('floodSettings')}</Link>
      </p>
    </section>
  );
}
