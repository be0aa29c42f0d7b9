import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { offerRanges, offers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { cityById } from '@/lib/cities/cities';
import { DomainError } from '@/lib/errors';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { spendStamp, stampSpent } from '@/lib/requests/used-stamps';
import type { OfferInput } from '@/lib/validation/offer';
import { offerLimitReached, recordOffer } from './limits';

/** How far ahead a range may reach: a year is already more than any plan holds. */
export const OFFER_DAYS_AHEAD = 365;
export type OfferRefusal = 'stampUsed' | 'tooManyOffers';

// Letters and digits that cannot be misread over the phone (no 0/O, 1/I/L).
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newReference = () => {
  const chars = Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 3)}-${chars.slice(3)}`;
};

/**
 * The offer's city, with its dates checked on that city's calendar: no range may begin before
 * tonight there, nor end more than a year ahead. A refusal names the field to fix.
 */
export function checkedCity(db: Db, input: Pick<OfferInput, 'cityId' | 'ranges'>, now: Date) {
  const city = cityById(db, input.cityId);
  if (!city) throw new DomainError('unknownCity', 'cityId');
  const tonight = tonightIn(city.timeZone, now);
  for (const [i, range] of input.ranges.entries()) {
    if (range.firstNight < tonight) throw new DomainError('pastDate', range.field);
    if (range.lastNight > addNights(tonight, OFFER_DAYS_AHEAD)) throw new DomainError('tooFarAhead', `to${i + 1}`);
  }
  return city;
}

/** The offer's own columns from the form's input (the city checked apart). */
export const offerValues = (input: OfferInput) => ({
  cityId: input.cityId,
  kind: input.kind,
  capacity: input.capacity,
  guests: input.guests,
  languages: input.languages,
  pets: input.pets,
  stepFree: input.stepFree,
  longestNights: input.longestNights,
  contact: input.contact,
  note: input.note,
});

/** Its date ranges, in the order given. */
export function writeRanges(db: Db, offerId: string, ranges: OfferInput['ranges']): void {
  db.delete(offerRanges).where(eq(offerRanges.offerId, offerId)).run();
  for (const [position, { firstNight, lastNight }] of ranges.entries())
    db.insert(offerRanges).values({ offerId, position, firstNight, lastNight }).run();
}

function unusedReference(db: Db): string {
  for (;;) {
    const reference = newReference();
    if (!db.select({ id: offers.id }).from(offers).where(eq(offers.reference, reference)).get()) return reference;
  }
}

/**
 * A place offered on the public form, in the caller's write transaction: the stamp is checked and
 * spent, and the address's and network's limits checked and counted, in the same transaction, as a
 * request's are (lib/requests/self-register.ts). Returns the private link, shown once.
 */
export function submitOffer(
  db: Db,
  input: OfferInput,
  client: { address: string; stamp: string },
  now: Date,
): { token: string; reference: string } | { refusal: OfferRefusal } {
  checkedCity(db, input, now);
  if (stampSpent(db, client.stamp)) return { refusal: 'stampUsed' };
  if (offerLimitReached(db, client.address, now)) return { refusal: 'tooManyOffers' };
  const token = newLinkToken();
  const reference = unusedReference(db);
  const { id } = db
    .insert(offers)
    .values({ ...offerValues(input), reference, tokenHash: hashLinkToken(token), updatedAt: now, statusChangedAt: now, createdAt: now })
    .returning({ id: offers.id })
    .get();
  writeRanges(db, id, input.ranges);
  recordOffer(db, client.address, now);
  spendStamp(db, client.stamp, now);
  recordAudit(db, { at: now, actorId: null, actorKind: 'guest', action: 'offer.submit', entity: 'offer', entityId: id });
  return { token, reference };
}
