import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { cities } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { holdsCity } from './scope';

/** A city named by a form, refused next to `field` when the network has no such city. */
export function knownCity(db: Db, cityId: string, field: string) {
  const city = db.select().from(cities).where(eq(cities.id, cityId)).get();
  if (!city) throw new DomainError('unknownCity', field);
  return city;
}

/** A city named by a staff form, refused next to `field` unless the caller holds it. */
export function heldCity(db: Db, user: StaffUser, cityId: string, field: string) {
  const city = knownCity(db, cityId, field);
  if (!holdsCity(user, city.id)) throw new DomainError('cityNotHeld', field);
  return city;
}

export const cityCount = (db: Db) => db.select({ n: count() }).from(cities).get()?.n ?? 0;

/**
 * Where a new household is, when its form said nothing: the network's only city, if it has just one.
 * With several, the form must say (`chooseCity`); with none, the household has no city yet.
 */
export function impliedCity(db: Db, field: string): string | null {
  const all = db.select({ id: cities.id }).from(cities).limit(2).all();
  if (all.length > 1) throw new DomainError('chooseCity', field);
  return all[0]?.id ?? null;
}

/** The one city to preselect in a form: the caller's only city, or the network's only one. */
export function preselectedCity(options: { id: string }[], user?: Pick<StaffUser, 'role' | 'cityIds'>): string | undefined {
  if (user?.cityIds?.length === 1 && options.some((city) => city.id === user.cityIds![0])) return user.cityIds[0];
  return options.length === 1 ? options[0].id : undefined;
}
