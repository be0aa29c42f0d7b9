import { scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  arrivals,
  bedNights,
  beds,
  cities,
  cityNames,
  rooms,
  shelterMembers,
  shelters,
  staffCities,
  stayBeds,
  stays,
  users,
  type Role,
  type RoomKind,
} from '@/db/schema';
import { newId } from '@/db/schema/columns';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, nightsOf, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';

/** A real scrypt hash of `password`, with cheap parameters so that tests stay fast (production's are 32 times dearer). */
export function fixtureHash(password: string): string {
  const key = scryptSync(password, Buffer.from('salt'), 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, 'c2FsdA', key.toString('base64url')].join('$');
}

/** Every fixture user's password. */
export const FIXTURE_PASSWORD = 'fixture passphrase one';
export const FIXTURE_HASH = fixtureHash(FIXTURE_PASSWORD);
let counter = 0;

/** A city with an English name; `slug` defaults to one made from the name. */
export function makeCity(db: Db, name = `City ${++counter}`, values: Partial<typeof cities.$inferInsert> = {}) {
  const city = db
    .insert(cities)
    .values({ slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), timeZone: NETWORK_TIME_ZONE, ...values })
    .returning()
    .get();
  db.insert(cityNames).values({ cityId: city.id, locale: 'en', name }).run();
  return city;
}

/**
 * The city a shelter joins unless told: the database's oldest city (the demo's Istanbul in the
 * end-to-end database), else a new "Istanbul" made for it.
 */
const oldestCity = (db: Db) => db.select({ id: cities.id }).from(cities).orderBy(cities.createdAt).limit(1).get()?.id ?? null;

export function defaultCityOf(db: Db): string {
  return (
    oldestCity(db) ??
    makeCity(db, 'Istanbul', {
      slug: `istanbul-${newId()
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')}`,
    }).id
  );
}

export function makeShelter(db: Db, values: Partial<typeof shelters.$inferInsert> = {}) {
  counter += 1;
  const cityId = values.cityId === undefined ? defaultCityOf(db) : values.cityId;
  return db
    .insert(shelters)
    .values({ name: `Shelter ${counter}`, district: 'Fatih', ...values, cityId })
    .returning()
    .get();
}

export function makeRoom(db: Db, shelterId: string, kind: RoomKind = 'mixed', bedCount = 2) {
  counter += 1;
  const room = db
    .insert(rooms)
    .values({ shelterId, name: `Room ${counter}`, kind })
    .returning()
    .get();
  const roomBeds = Array.from({ length: bedCount }, (_, i) =>
    db
      .insert(beds)
      .values({ roomId: room.id, label: String(i + 1) })
      .returning()
      .get(),
  );
  return { room, beds: roomBeds };
}

export function makeUser(
  db: Db,
  role: Role,
  options: { shelterIds?: string[]; cityIds?: string[]; disabled?: boolean; passwordHash?: string; email?: string } = {},
) {
  counter += 1;
  const user = db
    .insert(users)
    .values({
      email: options.email ?? `${role}${counter}@example.test`,
      name: `${role} ${counter}`,
      role,
      passwordHash: options.passwordHash ?? FIXTURE_HASH,
      disabledAt: options.disabled ? new Date('2026-01-01T00:00:00Z') : null,
    })
    .returning()
    .get();
  for (const shelterId of options.shelterIds ?? []) db.insert(shelterMembers).values({ userId: user.id, shelterId }).run();
  for (const cityId of options.cityIds ?? []) db.insert(staffCities).values({ userId: user.id, cityId }).run();
  return user;
}

export function asStaff(user: typeof users.$inferSelect, shelterIds: string[] = [], cityIds: string[] | null = null): StaffUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, shelterIds, cityIds };
}

/** A waiting household; it is in the database's oldest city unless told (none while there is no city). */
export function makeArrival(db: Db, values: Partial<typeof arrivals.$inferInsert> = {}) {
  counter += 1;
  const cityId = values.cityId === undefined ? oldestCity(db) : values.cityId;
  return db
    .insert(arrivals)
    .values({ alias: `Guest ${counter}`, adultWomen: 1, arrivedAt: new Date(), languages: ['ru'], ...values, cityId })
    .returning()
    .get();
}

/** A stay holding `bedIds`, as a reservation would leave it (or checked in). */
export function makeStay(
  db: Db,
  input: {
    arrivalId: string;
    shelterId: string;
    bedIds: string[];
    status?: 'reserved' | 'checked_in';
    holdUntil?: Date;
    /** The stay's nights; by default three from the night its six-hour hold began, in Istanbul. */
    firstNight?: string;
    departure?: string;
  },
) {
  counter += 1;
  const holdUntil = input.holdUntil ?? new Date(Date.now() + 6 * 3600_000);
  const firstNight = input.firstNight ?? tonightIn(NETWORK_TIME_ZONE, new Date(holdUntil.getTime() - 6 * 3600_000));
  const departure = input.departure ?? addNights(firstNight, 3);
  const stay = db
    .insert(stays)
    .values({
      arrivalId: input.arrivalId,
      shelterId: input.shelterId,
      status: input.status ?? 'reserved',
      holdUntil,
      checkedInAt: input.status === 'checked_in' ? new Date() : null,
      firstNight,
      departure,
      linkTokenHash: `link-${counter}-${input.arrivalId}`,
      linkExpiresAt: new Date(Date.now() + 30 * 24 * 3600_000),
    })
    .returning()
    .get();
  db.insert(stayBeds)
    .values(input.bedIds.map((bedId) => ({ stayId: stay.id, bedId })))
    .run();
  const nights = nightsOf({ firstNight, departure });
  if (nights.length > 0)
    db.insert(bedNights)
      .values(input.bedIds.flatMap((bedId) => nights.map((night) => ({ bedId, night, stayId: stay.id }))))
      .run();
  db.update(arrivals).set({ status: 'placed' }).where(eq(arrivals.id, input.arrivalId)).run();
  return stay;
}
