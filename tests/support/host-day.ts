import type { Db } from '@/db';
import { bedNights, stays } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { nightsOf, type NightRange } from '@/lib/nights/calendar';
import { makeArrival, makeStay } from './fixtures';

/**
 * A stay with nights, as a reservation with dates leaves it: the stay's first night and departure,
 * and one bed_nights row per bed per night. Until makeStay takes dates itself.
 */
export function makeDatedStay(
  db: Db,
  input: { shelterId: string; bedIds: string[]; status?: 'reserved' | 'checked_in'; holdUntil?: Date; alias?: string; contact?: string; needNote?: string } & NightRange,
) {
  const details = Object.fromEntries(Object.entries({ alias: input.alias, contact: input.contact, needNote: input.needNote }).filter(([, value]) => value !== undefined));
  const arrival = makeArrival(db, details);
  const stay = makeStay(db, { arrivalId: arrival.id, shelterId: input.shelterId, bedIds: input.bedIds, status: input.status, holdUntil: input.holdUntil });
  datedStay(db, stay.id, input.bedIds, input);
  return { ...stay, firstNight: input.firstNight, departure: input.departure, arrival };
}

/** Gives an existing stay its nights (and writes them to the ledger, unless already written). */
export function datedStay(db: Db, stayId: string, bedIds: string[], range: NightRange) {
  db.update(stays).set({ firstNight: range.firstNight, departure: range.departure }).where(eq(stays.id, stayId)).run();
  for (const bedId of bedIds) for (const night of nightsOf(range)) db.insert(bedNights).values({ bedId, night, stayId }).onConflictDoNothing().run();
}
