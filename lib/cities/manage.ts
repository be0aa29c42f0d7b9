import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, cities, cityNames, invitationCities, shelters, staffCities, type TextLocale } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed } from '@/lib/errors';
import type { CityInput } from '@/lib/validation/city';
import { slugOf } from './slug';

/**
 * Who may do what with cities: an admin of every city creates, edits and deletes them; an admin who
 * holds some cities edits only those (their names, zone, contact) and creates or deletes none, since a
 * new city would be outside their own reach and a deleted one would leave its staff holding nothing.
 */
export const mayCreateCities = (user: StaffUser) => can(user, 'city.create');
export const mayEditCity = (user: StaffUser, cityId: string) => can(user, 'city.edit', { city: cityId });

const NAME_FIELDS: Record<TextLocale, keyof CityInput> = { en: 'nameEn', ru: 'nameRu', tr: 'nameTr', uk: 'nameUk' };

/** A city as its admin form shows it: every name, the zone, the contact, and how many shelters it has. */
export type CityForm = {
  id: string;
  slug: string;
  timeZone: string;
  names: Partial<Record<TextLocale, string>>;
  contactPhone: string | null;
  contactTelegram: string | null;
  contactWhatsapp: string | null;
  shelterCount: number;
};

/** The cities this admin may edit, oldest first. */
export function citiesToManage(db: Db, user: StaffUser): CityForm[] {
  if (!can(user, 'city.edit')) return [];
  const rows = db
    .select()
    .from(cities)
    .orderBy(cities.createdAt)
    .all()
    .filter((city) => mayEditCity(user, city.id));
  const names = db.select().from(cityNames).all();
  const counts = new Map(
    db
      .select({ cityId: shelters.cityId, n: count() })
      .from(shelters)
      .groupBy(shelters.cityId)
      .all()
      .map((row) => [row.cityId, row.n]),
  );
  return rows.map((city) => ({
    id: city.id,
    slug: city.slug,
    timeZone: city.timeZone,
    names: Object.fromEntries(names.filter((row) => row.cityId === city.id).map((row) => [row.locale, row.name])),
    contactPhone: city.contactPhone,
    contactTelegram: city.contactTelegram,
    contactWhatsapp: city.contactWhatsapp,
    shelterCount: counts.get(city.id) ?? 0,
  }));
}

/** The address word asked for, or the English name's; refused when another city has it. */
function freeSlug(db: Db, input: CityInput, exceptId?: string): string {
  const slug = input.slug ?? slugOf(input.nameEn);
  const clash = db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get();
  if (clash && clash.id !== exceptId) throw new DomainError('citySlugTaken', 'slug', { slug });
  return slug;
}

function writeNames(db: Db, cityId: string, input: CityInput) {
  for (const [locale, field] of Object.entries(NAME_FIELDS) as [TextLocale, keyof CityInput][]) {
    const name = input[field] as string | null;
    if (name) {
      db.insert(cityNames)
        .values({ cityId, locale, name })
        .onConflictDoUpdate({ target: [cityNames.cityId, cityNames.locale], set: { name } })
        .run();
    } else {
      db.delete(cityNames)
        .where(and(eq(cityNames.cityId, cityId), eq(cityNames.locale, locale)))
        .run();
    }
  }
}

const contactOf = (input: CityInput) => ({
  contactPhone: input.contactPhone,
  contactTelegram: input.contactTelegram,
  contactWhatsapp: input.contactWhatsapp,
});

export function createCity(db: Db, user: StaffUser, input: CityInput, now: Date): string {
  if (!mayCreateCities(user)) throw notAllowed();
  const slug = freeSlug(db, input);
  const city = db
    .insert(cities)
    .values({ slug, timeZone: input.timeZone, ...contactOf(input), createdAt: now })
    .returning({ id: cities.id })
    .get();
  writeNames(db, city.id, input);
  recordAudit(db, { at: now, actorId: user.id, action: 'city.create', entity: 'city', entityId: city.id });
  return city.id;
}

/** An unknown city and one the caller does not hold are refused alike, so ids cannot be probed. */
function editableCity(db: Db, user: StaffUser, cityId: string) {
  const city = db.select().from(cities).where(eq(cities.id, cityId)).get();
  if (!city || !mayEditCity(user, city.id)) throw notAllowed();
  return city;
}

/** What a new clock changed: the shelters that moved with it, and the households whose times now read in it. */
export type ClockChange = { timeZone: string; shelters: number; households: number };

/**
 * Renames a city, moves its address word or changes its zone and contact. Shelters on the city's old
 * clock move to the new one (a shelter given a zone of its own keeps it). Times already given are
 * moments, kept as they are: an arrival at 14:00 on the old clock reads 15:00 on one an hour ahead.
 */
export function updateCity(db: Db, user: StaffUser, input: CityInput & { cityId: string }, now: Date): ClockChange | null {
  const city = editableCity(db, user, input.cityId);
  const slug = freeSlug(db, input, city.id);
  db.update(cities)
    .set({ slug, timeZone: input.timeZone, ...contactOf(input) })
    .where(eq(cities.id, city.id))
    .run();
  writeNames(db, city.id, input);
  recordAudit(db, { at: now, actorId: user.id, action: 'city.update', entity: 'city', entityId: city.id });
  if (input.timeZone === city.timeZone) return null;
  const moved = db
    .update(shelters)
    .set({ timeZone: input.timeZone })
    .where(and(eq(shelters.cityId, city.id), eq(shelters.timeZone, city.timeZone)))
    .run().changes;
  const households =
    db
      .select({ n: count() })
      .from(arrivals)
      .where(and(eq(arrivals.cityId, city.id), inArray(arrivals.status, ['waiting', 'placed'])))
      .get()?.n ?? 0;
  return { timeZone: input.timeZone, shelters: moved, households };
}

/**
 * Deletes a city nothing depends on any more. Refused while shelters are in it, while households wait
 * in its queue, and while staff or invitations hold it: staff holding no city would hold every city.
 */
export function deleteCity(db: Db, user: StaffUser, cityId: string, now: Date): void {
  if (!mayCreateCities(user)) throw notAllowed();
  const city = editableCity(db, user, cityId);
  const shelterCount = db.select({ n: count() }).from(shelters).where(eq(shelters.cityId, city.id)).get()?.n ?? 0;
  if (shelterCount > 0) throw new DomainError('cityHasShelters', undefined, { count: shelterCount });
  const waiting =
    db
      .select({ n: count() })
      .from(arrivals)
      .where(and(eq(arrivals.cityId, city.id), inArray(arrivals.status, ['waiting', 'placed'])))
      .get()?.n ?? 0;
  if (waiting > 0) throw new DomainError('cityHasHouseholds', undefined, { count: waiting });
  const staff =
    (db.select({ n: count() }).from(staffCities).where(eq(staffCities.cityId, city.id)).get()?.n ?? 0) +
    (db.select({ n: count() }).from(invitationCities).where(eq(invitationCities.cityId, city.id)).get()?.n ?? 0);
  if (staff > 0) throw new DomainError('cityHasStaff', undefined, { count: staff });
  db.delete(cities).where(eq(cities.id, city.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'city.delete', entity: 'city', entityId: city.id });
}
