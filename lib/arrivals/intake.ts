import type { Db } from '@/db';
import { arrivals } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed } from '@/lib/errors';
import type { ArrivalInput } from '@/lib/validation/arrival';
import { zonedWallClockToUtc } from '@/lib/time';

export const NETWORK_TIME_ZONE = 'Europe/Istanbul';

export function registerArrival(db: Db, user: StaffUser, input: ArrivalInput, now: Date): string {
  if (user.role !== 'coordinator' && user.role !== 'admin') throw notAllowed();
  const arrivedAt = input.arrivedAt ? zonedWallClockToUtc(input.arrivedAt, NETWORK_TIME_ZONE) : now;
  // A typo should not put someone in the future or years back in the queue.
  if (arrivedAt.getTime() > now.getTime() + 5 * 60_000 || arrivedAt.getTime() < now.getTime() - 30 * 24 * 3600_000) {
    throw new DomainError('arrivedAtRange', 'arrivedAt');
  }
  const arrival = db
    .insert(arrivals)
    .values({
      alias: input.alias,
      adultMen: input.adultMen,
      adultWomen: input.adultWomen,
      children: input.children,
      languages: input.languages,
      needsWheelchair: input.needsWheelchair,
      hasPet: input.hasPet,
      needNote: input.needNote,
      contact: input.contact,
      arrivedAt,
      status: 'waiting',
      registeredBy: user.id,
      createdAt: now,
    })
    .returning({ id: arrivals.id })
    .get();
  recordAudit(db, { at: now, actorId: user.id, action: 'arrival.register', entity: 'arrival', entityId: arrival.id });
  return arrival.id;
}
