import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, auditEvents, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ACTIVE_STAY_STATUSES, can, isLive, type HouseholdState, type Permission, type StayState } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed, notFound } from '@/lib/errors';

/** How long an admin's audited look at one household lasts before the details hide again. */
export const REVEAL_MINUTES = 15;

export type { HouseholdState, StayState } from '@/lib/auth/policy';
export { isLive };

/**
 * What a caller receives of a household: `identity` is its alias and need note, `contact` its
 * contact handle. Counts (size, children, wheelchair, pets, languages) are nobody's secret.
 */
export type Share = { identity: boolean; contact: boolean };
export const NO_SHARE: Share = { identity: false, contact: false };
const FULL_SHARE: Share = { identity: true, contact: true };

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
    .where(and(eq(stays.arrivalId, arrivalId), inArray(stays.status, [...ACTIVE_STAY_STATUSES])))
    .get();
  return { household, stay };
}

/**
 * Whether the caller may act on this household: the same answer as the pages', for the actions; or,
 * given another permission (placing it, say), whether they may do that to it.
 */
export function mayActOnHousehold(db: Db, user: StaffUser, arrivalId: string, permission: Permission = 'household.open'): boolean {
  const state = householdState(db, arrivalId);
  return !!state && can(user, permission, state);
}

/**
 * The one rule for what a staff member may open and act on (the policy's `household.open`), used by
 * every page and every action on a household (reserve, move, cancel, renew, revoke, forget, reveal, not genuine, check in and out):
 * - a guide: the waiting queue, and the households they reserved, until check-in;
 * - a host: the households holding beds at their own shelters;
 * - an admin: any household still in the network's care (what they then see is `shareOf`'s say);
 * - a guide or an admin scoped to cities: only households of a city they hold (where the household is
 *   now, even once placed in another city's shelter); one with no city, all-city staff only.
 */
export const mayActOn = (user: StaffUser, household: HouseholdState, stay: StayState): boolean =>
  can(user, 'household.open', { household, stay });

/** Whether the household's own page opens for the caller: the queue's staff only, so never a host's. */
export const householdPageOpens = (user: StaffUser, household: HouseholdState, stay: StayState): boolean =>
  can(user, 'household.list') && mayActOn(user, household, stay);

/**
 * What of the household this caller receives. A guide the whole of what they may act on; a host
 * who their guests are, never how to reach them; an admin counts, and a household's details only
 * after asking for them (`revealHousehold`), which is audited and lasts a few minutes.
 */
export function shareOf(user: StaffUser, household: HouseholdState, stay: StayState, revealed: boolean): Share {
  const target = { household, stay };
  if (!can(user, 'household.open', target)) return NO_SHARE;
  if (can(user, 'household.reveal', target)) return revealed ? FULL_SHARE : NO_SHARE;
  // Hosts greet the people in their beds by name and know their needs; reaching them is the guide's job.
  return { identity: can(user, 'household.identify', target), contact: can(user, 'household.contact', target) };
}

const revealSince = statement(
  () => sql`
  select 1 from ${auditEvents}
   where ${auditEvents.action} = 'household.reveal' and ${auditEvents.actorId} = ? and ${auditEvents.entityId} = ? and ${auditEvents.at} > ?
   limit 1`,
);

/** Whether this admin asked to see this household within the last few minutes. */
export function revealedTo(db: Db, user: StaffUser, arrivalId: string, now: Date): boolean {
  if (!can(user, 'household.reveal')) return false;
  return !!revealSince(db).get(user.id, arrivalId, now.getTime() - REVEAL_MINUTES * 60_000);
}

/** An admin's explicit look at a household's details: recorded before anything is shown. */
export function revealHousehold(db: Db, user: StaffUser, arrivalId: string, now: Date): void {
  if (!can(user, 'household.reveal')) throw notAllowed();
  if (!mayActOnHousehold(db, user, arrivalId)) throw notFound();
  recordAudit(db, { at: now, actorId: user.id, action: 'household.reveal', entity: 'arrival', entityId: arrivalId });
}
