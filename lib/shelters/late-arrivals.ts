import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import type { LateArrivalsInput } from '@/lib/validation/shelter';
import { editableShelter } from './access';

/** Minutes into the night that begins when the door opens: a time before it opens is after midnight. */
const intoNight = (time: string, opens: string) => {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  return (minutes(time) - minutes(opens) + 24 * 60) % (24 * 60);
};

/**
 * The host's terms for a guest who says they will be late. A latest hour before the door closes would
 * turn guests away whom the check-in window still promises to let in, so it is refused.
 */
export function updateLateArrivals(db: Db, user: StaffUser, input: LateArrivalsInput, now: Date): void {
  const shelter = editableShelter(db, user, input.shelterId);
  // A window that closes as it opens is open round the clock: no hour after it.
  const closes = intoNight(shelter.checkInUntil, shelter.checkInFrom) || 24 * 60;
  if (input.latestArrival !== null && intoNight(input.latestArrival, shelter.checkInFrom) < closes) {
    throw new DomainError('latestBeforeClosing', 'latestArrival');
  }
  db.update(shelters)
    .set({ lateGraceMinutes: input.lateGraceMinutes, latestArrival: input.latestArrival })
    .where(eq(shelters.id, shelter.id))
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'shelter.update', entity: 'shelter', entityId: shelter.id, shelterId: shelter.id });
}
