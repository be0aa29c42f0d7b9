import { getFormatter, getTranslations } from '@/lib/i18n/server';

/** "confirmed 2 hours ago", with the exact time in the shelter's own time zone. */
export async function ConfirmedAgo({ at, now, timeZone }: { at: Date | null; now: Date; timeZone: string }) {
  const t = await getTranslations('shelter');
  const format = await getFormatter();
  if (!at) return <span className="confirmed stale">{t('neverConfirmed')}</span>;
  const stale = now.getTime() - at.getTime() > 24 * 3600_000;
  const exact = format.dateTime(at, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return (
    <span className={stale ? 'confirmed stale' : 'confirmed'}>
      {t('confirmedAgo', { ago: format.relativeTime(at, now) })}{' '}
      <time dateTime={at.toISOString()} className="muted">
        ({exact})
      </time>
    </span>
  );
}
