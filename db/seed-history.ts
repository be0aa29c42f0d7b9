import { recordAudit } from '@/lib/audit';
import type { Db } from './index';
import { arrivals, bedOutages, stayBeds, stays } from './schema';
import { addDays, localDay } from '@/lib/occupancy/days';

export const DEMO_HISTORY_DAYS = 60;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A small deterministic generator: the same demo history on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type DemoBed = { id: string; outOfService: boolean };

/**
 * Two months of past stays, bed by bed, so the history pages have something to show. Every stay has
 * ended an hour before `now`, so today's boards are exactly the demo's; households whose stay ended more
 * than two weeks ago are already erased, as retention would have left them.
 */
export function seedDemoHistory(tx: Db, shelters: { id: string; beds: DemoBed[] }[], now: Date, staff: { guideId: string; hostId: string; adminId: string }): void {
  const next = random(2022_09_21);
  const between = (min: number, max: number) => min + next() * (max - min);
  const start = now.getTime() - DEMO_HISTORY_DAYS * DAY;
  const stopBy = now.getTime() - HOUR;
  for (const shelter of shelters) {
    // The demo host keeps the first shelter; the admin stands in for the hosts of the others.
    const hostId = shelter === shelters[0] ? staff.hostId : staff.adminId;
    for (const bed of shelter.beds) {
      if (bed.outOfService) {
        tx.insert(bedOutages).values({ bedId: bed.id, startedAt: new Date(now.getTime() - between(3, 20) * DAY) }).run();
        continue;
      }
      // Busier towards the present, as in a surge.
      for (let t = start + between(0, 2) * DAY; ; ) {
        const quiet = (1 - (t - start) / (stopBy - start)) * 2;
        const reservedAt = t + between(0, quiet + 0.3) * DAY;
        const checkInAt = reservedAt + between(0.5, 5) * HOUR;
        let checkOutAt = checkInAt + Math.round(between(1, 6)) * DAY;
        if (checkInAt >= stopBy - 12 * HOUR) break;
        // The last guest of a bed left this morning, so last night's figures look like a busy night.
        const last = checkOutAt >= stopBy;
        if (last) checkOutAt = stopBy - between(0, 6) * HOUR;
        const fate = next();
        const registeredAt = new Date(reservedAt - between(0.2, 8) * HOUR);
        const ended = fate < 0.08 ? reservedAt + 6 * HOUR : fate < 0.12 ? reservedAt + HOUR : checkOutAt;
        const erased = now.getTime() - ended > 14 * DAY;
        const household = tx
          .insert(arrivals)
          .values({
            alias: erased ? null : 'Guest',
            adultMen: fate < 0.5 ? 1 : 0,
            adultWomen: fate < 0.5 ? 0 : 1,
            languages: ['ru'],
            arrivedAt: registeredAt,
            createdAt: registeredAt,
            // Every household of the past has gone, at the moment its last reservation ended.
            status: 'left',
            endedAt: new Date(ended),
            erasedAt: erased ? new Date(ended + 14 * DAY) : null,
          })
          .returning({ id: arrivals.id })
          .get();
        // Nights in Istanbul's calendar (UTC+3 all year): from the night they came to the day they left.
        const firstNight = localDay(fate < 0.12 ? reservedAt : checkInAt, 'Europe/Istanbul');
        const leftOn = localDay(checkOutAt, 'Europe/Istanbul');
        const nights = { firstNight, departure: leftOn > firstNight ? leftOn : addDays(firstNight, 1) };
        const base = { arrivalId: household.id, shelterId: shelter.id, createdAt: new Date(reservedAt), holdUntil: new Date(reservedAt + 6 * HOUR), ...nights };
        const stay = tx
          .insert(stays)
          .values(
            fate < 0.08
              ? { ...base, status: 'expired', endedAt: new Date(ended) }
              : fate < 0.12
                ? { ...base, status: 'cancelled', endedAt: new Date(ended) }
                : { ...base, status: 'checked_out', checkedInAt: new Date(checkInAt), checkedOutAt: new Date(ended), endedAt: new Date(ended) },
          )
          .returning({ id: stays.id })
          .get();
        tx.insert(stayBeds).values({ stayId: stay.id, bedId: bed.id, heldAt: new Date(reservedAt), releasedAt: new Date(ended) }).run();
        const audit = (at: number, actorId: string | null, action: string) =>
          recordAudit(tx, { at: new Date(at), actorId, action, entity: 'stay', entityId: stay.id, shelterId: shelter.id });
        audit(reservedAt, staff.guideId, 'stay.reserve');
        if (fate < 0.08) audit(ended, null, 'stay.expire');
        else if (fate < 0.12) audit(ended, staff.guideId, 'stay.cancel');
        else {
          audit(checkInAt, hostId, 'stay.check_in');
          audit(ended, hostId, 'stay.check_out');
        }
        if (last) break;
        t = ended;
      }
    }
  }
}
