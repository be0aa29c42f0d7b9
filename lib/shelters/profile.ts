import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelterTexts, shelters, TEXT_LOCALES } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed } from '@/lib/errors';
import type { ShelterProfileInput } from '@/lib/validation/shelter';
import { editableShelter } from './access';

export function updateShelterProfile(db: Db, user: StaffUser, input: ShelterProfileInput, now: Date): void {
  const shelter = editableShelter(db, user, input.shelterId);
  if ((input.latitude === null) !== (input.longitude === null)) {
    throw new DomainError('coordinatesPair', input.latitude === null ? 'latitude' : 'longitude');
  }
  if (input.longestNights !== null && input.longestNights < input.usualNights) throw new DomainError('longestBelowUsual', 'longestNights');
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
      listedPublicly: input.listedPublicly,
      checkInFrom: input.checkInFrom,
      checkInUntil: input.checkInUntil,
      holdHours: input.holdHours,
      usualNights: input.usualNights,
      longestNights: input.longestNights,
      checkOutBy: input.checkOutBy,
      timeZone: input.timeZone,
      status: input.status,
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

export function createShelter(db: Db, user: StaffUser, input: { name: string; district: string }, now: Date): string {
  if (user.role !== 'admin') throw notAllowed();
  const shelter = db.insert(shelters).values({ name: input.name, district: input.district, status: 'paused' }).returning().get();
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
