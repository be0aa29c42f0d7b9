import type { Db } from '@/db';
import { arrivals } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed, notFound } from '@/lib/errors';

/** How long an admin's audited look at one household lasts before the details hide again. */
export const REVEAL_MINUTES = 15;

type Stay = { status: string; reservedBy: string | null } | null | undefined;

/**
 * Whether a staff member sees who a household is (alias, contact, note). A guide sees the waiting
 * list and the households they placed, until check-in; from then on the shelter's hosts look after
 * them. An admin sees counts, and a household's details only after asking, which is audited.
 */
export function seesHousehold(user: StaffUser, arrival: { status: string }, stay: Stay, revealed: boolean): boolean {
  if (user.role === 'admin') return revealed;
  if (user.role !== 'coordinator') return false;
  return arrival.status === 'waiting' || (stay?.status === 'reserved' && stay.reservedBy === user.id);
}

/**
 * Whether a shelter's page shows who holds its beds: to its hosts, and to the guide who reserved them
 * until check-in. An admin looks at one household at a time, on its own page, audited.
 */
export function seesGuestAt(user: StaffUser, shelterId: string, stay: NonNullable<Stay>): boolean {
  if (user.role === 'host') return user.shelterIds.includes(shelterId);
  return user.role === 'coordinator' && stay.status === 'reserved' && stay.reservedBy === user.id;
}

/** Whether a guide may open the household at all: what they may not see, they may not act on. */
export const guideMayOpen = (user: StaffUser, arrival: { status: string }, stay: Stay) =>
  user.role === 'admin' || seesHousehold(user, arrival, stay, false);

/** Whether this admin asked to see this household within the last few minutes. */
export function revealedTo(db: Db, user: StaffUser, arrivalId: string, now: Date): boolean {
  if (user.role !== 'admin') return false;
  return !!db.$client
    .prepare(
      `select 1 from audit_events where action = 'household.reveal' and actor_id = ? and entity_id = ? and at > ? limit 1`,
    )
    .get(user.id, arrivalId, now.getTime() - REVEAL_MINUTES * 60_000);
}

/** An admin's explicit look at a household's details: recorded before anything is shown. */
export function revealHousehold(db: Db, user: StaffUser, arrivalId: string, now: Date): void {
  if (user.role !== 'admin') throw notAllowed();
  const arrival = db.select({ erasedAt: arrivals.erasedAt }).from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival || arrival.erasedAt) throw notFound();
  recordAudit(db, { at: now, actorId: user.id, action: 'household.reveal', entity: 'arrival', entityId: arrivalId });
}
