import type { DayWindow } from '@/lib/calendar/days';

/** [from, until): until null means "still so". */
export type Interval = { from: number; until: number | null };

/**
 * Beds that share one history: a shelter's many unchanged beds travel as one group with a count. A
 * surge bed (decision 0026) comes alone, with its nights: it is counted apart, on those nights only.
 */
export type BedGroup = { count: number; existsFrom: number; outages: Interval[]; surge?: { firstNight: string; lastNight: string } };

export type StayRecord = {
  status: 'reserved' | 'checked_in' | 'checked_out' | 'cancelled' | 'expired';
  createdAt: number;
  holdUntil: number;
  checkedInAt: number | null;
  checkedOutAt: number | null;
  endedAt: number | null;
  /** When the stay held each of its beds (a move swaps them); `surge`: a surge bed, counted apart. */
  beds: (Interval & { surge?: boolean })[];
  /** When the household was registered, for the time it waited for its first reservation. */
  registeredAt: number;
  /** The household's first reservation: later ones are re-placements, not new waits. */
  firstForHousehold: boolean;
  /** The continuation of a move from another shelter: not a new placement. */
  movedIn: boolean;
};

export type DayFigures = {
  day: string;
  bedsInService: number;
  outOfService: number;
  occupied: number;
  reserved: number;
  registered: number;
  placed: number;
  checkedIn: number;
  checkedOut: number;
  noShows: number;
  staysCompleted: number;
  stayMsTotal: number;
  waitMinutes: number[];
  /** Surge beds laid out on the day's night and in service at its end, and of those, beds a checked-in guest held. */
  surgeBeds: number;
  surgeOccupied: number;
  /** Of the beds in service and the beds occupied, those in private homes (lib/occupancy/home-days.ts). */
  homeBeds: number;
  homeOccupied: number;
};

export const emptyDay = (day: string): DayFigures => ({
  day,
  bedsInService: 0,
  outOfService: 0,
  occupied: 0,
  reserved: 0,
  registered: 0,
  placed: 0,
  checkedIn: 0,
  checkedOut: 0,
  noShows: 0,
  staysCompleted: 0,
  stayMsTotal: 0,
  waitMinutes: [],
  surgeBeds: 0,
  surgeOccupied: 0,
  homeBeds: 0,
  homeOccupied: 0,
});

/** The household slept there: from check-in until check-out. */
export function occupiedSpan(stay: StayRecord): Interval | null {
  if (stay.checkedInAt === null) return null;
  return { from: stay.checkedInAt, until: stay.checkedOutAt ?? stay.endedAt };
}

/** Beds held for a household not yet there: until check-in, cancellation, or the hold passing. */
export function reservedSpan(stay: StayRecord): Interval {
  const until = Math.min(stay.checkedInAt ?? Infinity, stay.endedAt ?? Infinity, stay.holdUntil);
  return { from: stay.createdAt, until };
}

/** A hold that passed without a check-in: the status says so once the sweep ran, the time before. */
export function isNoShow(stay: StayRecord, now: number): boolean {
  return stay.status === 'expired' || (stay.status === 'reserved' && stay.holdUntil <= now);
}

const intersect = (a: Interval, b: Interval): Interval | null => {
  const from = Math.max(a.from, b.from);
  const until = Math.min(a.until ?? Infinity, b.until ?? Infinity);
  return from < until ? { from, until: until === Infinity ? null : until } : null;
};

/** Index of the first window whose snapshot instant is at or after t. */
function firstAtOrAfter(windows: DayWindow[], t: number): number {
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (windows[mid].at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The window whose day contains t, or -1. */
function dayIndexOf(windows: DayWindow[], t: number | null): number {
  if (t === null || windows.length === 0 || t < windows[0].start || t >= windows[windows.length - 1].end) return -1;
  let lo = 0;
  let hi = windows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (windows[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The occupancy of one shelter, day by day. The rule: a day's bed counts are the state at the local
 * midnight that ends it (for today, at `now`), so a bed counts as occupied on a day when a household
 * that had checked in held it that night. Flows (registered, placed, check-ins, check-outs, no-shows)
 * count the events that happened within the local day, midnight to midnight.
 *
 * Counting each snapshot by sweeping a difference array keeps a two-year roll-up of a busy shelter
 * linear in its stays and days rather than their product.
 */
export function occupancyByDay(input: {
  windows: DayWindow[];
  beds: BedGroup[];
  stays: StayRecord[];
  registrations?: number[];
  now: number;
}): DayFigures[] {
  const { windows, now } = input;
  const n = windows.length;
  const inService = new Array<number>(n + 1).fill(0);
  const outOfService = new Array<number>(n + 1).fill(0);
  const occupied = new Array<number>(n + 1).fill(0);
  const reserved = new Array<number>(n + 1).fill(0);
  const days = windows.map((w) => emptyDay(w.day));

  // Adds `count` to every day whose snapshot instant falls within the span.
  const addSpan = (diff: number[], span: Interval | null, count: number) => {
    if (!span || count === 0) return;
    const first = firstAtOrAfter(windows, span.from);
    const last = span.until === null ? n : firstAtOrAfter(windows, span.until);
    if (first < last) {
      diff[first] += count;
      diff[last] -= count;
    }
  };

  const surgeOccupied = new Array<number>(n + 1).fill(0);
  for (const group of input.beds) {
    const exists: Interval = { from: group.existsFrom, until: null };
    if (group.surge) {
      // On the nights it was laid out, when it stood, in service, at the day's end.
      const { firstNight, lastNight } = group.surge;
      windows.forEach((w, i) => {
        const standing = w.at >= group.existsFrom && !group.outages.some((o) => o.from <= w.at && (o.until === null || w.at < o.until));
        if (standing && firstNight <= w.day && w.day <= lastNight) days[i].surgeBeds += group.count;
      });
      continue;
    }
    addSpan(inService, exists, group.count);
    for (const outage of group.outages) {
      const down = intersect(exists, outage);
      addSpan(inService, down, -group.count);
      addSpan(outOfService, down, group.count);
    }
  }

  for (const stay of input.stays) {
    const occupiedFor = occupiedSpan(stay);
    const reservedFor = reservedSpan(stay);
    for (const bed of stay.beds) {
      if (bed.surge) {
        addSpan(surgeOccupied, occupiedFor && intersect(occupiedFor, bed), 1);
        continue;
      }
      addSpan(occupied, occupiedFor && intersect(occupiedFor, bed), 1);
      addSpan(reserved, intersect(reservedFor, bed), 1);
    }
    const placedOn = dayIndexOf(windows, stay.createdAt);
    if (placedOn >= 0 && !stay.movedIn) days[placedOn].placed++;
    if (placedOn >= 0 && stay.firstForHousehold)
      days[placedOn].waitMinutes.push(Math.max(0, Math.round((stay.createdAt - stay.registeredAt) / 60_000)));
    const inOn = dayIndexOf(windows, stay.checkedInAt);
    if (inOn >= 0) days[inOn].checkedIn++;
    const outOn = dayIndexOf(windows, stay.checkedOutAt);
    if (outOn >= 0 && stay.checkedInAt !== null && stay.checkedOutAt !== null) {
      days[outOn].checkedOut++;
      days[outOn].staysCompleted++;
      days[outOn].stayMsTotal += stay.checkedOutAt - stay.checkedInAt;
    }
    if (isNoShow(stay, now)) {
      const missedOn = dayIndexOf(windows, stay.holdUntil);
      if (missedOn >= 0) days[missedOn].noShows++;
    }
  }

  for (const at of input.registrations ?? []) {
    const on = dayIndexOf(windows, at);
    if (on >= 0) days[on].registered++;
  }

  let s = 0;
  let o = 0;
  let occ = 0;
  let res = 0;
  let surgeOcc = 0;
  days.forEach((day, i) => {
    day.surgeOccupied = surgeOcc += surgeOccupied[i];
    day.bedsInService = s += inService[i];
    day.outOfService = o += outOfService[i];
    day.occupied = occ += occupied[i];
    day.reserved = res += reserved[i];
  });
  return days;
}
