import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, bedNights, shelters, stayBeds, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed } from '@/lib/errors';
import { addNights, isNight, MAX_NIGHTS, nightCount, nightsOf } from '@/lib/nights/calendar';
import { mayActOn } from '@/lib/privacy/shares';
import { isActiveStay } from './reserve';

// A stand-in until the full date change (extend, shorten, move the first night) lands: it extends a
// stay on the beds it holds, which is what the host's "one more night" asks of it.

type Change = { stayId: string; departure: string; firstNight?: string };

/** The stay, if the caller (its shelter's host, its guide, an admin) may act on its household. */
function stayFor(db: Db, user: StaffUser, stayId: string) {
  const found = db
    .select({ stay: stays, household: { status: arrivals.status, erasedAt: arrivals.erasedAt } })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .where(eq(stays.id, stayId))
    .get();
  if (!found || !mayActOn(user, found.household, found.stay)) throw notAllowed();
  return found.stay;
}

/** The beds the stay holds on its last night (or, for a stay with no nights written, now). */
function bedsOfLastNight(db: Db, stayId: string, lastNight: string): string[] {
  const booked = db.select({ bedId: bedNights.bedId }).from(bedNights).where(and(eq(bedNights.stayId, stayId), eq(bedNights.night, lastNight))).all();
  if (booked.length > 0) return booked.map((row) => row.bedId);
  return db
    .select({ bedId: stayBeds.bedId })
    .from(stayBeds)
    .where(and(eq(stayBeds.stayId, stayId), isNull(stayBeds.releasedAt)))
    .all()
    .map((row) => row.bedId);
}

export function changeStayDates(db: Db, user: StaffUser, change: Change, now: Date) {
  const stay = stayFor(db, user, change.stayId);
  if (!isActiveStay(stay) || !stay.firstNight || !stay.departure) throw new DomainError('stayNotActive');
  if (!isNight(change.departure)) throw new DomainError('invalidDate', 'departure');
  if (change.departure === stay.departure) return stay;
  if (change.departure < stay.departure) throw new DomainError('invalid', 'departure');
  const shelter = db.select().from(shelters).where(eq(shelters.id, stay.shelterId)).get()!;
  const longest = shelter.longestNights ?? MAX_NIGHTS;
  if (nightCount({ firstNight: stay.firstNight, departure: change.departure }) > longest) throw new DomainError('tooManyNights', 'departure', { max: longest });
  const bedIds = bedsOfLastNight(db, stay.id, addNights(stay.departure, -1));
  for (const night of nightsOf({ firstNight: stay.departure, departure: change.departure })) {
    for (const bedId of bedIds) {
      try {
        db.insert(bedNights).values({ bedId, night, stayId: stay.id }).run();
      } catch (error) {
        const code = (error as { code?: string })?.code;
        if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DomainError('datesTaken', 'departure', { night });
        throw error;
      }
    }
  }
  db.update(stays).set({ departure: change.departure }).where(eq(stays.id, stay.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'stay.dates', entity: 'stay', entityId: stay.id, shelterId: stay.shelterId });
  return { ...stay, departure: change.departure };
}
