import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { shelterMembers, staffCities, users, type Role } from '@/db/schema';
import { sessionExpired } from './config';
import { idleExpired } from './idle';

export type StaffUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  shelterIds: string[];
  /**
   * The cities a guide or admin holds (lib/cities/scope.ts); null or absent: every city. Hosts are
   * scoped by their shelters instead.
   */
  cityIds?: string[] | null;
};

type SessionClaim = { userId: string; signedInAt: number; lastActiveAt?: number; idleMinutes?: number };

// Read on every page and action, twice for a page (Auth.js's session callback, then the page's own
// check): compiled once per connection.
const userById = (db: Db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare();
const citiesOf = (db: Db) =>
  db
    .select({ id: staffCities.cityId })
    .from(staffCities)
    .where(eq(staffCities.userId, sql.placeholder('id')))
    .prepare();
const sheltersOf = (db: Db) =>
  db
    .select({ id: shelterMembers.shelterId })
    .from(shelterMembers)
    .where(eq(shelterMembers.userId, sql.placeholder('id')))
    .prepare();

/** The account behind a session, if the session still stands (see loadStaffUser). */
function standingUser(db: Db, session: SessionClaim, now: Date) {
  if (sessionExpired(session.signedInAt, now.getTime()) || idleExpired(session, now.getTime())) return null;
  const user = prepared(db, userById).get({ id: session.userId });
  if (!user || user.disabledAt) return null;
  if (user.sessionsValidAfter && session.signedInAt <= user.sessionsValidAfter.getTime()) return null;
  return user;
}

/** Whether a session still stands, for Auth.js's own callbacks: the session endpoint and sign-out. */
export const sessionStands = (db: Db, session: SessionClaim, now: Date) => standingUser(db, session, now) !== null;

/**
 * Loads the caller from the database and refuses a session that no longer stands: an unknown or
 * disabled user, a session issued before the user's `sessions_valid_after` (sign-out, disabling,
 * password change, a second factor turned off or reset), one signed in 12 hours ago or more, or one
 * idle past its limit (lib/auth/idle.ts).
 */
export function loadStaffUser(db: Db, session: SessionClaim, now: Date): StaffUser | null {
  const user = standingUser(db, session, now);
  if (!user) return null;
  const shelterIds = prepared(db, sheltersOf)
    .all({ id: user.id })
    .map((row) => row.id);
  const cityIds = prepared(db, citiesOf)
    .all({ id: user.id })
    .map((row) => row.id);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    shelterIds,
    cityIds: cityIds.length > 0 ? cityIds : null,
  };
}

/** Where each role starts: guides at the arrivals queue, everyone else at the shelters. */
export const homeOf = (role: string | undefined) => (role === 'guide' ? '/arrivals' : '/shelters');
