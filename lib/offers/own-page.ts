import type { Db } from '@/db';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { listCities } from '@/lib/cities/cities';
import { retentionDays } from '@/lib/privacy/retention';
import { offerByToken, rangesOf } from './own-offer';

/**
 * The private page of an offer, from its link: what was offered, where it stands, and the values
 * its edit form starts from. Null for a link that does not work. Never the link's hash.
 */
export function ownOfferPage(db: Db, token: string, locale: string) {
  const offer = offerByToken(db, token);
  if (!offer) return null;
  const ranges = rangesOf(db, offer.id);
  const city = listCities(db, locale).find((one) => one.id === offer.cityId);
  return {
    reference: offer.reference,
    status: offer.status,
    city: city?.name ?? '—',
    timeZone: city?.timeZone ?? NETWORK_TIME_ZONE,
    endedAt: offer.endedAt,
    retentionDays: retentionDays(db),
    values: {
      cityId: offer.cityId,
      kind: offer.kind,
      capacity: String(offer.capacity),
      guests: offer.guests,
      languages: offer.languages,
      pets: offer.pets ? 'on' : '',
      stepFree: offer.stepFree ? 'on' : '',
      longestNights: String(offer.longestNights),
      contact: offer.contact ?? '',
      note: offer.note ?? '',
      ...Object.fromEntries(
        ranges.flatMap((range, i) => [
          [`from${i + 1}`, range.firstNight],
          [`to${i + 1}`, range.lastNight],
        ]),
      ),
    } as Record<string, string | string[]>,
  };
}

export type OwnOfferPage = NonNullable<ReturnType<typeof ownOfferPage>>;
