// The forecast against what happened: a synthetic network's two months replayed hour by hour; each day
// at 01:00 the pure forecast (lib/forecast/maths.ts) is asked for each of its seven nights' beds likely
// still free at midnight from what was known then, and each is compared, at that night's midnight,
// with the beds free then. Horizon h is the night whose midnight is the h-th to come, 23 + 24 × (h − 1)
// hours ahead: h1 is the night that starts that evening, h7 the forecast's last. The naive forecast for
// every horizon is the beds free at the asking. The same is asked at 18:00 (evening_…): h1 is then six
// hours ahead, and "free now" is hardest to beat, with the day's departures and most arrivals behind.
import type { RoomKind } from '@/db/schema/enums';
import { dayStart, localDay } from '@/lib/calendar/days';
import { addNights, type Night } from '@/lib/calendar/nights';
import { zonedWallClockToUtc } from '@/lib/calendar/zones';
import { forecast, FORECAST_NIGHTS, type ForecastInput, type RecentStay, type ShelterInput } from '@/lib/forecast/maths';
import { round } from './stats';
import { prng } from './surge-network';

export type ForecastConfig = { shelters: number; days: number; warmUpDays: number; arrivalsPerDay: number; seeds: number[] };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Berlin, so that the replay crosses the clock change of 25 Oct 2026.
const ZONE = 'Europe/Berlin';
const FIRST_DAY = '2026-09-01';

type Room = { id: string; shelter: number; kind: RoomKind; beds: number; nights: Map<Night, number>; present: Set<Stay> };
type Stay = {
  shelter: number;
  room: Room;
  beds: number;
  createdAt: number;
  firstNight: Night;
  departure: Night;
  holdUntil: number;
  /** When the household will come through the door, or null: it never will (a no-show). */
  comesAt: number | null;
  checkedInAt: number | null;
  endedAt: number | null;
  /** The morning it leaves (early, on time or late), decided by the world, unknown to the forecast. */
  leavesOn: Night;
};
type Household = {
  kind: 'men' | 'women' | 'family';
  beds: number;
  arrivesAt: number;
  firstNight: Night;
  nights: number;
  registeredAt: number;
};

const at = (day: Night, time: string) => zonedWallClockToUtc(`${day}T${time}`, ZONE).getTime();

function replay(config: ForecastConfig, seed: number) {
  const random = prng(seed);
  const pick = <T>(weights: [T, number][]) => {
    let r = random() * weights.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of weights) if ((r -= w) < 0) return value;
    return weights[weights.length - 1][0];
  };
  const rooms: Room[] = [];
  const noShowRate: number[] = [];
  for (let s = 0; s < config.shelters; s++) {
    noShowRate.push(0.05 + random() * 0.25);
    const add = (kind: RoomKind, beds: number) =>
      beds > 0 && rooms.push({ id: `${s}-${rooms.length}`, shelter: s, kind, beds, nights: new Map(), present: new Set() });
    add('men', 6 + Math.floor(random() * 10));
    add('women', 4 + Math.floor(random() * 8));
    add('mixed', Math.floor(random() * 8));
    add('family', 4 * Math.floor(random() * 3));
  }
  const stays: Stay[] = [];
  const queue: Household[] = [];
  const lastDay = addNights(FIRST_DAY, config.days);
  const start = dayStart(FIRST_DAY, ZONE);
  // Events by the hour before which they happen, run in order at that hour's tick.
  const events = new Map<number, { at: number; run: () => void }[]>();
  let current = 0;
  const schedule = (when: number, run: () => void) => {
    const tick = Math.max(current + 1, Math.floor((when - start) / HOUR) + 1);
    events.set(tick, [...(events.get(tick) ?? []), { at: when, run }]);
  };
  // Weekday pace, Sunday first: flights bunch at the weekend's ends.
  const pace = [0.7, 1.3, 1.1, 0.95, 0.9, 1.05, 1.2];

  // Guests past their departure and still there: out of the ledger, yet in their beds.
  const overdue = (room: Room, today: Night) =>
    [...room.present].reduce((sum, stay) => (stay.departure <= today ? sum + stay.beds : sum), 0);
  const freeIn = (room: Room, night: Night, today: Night | null) =>
    room.beds - (room.nights.get(night) ?? 0) - (night === today ? overdue(room, today) : 0);
  const fitsNights = (room: Room, first: Night, nights: number, beds: number, today: Night | null) =>
    [...Array(nights).keys()].every((i) => freeIn(room, addNights(first, i), today) >= beds);
  const take = (room: Room, first: Night, until: Night, beds: number) => {
    for (let night = first; night < until; night = addNights(night, 1)) room.nights.set(night, (room.nights.get(night) ?? 0) + beds);
  };
  const fits = (room: Room, household: Household) =>
    household.kind === 'family' ? room.kind === 'family' : room.kind === household.kind || room.kind === 'mixed';
  const roomFor = (household: Household, today: Night) => {
    const candidates = rooms.filter(
      (room) => fits(room, household) && fitsNights(room, household.firstNight, household.nights, household.beds, today),
    );
    return candidates.length ? candidates[Math.floor(random() * candidates.length)] : null;
  };

  const place = (household: Household, now: number): boolean => {
    const room = roomFor(household, localDay(now, ZONE));
    if (!room) return false;
    const departure = addNights(household.firstNight, household.nights);
    const holdUntil = at(household.firstNight, '23:00');
    const shows = random() >= noShowRate[room.shelter];
    const comesAt = shows ? Math.max(now, household.arrivesAt) + HOUR : null;
    const early = random() < 0.1 && household.nights > 1;
    // Late: an extension asked for on the morning it was due; overstaying: no one asked, the guest stays on.
    const late = !early && random() < 0.05;
    const overstays = !early && !late && random() < 0.07;
    const leavesOn = early
      ? addNights(household.firstNight, 1 + Math.floor(random() * (household.nights - 1)))
      : late || overstays
        ? addNights(departure, 1 + Math.floor(random() * 2))
        : departure;
    const stay: Stay = {
      shelter: room.shelter,
      room,
      beds: household.beds,
      createdAt: now,
      firstNight: household.firstNight,
      departure,
      holdUntil,
      comesAt,
      checkedInAt: null,
      endedAt: null,
      leavesOn,
    };
    stays.push(stay);
    take(room, household.firstNight, departure, household.beds);
    if (comesAt !== null && comesAt < holdUntil) {
      schedule(comesAt, () => {
        stay.checkedInAt = comesAt;
        room.present.add(stay);
      });
      // A late departure is an extension asked for on the morning it was due, if the beds are free.
      if (late) schedule(at(departure, '09:00'), () => extend(stay));
      else schedule(at(leavesOn, '10:00'), () => leave(stay, at(leavesOn, '10:00')));
    } else {
      schedule(holdUntil, () => leave(stay, holdUntil));
    }
    return true;
  };
  const extend = (stay: Stay) => {
    const extra = Math.round((Date.parse(stay.leavesOn) - Date.parse(stay.departure)) / DAY);
    if (fitsNights(stay.room, stay.departure, extra, stay.beds, null)) {
      take(stay.room, stay.departure, stay.leavesOn, stay.beds);
      stay.departure = stay.leavesOn;
    }
    schedule(at(stay.departure, '10:00'), () => leave(stay, at(stay.departure, '10:00')));
  };
  const leave = (stay: Stay, when: number) => {
    if (stay.endedAt !== null) return;
    stay.endedAt = when;
    stay.room.present.delete(stay);
    const from = stay.checkedInAt === null ? stay.firstNight : localDay(when, ZONE);
    take(stay.room, from, stay.departure, -stay.beds);
  };

  // Households, day by day: a share book 0–3 days ahead, the rest walk in and are placed as they come.
  for (let day = FIRST_DAY; day < lastDay; day = addNights(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const count = Math.round(config.arrivalsPerDay * pace[weekday] * (0.8 + random() * 0.4));
    for (let i = 0; i < count; i++) {
      const kind = pick<Household['kind']>([
        ['men', 55],
        ['women', 30],
        ['family', 15],
      ]);
      const arrivesAt = at(day, '07:00') + Math.floor(random() * 14 * HOUR);
      const ahead = pick([
        [0, 70],
        [1, 12],
        [2, 10],
        [3, 8],
      ]);
      const household: Household = {
        kind,
        beds: kind === 'family' ? 2 + Math.floor(random() * 3) : 1,
        arrivesAt,
        firstNight: day,
        nights: pick([
          [1, 15],
          [2, 20],
          [3, 30],
          [4, 12],
          [5, 10],
          [6, 6],
          [7, 7],
        ]),
        registeredAt: ahead === 0 ? arrivesAt : arrivesAt - ahead * DAY - Math.floor(random() * 8 * HOUR),
      };
      schedule(household.registeredAt, () => place(household, household.registeredAt) || queue.push(household));
    }
  }

  const shelterInputs = (now: number): ShelterInput[] => {
    const tonight = localDay(now, ZONE);
    return Array.from({ length: config.shelters }, (_, s) => {
      const own = rooms.filter((room) => room.shelter === s);
      const live = stays.filter((stay) => stay.shelter === s && stay.createdAt <= now && stay.endedAt === null);
      const ledger = own.flatMap((room) =>
        Array.from({ length: 7 }, (_, i) => {
          const night = addNights(tonight, i);
          const onNight = live.filter((stay) => stay.room === room && stay.firstNight <= night && night < stay.departure);
          const checkedIn = onNight.filter((stay) => stay.checkedInAt !== null).reduce((sum, stay) => sum + stay.beds, 0);
          return { roomId: room.id, night, checkedIn, reserved: onNight.reduce((sum, stay) => sum + stay.beds, 0) - checkedIn };
        }),
      );
      const departing = live
        .filter((stay) => stay.checkedInAt !== null)
        .map((stay) => ({ roomId: stay.room.id, departure: stay.departure, beds: stay.beds }));
      const month = stays.filter((stay) => stay.shelter === s && stay.holdUntil > now - 30 * DAY && stay.holdUntil <= now);
      const recent: RecentStay[] = stays
        .filter((stay) => stay.shelter === s && stay.createdAt <= now && stay.createdAt > now - 23 * DAY)
        .map((stay) => ({
          kind: stay.room.kind,
          beds: stay.beds,
          createdAt: stay.createdAt,
          firstNight: stay.firstNight,
          departure: stay.departure,
          holdUntil: stay.holdUntil,
          checkedInAt: stay.checkedInAt,
          endedAt: stay.endedAt !== null && stay.endedAt <= now ? stay.endedAt : null,
        }));
      return {
        id: String(s),
        timeZone: ZONE,
        // The replay's guests leave at 10:00.
        checkOutBy: '10:00',
        rooms: own.map((room) => ({ id: room.id, kind: room.kind, beds: room.beds })),
        closures: [],
        ledger,
        departing,
        arriving: [],
        noShows: {
          expired: month.filter((stay) => stay.checkedInAt === null).length,
          checkedIn: month.filter((stay) => stay.checkedInAt !== null).length,
        },
        recent,
      };
    });
  };
  const freeBeds = (night: Night) => rooms.reduce((sum, room) => sum + Math.max(0, freeIn(room, night, night)), 0);

  // Per asking hour and horizon (index h - 1): the forecast's and the naive forecast's absolute errors, and the beds free.
  const perHorizon = () => Array.from({ length: FORECAST_NIGHTS }, () => [] as number[]);
  const errors = ASK_AT.map(perHorizon);
  const naiveErrors = ASK_AT.map(perHorizon);
  const actuals = ASK_AT.map(perHorizon);
  const pending: { measureAt: number; night: Night; ask: number; horizon: number; forecast: number; naive: number }[] = [];
  const end = dayStart(lastDay, ZONE);
  for (let tick = 0, now = start; now < end; tick++, now += HOUR) {
    current = tick;
    for (const event of (events.get(tick) ?? []).sort((a, b) => a.at - b.at)) event.run();
    events.delete(tick);
    const today = localDay(now, ZONE);
    // Whoever found no bed waits, and is tried again each hour until their night has passed.
    for (const household of queue.splice(0)) if (household.firstNight === today && !place(household, now)) queue.push(household);
    for (const waiting of pending.filter((p) => p.measureAt === now)) {
      const actual = freeBeds(waiting.night);
      actuals[waiting.ask][waiting.horizon].push(actual);
      errors[waiting.ask][waiting.horizon].push(Math.abs(waiting.forecast - actual));
      naiveErrors[waiting.ask][waiting.horizon].push(Math.abs(waiting.naive - actual));
    }
    const ask = ASK_AT.findIndex((time) => now === at(today, time));
    if (ask >= 0 && today >= addNights(FIRST_DAY, config.warmUpDays) && addNights(today, FORECAST_NIGHTS) < lastDay) {
      const input: ForecastInput = { now, networkZone: ZONE, shelters: shelterInputs(now), waiting: [] };
      const naive = freeBeds(today);
      for (const night of forecast(input).nights) {
        pending.push({
          measureAt: dayStart(addNights(night.night, 1), ZONE),
          night: night.night,
          ask,
          horizon: night.index,
          forecast: night.total.expectedFree,
          naive,
        });
      }
    }
  }
  return { errors, naiveErrors, actuals, beds: rooms.reduce((sum, room) => sum + room.beds, 0) };
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);

/** The hours the forecast is asked at, each day: just after midnight (whole days ahead) and in the evening. */
const ASK_AT = ['01:00', '18:00'];

/** Several histories (one per seed), pooled: one seed's two months are too few days to judge by. */
export function benchForecast(config: ForecastConfig) {
  const runs = config.seeds.map((seed) => replay(config, seed));
  const all = (pick: (run: (typeof runs)[number]) => number[]) => runs.flatMap(pick);
  // One night ahead (h1), asked at 01:00, keeps the names the forecast was first judged by.
  const ratios = runs.map((run) => mean(run.errors[0][0]) / mean(run.naiveErrors[0][0]));
  const ratioAt = (ask: number, prefix: string) =>
    Object.fromEntries(
      Array.from({ length: FORECAST_NIGHTS }, (_, i) => [
        `${prefix}mae_ratio_to_naive_h${i + 1}`,
        round(mean(all((run) => run.errors[ask][i])) / mean(all((run) => run.naiveErrors[ask][i])), 2),
      ]),
    );
  return {
    histories: runs.length,
    days_forecast: all((run) => run.errors[0][0]).length,
    beds: runs[0].beds,
    mean_free_beds: round(mean(all((run) => run.actuals[0][0])), 1),
    mae_beds: round(mean(all((run) => run.errors[0][0])), 2),
    naive_mae_beds: round(mean(all((run) => run.naiveErrors[0][0])), 2),
    mae_ratio_to_naive: round(mean(all((run) => run.errors[0][0])) / mean(all((run) => run.naiveErrors[0][0])), 2),
    mae_ratio_per_history: `${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}`,
    ...ratioAt(0, ''),
    ...ratioAt(1, 'evening_'),
  };
}
