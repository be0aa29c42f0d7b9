import { ROOM_KINDS, type RoomKind } from '@/db/schema/enums';
import { Remembered } from '@/lib/cache';
import { dayStart } from '@/lib/calendar/days';
import { addNights, tonightIn, type Night } from '@/lib/calendar/nights';
import { zonedWallClockToUtc } from '@/lib/calendar/zones';

/** How many nights the forecast looks ahead, tonight included. */
export const FORECAST_NIGHTS = 7;
/** Days of no-shows behind a shelter's rate. */
export const NO_SHOW_DAYS = 30;
/** Past nights whose fill-up teaches how many beds placements not yet made will take. */
export const FILL_NIGHTS = 14;
/** How far back stays are needed: the fill window plus the longest lead time asked about. */
// Arrivals follow the week (flights bunch at its ends): each of the two past nights on the same weekday
// weighs as much as six others, so the weekday leads and the other twelve nights steady it.
const SAME_WEEKDAY = 6;
const FILL_WEIGHTS = FILL_NIGHTS + (SAME_WEEKDAY - 1) * Math.floor(FILL_NIGHTS / 7);
export const RECENT_DAYS = FILL_NIGHTS + FORECAST_NIGHTS + 1;

// A shelter with few stays says little about its own no-shows: its rate is blended with the network's
// as if the network had contributed PRIOR_STAYS stays of its own, so one no-show out of two stays reads
// as about the network's rate, not 50 %; a shelter with hundreds of stays keeps its own. The network's
// rate is itself blended with a cautious default the same way, for a network that has just started.
const PRIOR_STAYS = 10;
const DEFAULT_NO_SHOW_RATE = 0.15;
const DEFAULT_OVERSTAY_RATE = 0.05;

export type People = { men: number; women: number; families: number };
export type KindFigures = { certain: number; likely: number; expectedFree: number };
export type ByKind = Record<RoomKind, KindFigures>;

/** A stay made recently, as known now: which beds of which kind it took, and when it came and went. */
export type RecentStay = {
  kind: RoomKind;
  beds: number;
  createdAt: number;
  firstNight: Night;
  departure: Night;
  holdUntil: number;
  checkedInAt: number | null;
  /** Checked out, cancelled or expired: when the beds came free; null while still held. */
  endedAt: number | null;
};

export type ShelterInput = {
  id: string;
  timeZone: string;
  /** Local "HH:MM" by which a departing guest leaves on the day of departure. */
  checkOutBy: string;
  /** Rooms with their beds in service now. */
  rooms: { id: string; kind: RoomKind; beds: number }[];
  closures: { roomId: string | null; firstNight: Night; lastNight: Night }[];
  /** The booking ledger over the coming nights, per room: beds held by guests checked in and by reservations. */
  ledger: { roomId: string; night: Night; checkedIn: number; reserved: number }[];
  /** Beds occupied now by a checked-in guest, by planned departure: from that night on, the ledger no longer holds them. */
  departing: { roomId: string; departure: Night; beds: number }[];
  /**
   * Free beds tonight per room, as every screen counts them (lib/occupancy/free-tonight.ts): the first
   * night's "free for certain". A room not named has none; absent, tonight is worked out like the others.
   */
  freeTonight?: ReadonlyMap<string, number>;
  /**
   * Surge beds (decision 0026) free for certain on each coming night from the shelter's tonight, apart
   * from the rooms' beds: laid out that night, not closed, not held. Absent: none.
   */
  surgeFree?: readonly number[];
  /** Reservations not yet checked in, by first night: the people coming. */
  arriving: { firstNight: Night; people: People }[];
  /** Over the last NO_SHOW_DAYS days: holds that expired and stays that checked in. */
  noShows: { expired: number; checkedIn: number };
  recent: RecentStay[];
};

/** A household not yet placed: here already (expectedAt null or past) or expected to land. */
export type WaitingHousehold = { people: People; expectedAt: number | null };

export type ForecastInput = { now: number; networkZone: string; shelters: ShelterInput[]; waiting: WaitingHousehold[] };

/** `surge`: the surge beds free for certain that night, apart from `total` (decision 0026). */
export type NightFigures = { index: number; night: Night; byKind: ByKind; total: KindFigures; ahead: People; surge: number };
export type ShelterForecast = { id: string; noShowRate: number; overstayRate: number; nights: NightFigures[] };
export type NetworkNight = NightFigures & { waiting: People };
export type Forecast = { noShowRate: number; nights: NetworkNight[]; shelters: ShelterForecast[] };

const noPeople = (): People => ({ men: 0, women: 0, families: 0 });
const noFigures = (): KindFigures => ({ certain: 0, likely: 0, expectedFree: 0 });
const noKinds = (): ByKind => ({ men: noFigures(), women: noFigures(), mixed: noFigures(), family: noFigures() });
const addPeople = (a: People, b: People): People => ({ men: a.men + b.men, women: a.women + b.women, families: a.families + b.families });
const addFigures = (a: KindFigures, b: KindFigures): KindFigures => ({
  certain: a.certain + b.certain,
  likely: a.likely + b.likely,
  expectedFree: a.expectedFree + b.expectedFree,
});

/** A household's people by the demand they make: anyone with children counts as a family. */
export function peopleOf(household: { adultMen: number; adultWomen: number; children: number }): People {
  if (household.children > 0) return { men: 0, women: 0, families: household.adultMen + household.adultWomen + household.children };
  return { men: household.adultMen, women: household.adultWomen, families: 0 };
}

/** Expired / (expired + checked in), blended towards `prior` by PRIOR_STAYS stays' worth. */
export const blendedRate = (counts: { expired: number; checkedIn: number }, prior: number) =>
  (counts.expired + PRIOR_STAYS * prior) / (counts.expired + counts.checkedIn + PRIOR_STAYS);

/**
 * Of the guests due to leave on the recent mornings, how many were still there the midnight after
 * (expired = stayed on, checkedIn = all due): a departure is likely, not certain.
 */
export function overstays(shelter: ShelterInput, tonight: Night) {
  const around = nightsAround(tonight, shelter.timeZone);
  const counts = { expired: 0, checkedIn: 0 };
  for (const stay of shelter.recent) {
    if (stay.checkedInAt === null || stay.departure >= tonight || stay.departure < around.fillFloor) continue;
    counts.checkedIn += stay.beds;
    if (heldAt(stay, stay.departure, around.endOf(stay.departure))) counts.expired += stay.beds;
  }
  return counts;
}

/**
 * The calendar around one tonight in one zone, the same for every shelter there: the coming nights
 * and the past FILL_NIGHTS nights, the midnight that ends each, and their weekdays. A forecast of a
 * thousand shelters asks for these tens of thousands of times; each is worked out once.
 */
type NightsAround = {
  coming: Night[];
  comingEnds: number[];
  comingWeekdays: number[];
  /** past[b - 1] is the night b nights before tonight. */
  past: Night[];
  pastEnds: number[];
  pastWeekdays: number[];
  /** The earliest departure overstays looks at. */
  fillFloor: Night;
  /** The midnight that ends a night, remembered. */
  endOf: (night: Night) => number;
};

const around = new Remembered<string, NightsAround>(1_000);
const weekdayOf = (night: Night) => new Date(`${night}T12:00:00Z`).getUTCDay();

function nightsAround(tonight: Night, timeZone: string): NightsAround {
  const key = `${timeZone} ${tonight}`;
  const known = around.get(key);
  if (known) return known;
  const ends = new Map<Night, number>();
  const endOf = (night: Night) => {
    let end = ends.get(night);
    if (end === undefined) ends.set(night, (end = dayStart(addNights(night, 1), timeZone)));
    return end;
  };
  const coming = Array.from({ length: FORECAST_NIGHTS }, (_, index) => addNights(tonight, index));
  const past = Array.from({ length: FILL_NIGHTS }, (_, b) => addNights(tonight, -(b + 1)));
  const made = {
    coming,
    comingEnds: coming.map(endOf),
    comingWeekdays: coming.map(weekdayOf),
    past,
    pastEnds: past.map(endOf),
    pastWeekdays: past.map(weekdayOf),
    fillFloor: addNights(tonight, -FILL_NIGHTS),
    endOf,
  };
  around.set(key, made);
  return made;
}

/** Whether a stay kept its beds from anyone else at the midnight `at` that ends night `night`'s evening. */
export function heldAt(stay: RecentStay, night: Night, at: number): boolean {
  if (stay.createdAt > at || stay.firstNight > night) return false;
  if (stay.endedAt !== null && stay.endedAt <= at) return false;
  return stay.checkedInAt !== null ? true : stay.holdUntil > at;
}

/**
 * Beds of each kind that placements made less than `leadMs[i]` before a midnight took at that
 * midnight, on average over the last FILL_NIGHTS nights, for each coming night i: what the stays not
 * yet made will take on a night that far away. Learned from the shelter's own recent nights, so it
 * follows its pace and its full nights alike (a shelter that was full could not fill more than it had).
 * All nights in one pass over the recent stays, each past midnight worked out once: at a thousand
 * shelters this loop is most of the forecast's time (the scale bench, docs/benchmarks.md).
 */
export function recentFills(shelter: ShelterInput, tonight: Night, leadMs: number[]): Record<RoomKind, number>[] {
  const { comingWeekdays, past, pastEnds, pastWeekdays } = nightsAround(tonight, shelter.timeZone);
  const fills = comingWeekdays.map(() => ({ men: 0, women: 0, mixed: 0, family: 0 }) as Record<RoomKind, number>);
  for (let back = 1; back <= FILL_NIGHTS; back++) {
    const night = past[back - 1];
    const midnight = pastEnds[back - 1];
    const weights = comingWeekdays.map((weekday) => (pastWeekdays[back - 1] === weekday ? SAME_WEEKDAY : 1) / FILL_WEIGHTS);
    for (const stay of shelter.recent) {
      if (!heldAt(stay, night, midnight)) continue;
      const age = midnight - stay.createdAt;
      for (let i = 0; i < FORECAST_NIGHTS; i++) if (age < leadMs[i]) fills[i][stay.kind] += stay.beds * weights[i];
    }
  }
  return fills;
}

/**
 * Of the guests who came for their first night over the recent nights, the share who came later in
 * the day than `now` is in tonight's: a reservation not yet checked in this evening is one of those
 * late comers or a no-show, so the later it is, the likelier a no-show. Blended towards 1 (saying
 * nothing) by PRIOR_STAYS check-ins' worth, for a shelter with few.
 */
export function lateShare(shelter: ShelterInput, tonight: Night, now: number): number {
  const { fillFloor } = nightsAround(tonight, shelter.timeZone);
  const sinceDayStart = now - dayStart(tonight, shelter.timeZone);
  let came = 0;
  let later = 0;
  for (const stay of shelter.recent) {
    if (stay.checkedInAt === null || stay.firstNight >= tonight || stay.firstNight < fillFloor) continue;
    came += stay.beds;
    if (stay.checkedInAt - dayStart(stay.firstNight, shelter.timeZone) > sinceDayStart) later += stay.beds;
  }
  return (later + PRIOR_STAYS) / (came + PRIOR_STAYS);
}

// The instant of the check-out hour on a day in a zone: the same few for a thousand shelters.
const checkOutHours = new Remembered<string, number>(10_000);
function checkOutHour(day: Night, checkOutBy: string, timeZone: string): number {
  const key = `${timeZone} ${day}T${checkOutBy}`;
  return checkOutHours.get(key) ?? checkOutHours.set(key, zonedWallClockToUtc(`${day}T${checkOutBy}`, timeZone).getTime());
}

/** The chance a reservation for tonight not checked in by now never comes: Bayes on the no-show rate and the late share. */
const noShowTonight = (noShowRate: number, late: number) => noShowRate / (noShowRate + (1 - noShowRate) * late);

const isClosed = (closures: ShelterInput['closures'], roomId: string, night: Night) =>
  closures.some((c) => (c.roomId === null || c.roomId === roomId) && c.firstNight <= night && night <= c.lastNight);

/**
 * One shelter's next FORECAST_NIGHTS nights. Per room and night, a bed in service and not closed is:
 * booked (the ledger holds it for a guest or a reservation), occupied by a guest due to have left by
 * then (not in the ledger, not yet gone), or free for certain. Likely to free up: those departing
 * beds, and each reserved bed-night times the chance the reservation never shows. A guest still here
 * after the check-out hour of their departure day is overdue and keeps the bed tonight (they leave on
 * a later morning, if at all): their bed is likely free from tomorrow, not tonight. What is expected
 * free at the night's midnight: certain plus likely, less what placements not yet made usually take
 * at that distance (recentFills), never below none nor above the beds open that night.
 */
export function shelterForecast(shelter: ShelterInput, now: number, rates: { noShowRate: number; overstayRate: number }): ShelterForecast {
  const { noShowRate, overstayRate } = rates;
  const tonight = tonightIn(shelter.timeZone, new Date(now));
  const { coming, comingEnds } = nightsAround(tonight, shelter.timeZone);
  // Per room: the ledger's row for each coming night, and its guests' departures.
  const ledger = new Map<string, (ShelterInput['ledger'][number] | undefined)[]>();
  for (const row of shelter.ledger) {
    const index = coming.indexOf(row.night);
    if (index < 0) continue;
    const rows = ledger.get(row.roomId) ?? [];
    rows[index] = row;
    ledger.set(row.roomId, rows);
  }
  const departures = new Map<string, ShelterInput['departing']>();
  for (const row of shelter.departing) departures.set(row.roomId, [...(departures.get(row.roomId) ?? []), row]);
  const fills = recentFills(
    shelter,
    tonight,
    comingEnds.map((end) => end - now),
  );
  // Departures on or before this day whose hour has passed: those guests are overdue tonight.
  const pendingNoShow = noShowTonight(noShowRate, lateShare(shelter, tonight, now));
  const overdueUpTo = now >= checkOutHour(tonight, shelter.checkOutBy, shelter.timeZone) ? tonight : addNights(tonight, -1);
  const nights: NightFigures[] = [];
  for (let index = 0; index < FORECAST_NIGHTS; index++) {
    const night = coming[index];
    const byKind = noKinds();
    const open: Record<RoomKind, number> = { men: 0, women: 0, mixed: 0, family: 0 };
    const staying: Record<RoomKind, number> = { men: 0, women: 0, mixed: 0, family: 0 };
    for (const room of shelter.rooms) {
      if (isClosed(shelter.closures, room.id, night)) continue;
      const booked = ledger.get(room.id)?.[index];
      let departing = 0;
      let overdue = 0;
      for (const d of departures.get(room.id) ?? []) {
        if (d.departure > night) continue;
        if (index === 0 && d.departure <= overdueUpTo) overdue += d.beds;
        else departing += d.beds;
      }
      const reserved = booked?.reserved ?? 0;
      const certain =
        index === 0 && shelter.freeTonight
          ? (shelter.freeTonight.get(room.id) ?? 0)
          : Math.max(0, room.beds - (booked?.checkedIn ?? 0) - reserved - departing - overdue);
      byKind[room.kind].certain += certain;
      byKind[room.kind].likely += departing + reserved * (index === 0 ? pendingNoShow : noShowRate);
      staying[room.kind] += departing * overstayRate;
      open[room.kind] += room.beds;
    }
    const fill = fills[index];
    let total = noFigures();
    for (const kind of ROOM_KINDS) {
      const figures = byKind[kind];
      figures.expectedFree = Math.min(open[kind], Math.max(0, figures.certain + figures.likely - staying[kind] - fill[kind]));
      total = addFigures(total, figures);
    }
    const ahead = shelter.arriving.filter((a) => a.firstNight === night).reduce((sum, a) => addPeople(sum, a.people), noPeople());
    nights.push({ index, night, byKind, total, ahead, surge: shelter.surgeFree?.[index] ?? 0 });
  }
  return { id: shelter.id, noShowRate, overstayRate, nights };
}

/**
 * The network's next FORECAST_NIGHTS nights: each shelter's own (nights counted from each shelter's
 * tonight), summed night by night, with the demand: households waiting now count on tonight, those
 * expected to land on the night they land (in the network's calendar).
 */
export function forecast(input: ForecastInput): Forecast {
  const totals = input.shelters.reduce(
    (sum, s) => ({ expired: sum.expired + s.noShows.expired, checkedIn: sum.checkedIn + s.noShows.checkedIn }),
    { expired: 0, checkedIn: 0 },
  );
  const networkRate = blendedRate(totals, DEFAULT_NO_SHOW_RATE);
  const due = input.shelters.map((shelter) => overstays(shelter, tonightIn(shelter.timeZone, new Date(input.now))));
  const networkOverstays = blendedRate(
    due.reduce((sum, d) => ({ expired: sum.expired + d.expired, checkedIn: sum.checkedIn + d.checkedIn }), { expired: 0, checkedIn: 0 }),
    DEFAULT_OVERSTAY_RATE,
  );
  const shelters = input.shelters.map((shelter, i) =>
    shelterForecast(shelter, input.now, {
      noShowRate: blendedRate(shelter.noShows, networkRate),
      overstayRate: blendedRate(due[i], networkOverstays),
    }),
  );
  const tonight = tonightIn(input.networkZone, new Date(input.now));
  const nights: NetworkNight[] = Array.from({ length: FORECAST_NIGHTS }, (_, index) => ({
    index,
    night: addNights(tonight, index),
    byKind: noKinds(),
    total: noFigures(),
    ahead: noPeople(),
    waiting: noPeople(),
    surge: 0,
  }));
  for (const shelter of shelters) {
    for (const figures of shelter.nights) {
      const sum = nights[figures.index];
      for (const kind of ROOM_KINDS) sum.byKind[kind] = addFigures(sum.byKind[kind], figures.byKind[kind]);
      sum.total = addFigures(sum.total, figures.total);
      sum.ahead = addPeople(sum.ahead, figures.ahead);
      sum.surge += figures.surge;
    }
  }
  for (const household of input.waiting) {
    if (household.expectedAt === null || household.expectedAt <= input.now) {
      nights[0].waiting = addPeople(nights[0].waiting, household.people);
      continue;
    }
    const index = nights.findIndex((n) => n.night === tonightIn(input.networkZone, new Date(household.expectedAt!)));
    if (index >= 0) nights[index].ahead = addPeople(nights[index].ahead, household.people);
  }
  return { noShowRate: networkRate, nights, shelters };
}
