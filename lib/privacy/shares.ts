import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { holdsCity } from '@/lib/cities/scope';
import { notAllowed, notFound } from '@/lib/errors';

/** How long an admin's audited look at one household lasts before the details hide again. */
export const REVEAL_MINUTES = 15;

/** `cityId`: where the household is now, whose queue it is in (a guide or admin holds it, or not). */
export type HouseholdState = { status: string; erasedAt: Date | null; cityId: string | null };
/** The stay concerned: the household's active one, or the one an action names. */
export type StayState = { status: string; reservedBy: string | null; shelterId: string } | null | undefined;

/**
 * What a caller receives of a household: `identity` is its alias and need note, `contact` its
 * contact handle. Counts (size, children, wheelchair, pets, languages) are nobody's secret.
 */
export type Share = { identity: boolean; contact: boolean };
export const NO_SHARE: Share = { identity: false, contact: false };
const FULL_SHARE: Share = { identity: true, contact: true };
// Hosts greet the people in their beds by name and know their needs; reaching them is the guide's job.
const HOST_SHARE: Share = { identity: true, contact: false };

/** Waiting, or placed: a household that has left, withdrawn or been erased is nobody's to open or act on. */
export const isLive = (household: HouseholdState) =>
  !household.erasedAt && (household.status === 'waiting' || household.status === 'placed');
const ACTIVE = ['reserved', 'checked_in'] as const;
const isActive = (stay: NonNullable<StayState>) => (ACTIVE as readonly string[]).includes(stay.status);

/** What `mayActOn` asks of a household: its state and its active stay, if any; null when unknown. */
export function householdState(db: Db, arrivalId: string): { household: HouseholdState; stay: StayState } | null {
  const household = db
    .select({ status: arrivals.status, erasedAt: arrivals.erasedAt, cityId: arrivals.cityId })
    .from(arrivals)
    .where(eq(arrivals.id, arrivalId))
    .get();
  if (!household) return null;
  const stay = db
    .select({ status: stays.status, reservedBy: stays.reservedBy, shelterId: stays.shelterId })
    .from(stays)
    .where(and(eq(stays.arrivalId, arrivalId), inArray(stays.status, [...ACTIVE])))
    .get();
  return { household, stay };
}

/** Whether the caller may act on this household: the same answer as the pages', for the actions. */
export function mayActOnHousehold(db: Db, user: StaffUser, arrivalId: string): boolean {
  const state = householdState(db, arrivalId);
  return !!state && mayActOn(user, state.household, state.stay);
}

/**
 * The one rule for what a staff member may open and act on, used by every page and every action on
 * a household (reserve, move, cancel, renew, revoke, forget, reveal, not genuine, check in and out):
 * - a guide: the waiting queue, and the households they reserved, until check-in;
 * - a host: the households holding beds at their own shelters;
 * - an admin: any household still in the network's care (what they then see is `shareOf`'s say);
 * - a guide or an admin scoped to cities: only households of a city they hold (where the household is
 *   now, even once placed in another city's shelter); one with no city, all-city staff only.
 */
export function mayActOn(user: StaffUser, household: HouseholdState, stay: StayState): boolean {
  if (!isLive(household)) return false;
  if (user.role !== 'host' && !holdsCity(user, household.cityId)) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'host') return !!stay && isActive(stay) && user.shelterIds.includes(stay.shelterId);
  if (user.role !== 'coordinator') return false;
  return stay ? stay.status === 'reserved' && stay.reservedBy === user.id : household.status === 'waiting';
}

/**
 * What of the household this caller receives. A guide the whole of what they may act on; a host
 * who their guests are, never how to reach them; an admin counts, and a household's details only
 * after asking for them (`revealHousehold`), which is audited and lasts a few minutes.
 */
export function shareOf(user: StaffUser, household: HouseholdState, stay: StayState, revealed: boolean): Share {
  if (!mayActOn(user, household, stay)) return NO_SHARE;
  if (user.role === 'admin') return revealed ? FULL_SHARE : NO_SHARE;
  return user.role === 'host' ? HOST_SHARE : FULL_SHARE;
}

/** Whether this admin asked to see this household within the last few minutes. */
export function revealedTo(db: Db, user: StaffUser, arrivalId: string, now: Date): boolean {
  if (user.role !== 'admin') return false;
  return !!db.$client
    .prepare(`select 1 from audit_events where action = 'household.reveal' and actor_id = ? and entity_id = ? and at > ? limit 1`)
    .get(user.id, arrivalId, now.getTime() - REVEAL_MINUTES * 60_000);
}

/** An admin's explicit look at a household's details: recorded before anything is shown. */
export function revealHousehold(db: Db, user: StaffUser, arrivalId: string, now: Date): void {
  if (user.role !== 'admin') throw notAllowed();
  if (!mayActOnHousehold(db, user, arrivalId)) throw notFound();
  recordAudit(db, { at: now, actorId: user.id, action: 'household.reveal', entity: 'arrival', entityId: arrivalId });
}
