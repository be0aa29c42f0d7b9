import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelterMembers, shelters, staffCities, users, type Role } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { cityScopeOf } from '@/lib/cities/scope';
import { DomainError, notAllowed } from '@/lib/errors';
import { assertGivableCities, assertGivableShelters, staffReach, withinScope, type Reach } from './scope';

/**
 * The account an admin acts on: never their own (they would lock themselves out), and for an admin
 * of some cities only someone within those cities; anyone else looks as if they did not exist.
 */
export function otherAccount(db: Db, admin: StaffUser, userId: string) {
  if (!can(admin, 'staff.manage')) throw notAllowed();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new DomainError('notFound');
  if (user.id === admin.id) throw new DomainError('notYourself');
  if (!withinScope(cityScopeOf(admin), staffReach(db).get(user.id))) throw new DomainError('notFound');
  return user;
}

const heldCities = (db: Db, userId: string) =>
  db
    .select({ id: staffCities.cityId })
    .from(staffCities)
    .where(eq(staffCities.userId, userId))
    .all()
    .map((row) => row.id)
    .sort();

/**
 * A new role, with a host's shelters or a guide's or admin's cities (none: every city). A change of
 * cities is its own audit event, so the trail shows who widened or narrowed someone's reach.
 */
export function changeRole(
  db: Db,
  admin: StaffUser,
  input: { userId: string; role: Role; shelterIds: string[]; cityIds?: string[] },
  now: Date,
): void {
  const user = otherAccount(db, admin, input.userId);
  const shelterIds = input.role === 'host' ? input.shelterIds : [];
  const cityIds = input.role === 'host' ? [] : [...(input.cityIds ?? [])].sort();
  if (shelterIds.length > 0) {
    const found = db.select({ id: shelters.id }).from(shelters).where(inArray(shelters.id, shelterIds)).all();
    if (found.length !== shelterIds.length) throw new DomainError('invalid', 'shelterIds');
    assertGivableShelters(db, admin, shelterIds);
  }
  if (input.role !== 'host') assertGivableCities(db, admin, cityIds);
  const citiesBefore = heldCities(db, user.id);
  db.update(users).set({ role: input.role }).where(eq(users.id, user.id)).run();
  db.delete(shelterMembers).where(eq(shelterMembers.userId, user.id)).run();
  if (shelterIds.length > 0) {
    db.insert(shelterMembers)
      .values(shelterIds.map((shelterId) => ({ userId: user.id, shelterId })))
      .run();
  }
  db.delete(staffCities).where(eq(staffCities.userId, user.id)).run();
  if (cityIds.length > 0)
    db.insert(staffCities)
      .values(cityIds.map((cityId) => ({ userId: user.id, cityId })))
      .run();
  recordAudit(db, { at: now, actorId: admin.id, action: 'user.role', entity: 'user', entityId: user.id });
  if (citiesBefore.join() !== cityIds.join())
    recordAudit(db, { at: now, actorId: admin.id, action: 'user.cities', entity: 'user', entityId: user.id });
}

/** Cuts the account off at its very next request: the session check reads `disabled_at`. */
export function disableAccount(db: Db, admin: StaffUser, userId: string, now: Date): void {
  const user = otherAccount(db, admin, userId);
  db.update(users)
    .set({ disabledAt: now, sessionsValidAfter: now })
    .where(and(eq(users.id, user.id), isNull(users.disabledAt)))
    .run();
  recordAudit(db, { at: now, actorId: admin.id, action: 'user.disable', entity: 'user', entityId: user.id });
}

export function enableAccount(db: Db, admin: StaffUser, userId: string, now: Date): void {
  const user = otherAccount(db, admin, userId);
  db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id)).run();
  recordAudit(db, { at: now, actorId: admin.id, action: 'user.enable', entity: 'user', entityId: user.id });
}

/** Signing out voids every session issued so far, so a copied cookie is useless afterwards. */
export function endSessions(db: Db, userId: string, now: Date): void {
  db.update(users).set({ sessionsValidAfter: now }).where(eq(users.id, userId)).run();
}

/**
 * A staff member's new password. Every session issued until now ends (a thief's copy of the cookie
 * among them); the caller signs this browser in again afterwards.
 */
export function changeOwnPassword(db: Db, userId: string, passwordHash: string, now: Date): void {
  db.update(users).set({ passwordHash, sessionsValidAfter: now }).where(eq(users.id, userId)).run();
  recordAudit(db, { at: now, actorId: userId, action: 'user.password', entity: 'user', entityId: userId });
}

export function setLocale(db: Db, userId: string, locale: string): void {
  db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** The staff an admin may see: everyone for an all-city admin, else those within the admin's cities (and the admin). */
export function staffList(db: Db, admin: StaffUser) {
  const scope = cityScopeOf(admin);
  const reach = staffReach(db);
  const list = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      secondFactorSince: users.totpEnabledAt,
    })
    .from(users)
    .orderBy(asc(users.name))
    .all();
  const memberships = db
    .select({ userId: shelterMembers.userId, shelterId: shelterMembers.shelterId, shelterName: shelters.name })
    .from(shelterMembers)
    .innerJoin(shelters, eq(shelters.id, shelterMembers.shelterId))
    .all();
  return list
    .filter((user) => user.id === admin.id || withinScope(scope, reach.get(user.id)))
    .map((user) => ({
      ...user,
      cities: (user.role === 'host' ? [] : reach.get(user.id)) as Reach,
      shelters: memberships.filter((m) => m.userId === user.id),
    }));
}
