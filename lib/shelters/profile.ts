import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters, shelterTexts, TEXT_LOCALES } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { heldCity } from '@/lib/cities/choice';
import { DomainError, notAllowed } from '@/lib/errors';
import { homeHeldByWord } from '@/lib/guest-word/look';
import type { NewShelterInput, ShelterProfileInput } from '@/lib/validation/shelter';
import { editableShelter } from './access';

export function updateShelterProfile(db: Db, user: StaffUser, input: ShelterProfileInput, now: Date): void {
  const shelter = editableShelter(db, user, input.shelterId);
  const cityId = cityAfterEdit(db, user, shelter.cityId, input.cityId);
  if ((input.latitude === null) !== (input.longitude === null)) {
    throw new DomainError('coordinatesPair', input.latitude === null ? 'latitude' : 'longitude');
  }
  if (input.longestNights !== null && input.longestNights < input.usualNights) throw new DomainError('longestBelowUsual', 'longestNights');
  // A home a guest's "something was wrong" paused opens again only once the city's staff have looked.
  if (shelter.status !== 'open' && input.status === 'open' && homeHeldByWord(db, shelter.id))
    throw new DomainError('heldByGuestWord', 'status');
  // A home opens with its offer (lib/homes): its host may pause it, not open it while the offer is not active.
  if (shelter.kind === 'home' && input.status === 'open' && shelter.status !== 'open')
    throw new DomainError('homeOpensWithOffer', 'status');
  db.update(shelters)
    .set({
      name: input.name,
      district: input.district,
      address: input.address,
      latitude: input.latitude,
      longitude: input.longitude,
      phone: input.phone,
      telegram: input.telegram,
      whatsapp: input.whatsapp,
      languages: input.languages,
      amenities: input.amenities,
      acceptsFamilies: input.acceptsFamilies,
      acceptsPets: input.acceptsPets,
      wheelchairAccessible: input.wheelchairAccessible,
      // A home is never on the public list, whatever the form says.
      listedPublicly: shelter.kind === 'home' ? false : input.listedPublicly,
      checkInFrom: input.checkInFrom,
      checkInUntil: input.checkInUntil,
      holdHours: input.holdHours,
      usualNights: input.usualNights,
      longestNights: input.longestNights,
      checkOutBy: input.checkOutBy,
      timeZone: input.timeZone,
      status: input.status,
      cityId: shelter.kind === 'home' ? shelter.cityId : cityId,
    })
    .where(eq(shelters.id, shelter.id))
    .run();
  for (const locale of TEXT_LOCALES) {
    const texts = {
      directions: input[`directions_${locale}`],
      houseRules: input[`houseRules_${locale}`],
      whatToBring: input[`whatToBring_${locale}`],
    };
    db.insert(shelterTexts)
      .values({ shelterId: shelter.id, locale, ...texts })
      .onConflictDoUpdate({ target: [shelterTexts.shelterId, shelterTexts.locale], set: texts })
      .run();
  }
  recordAudit(db, { at: now, actorId: user.id, action: 'shelter.update', entity: 'shelter', entityId: shelter.id, shelterId: shelter.id });
}

/**
 * The shelter's city after a profile save: unchanged when the form named none or the same one; moving
 * it is for admins, into a city they hold.
 */
function cityAfterEdit(db: Db, user: StaffUser, current: string | null, asked: string | undefined): string | null {
  if (asked === undefined || asked === current) return current;
  if (!can(user, 'shelter.relocate')) throw new DomainError('notAllowed', 'cityId');
  return heldCity(db, user, asked, 'cityId').id;
}

/** A new shelter, paused until its host fills it in, in the caller's chosen city and that city's time zone. */
export function createShelter(db: Db, user: StaffUser, input: NewShelterInput, now: Date): string {
  if (!can(user, 'shelter.create')) throw notAllowed();
  const city = heldCity(db, user, input.cityId, 'cityId');
  const shelter = db
    .insert(shelters)
    .values({ name: input.name, district: input.district, status: 'paused', cityId: city.id, timeZone: city.timeZone })
    .returning()
    .get();
  recordAudit(db, { at: now, actorId: user.id, action: 'shelter.create', entity: 'shelter', entityId: shelter.id, shelterId: shelter.id });
  return shelter.id;
}

/** "Availability is correct": the host vouches for the board as it stands now. */
export function confirmAvailability(db: Db, user: StaffUser, shelterId: string, now: Date): void {
  const shelter = editableShelter(db, user, shelterId);
  db.update(shelters).set({ lastConfirmedAt: now }).where(eq(shelters.id, shelter.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'shelter.confirm', entity: 'shelter', entityId: shelter.id, shelterId: shelter.id });
}

export function shelterTextsByLocale(db: Db, shelterId: string) {
  const rows = db.select().from(shelterTexts).where(eq(shelterTexts.shelterId, shelterId)).all();
  return Object.fromEntries(rows.map((row) => [row.locale, row]));
}
