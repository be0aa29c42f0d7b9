'use client';

import { useTranslations } from 'next-intl';
import { useNightFormat } from '@/components/nights';
import { addNights, nightCount } from '@/lib/calendar/nights';
import type { StayView } from '@/lib/households/queries';

type Stay = Pick<StayView, 'status' | 'shelterName' | 'firstNight' | 'departure'>;

/**
 * What has become of the household, first on its page: booked (where, which nights) or staying. A
 * live region, so the line a reservation brings is read out; a waiting household has none (the
 * registration banner and the suggestions say that).
 */
export function StayStatusLine({ stay }: { stay: Stay | null }) {
  const t = useTranslations('placement');
  const { range } = useNightFormat();
  const values = stay && {
    shelter: stay.shelterName,
    count: nightCount(stay),
    range: range(stay.firstNight, addNights(stay.departure, -1)),
    departure: new Date(`${stay.departure}T12:00:00Z`),
  };
  return (
    <p role="status" className={values ? 'status-line form-status ok' : 'status-line'}>
      {values ? t(stay.status === 'reserved' ? 'statusBooked' : 'statusStaying', values) : null}
    </p>
  );
}
