import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { beds, offerRanges, offers, rooms, shelters, type OfferRow } from '@/db/schema';
import type { OfferGuests, RoomKind } from '@/db/schema/enums';
import { recordAudit } from '@/lib/audit';
import { tonightIn } from '@/lib/calendar/nights';
import { cityById } from '@/lib/cities/cities';
import { DomainError } from '@/lib/errors';
import { homeHeldByWord } from '@/lib/guest-word/look';
import { keepToDates } from './dates';

/** Who the offer is for, as the kind of its one room: the safe-rooms rule then applies to homes as to shelters. */
export const ROOM_KIND_OF: Record<OfferGuests, RoomKind> = { men: 'men', women: 'women', families: 'family', anyone: 'mixed' };

/** A bed taken out of a home because the offer now has fewer places; back in service if it grows again. */
export const NOT_OFFERED = 'Not offered now';

/** Where a home's guests go, learned by phone while vetting: the offer itself asks no address. */
export type HomePlace = { address: string; district: string };

/**
 * The offer, now active, as a shelter of kind "home" in its city: one room of the offer's kind with
 * `capacity` beds, its dates as the only nights it takes guests. A second activation reuses the home
 * (offers.shelter_id) and brings it in line with the offer as it now stands; the address then stays
 * as the host may have changed it, unless staff give a new one. Returns the home's id.
 */
export function homeFromOffer(db: Db, actorId: string | null, offer: OfferRow, place: HomePlace | undefined, now: Date): string {
  const existing = offer.shelterId ? db.select().from(shelters).where(eq(shelters.id, offer.shelterId)).get() : undefined;
  if (!existing && !place?.address) throw new DomainError('homeAddressRequired', 'address');
  if (!existing && !place?.district) throw new DomainError('homeDistrictRequired', 'district');
  const city = cityById(db, offer.cityId);
  if (!city) throw new DomainError('notFound');
  const values = {
    languages: offer.languages,
    acceptsPets: offer.pets,
    acceptsFamilies: offer.guests === 'families' || offer.guests === 'anyone',
    wheelchairAccessible: offer.stepFree,
    longestNights: offer.longestNights,
    usualNights: Math.min(3, offer.longestNights),
    // The offer's city may have changed while it was not active: the home follows it, and its clock.
    cityId: offer.cityId,
    timeZone: city.timeZone,
    // A guest's "something was wrong" holds it paused until the city's staff have looked (decision
    // 0027), whoever makes the offer active again meanwhile.
    status: existing && homeHeldByWord(db, existing.id) ? ('paused' as const) : ('open' as const),
    listedPublicly: false,
    ...(place?.address ? { address: place.address } : {}),
    ...(place?.district ? { district: place.district } : {}),
  };
  const shelterId = existing
    ? db.update(shelters).set(values).where(eq(shelters.id, existing.id)).returning({ id: shelters.id }).get()!.id
    : db
        .insert(shelters)
        .values({ ...values, name: offer.reference, kind: 'home', district: place!.district, createdAt: now })
        .returning({ id: shelters.id })
        .get().id;
  keepRoom(db, shelterId, offer, now);
  keepToDates(db, shelterId, rangesOf(db, offer.id), tonightIn(city.timeZone, now), now);
  if (!existing) db.update(offers).set({ shelterId }).where(eq(offers.id, offer.id)).run();
  recordAudit(db, {
    at: now,
    actorId,
    actorKind: actorId ? 'staff' : 'guest',
    action: existing ? 'home.reopen' : 'home.create',
    entity: 'shelter',
    entityId: shelterId,
    shelterId,
  });
  return shelterId;
}

const rangesOf = (db: Db, offerId: string) =>
  db
    .select({ firstNight: offerRanges.firstNight, lastNight: offerRanges.lastNight })
    .from(offerRanges)
    .where(eq(offerRanges.offerId, offerId))
    .all();

/** The home's one room as the offer stands: its kind, step-free or not, and `capacity` beds in service. */
function keepRoom(db: Db, shelterId: string, offer: OfferRow, now: Date): void {
  const kind = ROOM_KIND_OF[offer.guests];
  let room = db
    .select()
    .from(rooms)
    .where(eq(rooms.shelterId, shelterId))
    .orderBy(sql`rowid`)
    .limit(1)
    .get();
  if (room) db.update(rooms).set({ kind, accessible: offer.stepFree }).where(eq(rooms.id, room.id)).run();
  else room = db.insert(rooms).values({ shelterId, name: offer.kind, kind, accessible: offer.stepFree, createdAt: now }).returning().get();
  const own = db
    .select()
    .from(beds)
    .where(eq(beds.roomId, room.id))
    .orderBy(sql`rowid`)
    .all();
  // The first `capacity` beds serve; those beyond it are out of service, kept for the stays that used them.
  own.forEach((bed, i) => {
    const offered = i < offer.capacity;
    if (offered && bed.outOfServiceReason === NOT_OFFERED)
      db.update(beds).set({ outOfServiceReason: null }).where(eq(beds.id, bed.id)).run();
    if (!offered && bed.outOfServiceReason === null)
      db.update(beds).set({ outOfServiceReason: NOT_OFFERED }).where(eq(beds.id, bed.id)).run();
  });
  if (own.length < offer.capacity) {
    db.insert(beds)
      .values(
        Array.from({ length: offer.capacity - own.length }, (_, i) => ({
          roomId: room.id,
          label: String(own.length + i + 1),
          createdAt: now,
        })),
      )
      .run();
  }
}

/** The home an offer became, if it has one still. */
export const homeOf = (db: Db, offer: Pick<OfferRow, 'shelterId'>) =>
  offer.shelterId
    ? db
        .select({ id: shelters.id, status: shelters.status })
        .from(shelters)
        .where(and(eq(shelters.id, offer.shelterId), eq(shelters.kind, 'home')))
        .get()
    : undefined;
