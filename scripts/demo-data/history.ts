import type { Db } from '@/db';
import { arrivals, bedOutages, stayBeds, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { addDays, localDay } from '@/lib/calendar/days';

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
/** A shelter whose past the demo makes up: its clock, and how busy its beds were against Istanbul's (1). */
export type DemoHistoryShelter = { id: string; timeZone: string; pace: number; beds: DemoBed[] };

/** Stays last 1 to 6 nights: 3.5 on average. */
const MEAN_STAY_DAYS = 3.5;

/**
 * The share of a bed's days with a guest, `ago` days before now: a surge that built up over the
 * first weeks, peaked three weeks ago and has eased since to the few guests of today's demo.
 */
function busyShare(ago: number): number {
  const PEAK_AGO = 21;
  if (ago >= PEAK_AGO) return 0.85 - ((ago - PEAK_AGO) / (DEMO_HISTORY_DAYS - PEAK_AGO)) * 0.55;
  return 0.15 + (ago / PEAK_AGO) * 0.7;
}

/**
 * Two months of past stays, bed by bed, so the history pages have something to show. Every stay has
 * ended an hour before `now`, so today's boards are exactly the demo's, and every household of the
 * past has gone, at the moment its stay ended; households whose stay ended more than two weeks ago
 * are already erased, as retention would have left them. Beds stand empty between guests as often as
 * the surge's curve says; at its peak people waited hours, some past midnight, for a bed.
 */
export function seedDemoHistory(
  tx: Db,
  shelters: DemoHistoryShelter[],
  now: Date,
  staff: { guideId: string; hostId: string; adminId: string },
): void {
  const next = random(2022_09_21);
  const between = (min: number, max: number) => min + next() * (max - min);
  const start = now.getTime() - DEMO_HISTORY_DAYS * DAY;
  const stopBy = now.getTime() - HOUR;
  for (const shelter of shelters) {
    // The demo host keeps the first shelter; the admin stands in for the hosts of the others.
    const hostId = shelter === shelters[0] ? staff.hostId : staff.adminId;
    for (const bed of shelter.beds) {
      if (bed.outOfService) {
        tx.insert(bedOutages)
          .values({ bedId: bed.id, startedAt: new Date(now.getTime() - between(3, 20) * DAY) })
          .run();
        continue;
      }
      for (let t = start + between(0, 2) * DAY; ;) {
        const busy = busyShare((now.getTime() - t) / DAY) * shelter.pace;
        // The empty days between two guests that keep the bed busy `busy` of the time.
        const reservedAt = t + between(0.5, 1.5) * MEAN_STAY_DAYS * ((1 - busy) / busy) * DAY;
        const checkInAt = reservedAt + between(0.5, 5) * HOUR;
        let checkOutAt = checkInAt + Math.round(between(1, 6)) * DAY;
        if (checkInAt >= stopBy - 12 * HOUR) break;
        const last = checkOutAt >= stopBy;
        if (last) checkOutAt = stopBy - between(0, 6) * HOUR;
        const fate = next();
        // A guide finds a bed within the hour while beds are free; at the surge's peak, hours later.
        const registeredAt = new Date(reservedAt - (busy > 0.7 ? between(0.5, 14) : between(0.1, 1)) * HOUR);
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
        // Nights in the shelter's calendar: from the night they came to the day they left.
        const firstNight = localDay(fate < 0.12 ? reservedAt : checkInAt, shelter.timeZone);
        const leftOn = localDay(checkOutAt, shelter.timeZone);
        const nights = { firstNight, departure: leftOn > firstNight ? leftOn : addDays(firstNight, 1) };
        const base = {
          arrivalId: household.id,
          shelterId: shelter.id,
          createdAt: new Date(reservedAt),
          holdUntil: new Date(reservedAt + 6 * HOUR),
          ...nights,
        };
        const stay = tx
          .insert(stays)
          .values(
            fate < 0.08
              ? { ...base, status: 'expired', endedAt: new Date(ended) }
              : fate < 0.12
                ? { ...base, status: 'cancelled', endedAt: new Date(ended) }
                : {
                    ...base,
                    status: 'checked_out',
                    checkedInAt: new Date(checkInAt),
                    checkedOutAt: new Date(ended),
                    endedAt: new Date(ended),
                  },
          )
          .returning({ id: stays.id })
          .get();
        tx.insert(stayBeds)
          .values({ stayId: stay.id, bedId: bed.id, heldAt: new Date(reservedAt), releasedAt: new Date(ended) })
          .run();
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
