import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, shelters, stays } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';

export type HomeAlert = { householdId: string; alias: string | null; home: string; firstNight: string | null; closed: boolean };

/**
 * The guide's bookings in homes that no longer take guests (their offer paused, withdrawn or
 * declined, or the home paused), shown at the top of their queue from the moment it happens: the
 * booking stays, and the guide decides whether to keep it or move the household. Until check-in, as
 * long as the household is theirs to act on (policy `ownPlacements`).
 */
export function homesNoLongerTaking(db: Db, user: StaffUser): HomeAlert[] {
  if (user.role !== 'guide') return [];
  return db
    .select({
      householdId: arrivals.id,
      alias: arrivals.alias,
      home: shelters.name,
      firstNight: stays.firstNight,
      status: shelters.status,
    })
    .from(stays)
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .where(and(eq(stays.reservedBy, user.id), eq(stays.status, 'reserved'), eq(shelters.kind, 'home'), ne(shelters.status, 'open')))
    .orderBy(asc(stays.firstNight))
    .all()
    .map(({ status, ...alert }) => ({ ...alert, closed: status === 'closed' }));
}
