import { getTranslations } from '@/lib/i18n/server';
import type { BedCounts } from '@/lib/shelters/bed-state';

export async function BedCountsLine({ counts }: { counts: BedCounts }) {
  const t = await getTranslations('board');
  return (
    <p className="counts">
      <strong>{t('freeOf', { free: counts.free, total: counts.total - counts.outOfService })}</strong>
      {/* Surge beds apart (decision 0026): never in the free figure above. */}
      {counts.surge > 0 ? <span className="surge-count">{t('surgeFree', { free: counts.surgeFree, total: counts.surge })}</span> : null}
      {counts.reserved > 0 ? <span>{t('countReserved', { count: counts.reserved })}</span> : null}
      {counts.occupied > 0 ? <span>{t('countOccupied', { count: counts.occupied })}</span> : null}
      {counts.closed > 0 ? <span>{t('countClosed', { count: counts.closed })}</span> : null}
      {counts.outOfService > 0 ? <span>{t('countOutOfService', { count: counts.outOfService })}</span> : null}
    </p>
  );
}
