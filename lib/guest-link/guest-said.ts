import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { checkLimit, RATE_LIMITS, recordHit } from '@/lib/security/rate-limits';
import { lateHold, type LateRefusal } from './late-hold';

export type GuestSaid = { said: 'on_my_way' | 'late'; at: Date; eta: Date | null };
export type SayOutcome = 'recorded' | 'tooMany' | 'holdEnded' | LateRefusal;

// Counted against RATE_LIMITS' `guestSaid.stay`, under keys of its own: a stay's id, hashed, so the
// table says nothing readable about who is coming where.
const SAID = RATE_LIMITS['guestSaid.stay'];

/**
 * What the guest tells the shelter about a stay, read and written in the caller's write transaction:
 * a hold that has ended takes nothing; "late, about 23:30" moves the hold as lateHold says, or is
 * refused with nothing written; every message counts against the hourly limit.
 */
export function tellShelter(
  db: Db,
  stayId: string,
  said: { intent: 'on_my_way' } | { intent: 'late'; time: string },
  now: Date,
): SayOutcome {
  const row = db
    .select({
      stay: {
        id: stays.id,
        shelterId: stays.shelterId,
        status: stays.status,
        holdUntil: stays.holdUntil,
        firstNight: stays.firstNight,
        guestSaid: stays.guestSaid,
      },
      shelter: shelters,
    })
    .from(stays)
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(eq(stays.id, stayId))
    .get();
  if (!row || row.stay.status !== 'reserved' || row.stay.holdUntil <= now) return 'holdEnded';
  if (said.intent === 'on_my_way')
    return recordGuestSaid(db, row.stay, { said: 'on_my_way', eta: null, holdUntil: row.stay.holdUntil }, now);
  const late = lateHold(row.shelter, row.stay, said.time, now);
  if ('refused' in late) return late.refused;
  return recordGuestSaid(db, row.stay, { said: 'late', eta: late.eta, holdUntil: late.holdUntil }, now);
}

/**
 * Records what the guest said, counted against the hourly limit first, and refused with nothing
 * written once it is reached. The audit trail gets the stay's id and what kind of message it was,
 * never the time said.
 */
function recordGuestSaid(
  db: Db,
  stay: { id: string; shelterId: string },
  said: Omit<GuestSaid, 'at'> & { holdUntil: Date },
  now: Date,
): 'recorded' | 'tooMany' {
  if (checkLimit(db, SAID, stay.id, now).until) return 'tooMany';
  recordHit(db, SAID, stay.id, now);
  db.update(stays)
    .set({ guestSaid: said.said, guestSaidAt: now, guestEta: said.eta, holdUntil: said.holdUntil })
    .where(eq(stays.id, stay.id))
    .run();
  recordAudit(db, {
    at: now,
    actorId: null,
    actorKind: 'guest',
    action: `stay.guest_${said.said}`,
    entity: 'stay',
    entityId: stay.id,
    shelterId: stay.shelterId,
  });
  return 'recorded';
}
