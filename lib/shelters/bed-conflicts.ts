import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, shelters, stays } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import type { Night } from '@/lib/calendar/nights';
import { heldBeds } from '@/lib/households/queries';
import { householdView, type HouseholdView } from '@/lib/households/views';
import { bedConflicts } from '@/lib/nights/overdue';
import { householdPageOpens, shareOf } from '@/lib/privacy/shares';

export type ConflictGuest = {
  /** Where the caller may move this household (their arrival page), or null when they may not. */
  moveHref: string | null;
  household: HouseholdView;
};
export type TwoInOneBed = {
  roomName: string;
  bedLabel: string;
  /** The guest still checked in past this departure. */
  departure: Night;
  staying: ConflictGuest;
  otherStatus: 'reserved' | 'checked_in';
  /** The night from which the other stay holds the bed. */
  otherFrom: Night;
  other: ConflictGuest;
};

/**
 * The beds at a shelter with two guests (lib/nights/overdue.ts), as `user` may see them: each
 * household made for the caller, rooms named in `locale`, and a way to move it for those who move households (guides and
 * admins, on the household's page; a host asks them, or checks the guest out).
 */
export function twoInOneBed(db: Db, user: StaffUser, shelterId: string, now: Date, locale?: string): TwoInOneBed[] {
  const conflicts = bedConflicts(db, [shelterId], now);
  if (conflicts.length === 0) return [];
  const stayIds = [...new Set(conflicts.flatMap((c) => [c.stayingId, c.otherId]))];
  const rows = db
    .select({ stay: stays, arrival: arrivals })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .where(inArray(stays.id, stayIds))
    .all();
  const byStay = new Map(rows.map((row) => [row.stay.id, row]));
  const bedsByStay = heldBeds(db, stayIds, locale);
  const guest = (stayId: string): ConflictGuest => {
    const { stay, arrival } = byStay.get(stayId)!;
    const mayMove = householdPageOpens(user, arrival, stay);
    return {
      moveHref: mayMove ? `/arrivals/${arrival.id}` : null,
      household: householdView(arrival, shareOf(user, arrival, stay, false), now),
    };
  };
  return conflicts.map((conflict) => {
    const bed = bedsByStay.get(conflict.stayingId)?.find((held) => held.bedId === conflict.bedId);
    return {
      roomName: bed?.roomName ?? '',
      bedLabel: bed?.label ?? '',
      departure: conflict.stayingDeparture,
      staying: guest(conflict.stayingId),
      otherStatus: conflict.otherStatus,
      otherFrom: conflict.otherFirstNight,
      other: guest(conflict.otherId),
    };
  });
}

/** How many beds have two guests, shelter by shelter, in these cities (null: every city): counts only. */
export function twoInOneBedByShelter(
  db: Db,
  cityIds: readonly string[] | null,
  now: Date,
): { shelterId: string; name: string; beds: number }[] {
  const conflicts = bedConflicts(db, null, now);
  if (conflicts.length === 0) return [];
  const found = db
    .select({ id: shelters.id, name: shelters.name, cityId: shelters.cityId })
    .from(shelters)
    .where(inArray(shelters.id, [...new Set(conflicts.map((c) => c.shelterId))]))
    .all()
    .filter((shelter) => !cityIds || (shelter.cityId !== null && cityIds.includes(shelter.cityId)));
  return found.map((shelter) => ({
    shelterId: shelter.id,
    name: shelter.name,
    beds: new Set(conflicts.filter((c) => c.shelterId === shelter.id).map((c) => c.bedId)).size,
  }));
}
