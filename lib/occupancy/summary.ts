import type { DayFigures } from './maths';

export const freeBeds = (day: Pick<DayFigures, 'bedsInService' | 'occupied' | 'reserved'>) =>
  Math.max(0, day.bedsInService - day.occupied - day.reserved);

/** Occupied share of the beds in service, 0–1; null when there was no bed to fill. */
export const occupancyRate = (day: Pick<DayFigures, 'bedsInService' | 'occupied'>) =>
  day.bedsInService > 0 ? day.occupied / day.bedsInService : null;

/** The median of `values`; a Float64Array is sorted in place (the caller's own copy). */
export function median(values: number[] | Float64Array): number | null {
  if (values.length === 0) return null;
  const sorted = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export type HistorySummary = {
  /** Occupied bed-nights over bed-nights in service: a busy week weighs as much as its beds. */
  occupancyRate: number | null;
  registered: number;
  placed: number;
  checkedIn: number;
  checkedOut: number;
  noShows: number;
  averageStayDays: number | null;
  medianWaitMinutes: number | null;
};

/** Every day's waits in one array: a network's 90 days hold over a hundred thousand, too many to spread. */
function waitsOf(days: DayFigures[]): Float64Array {
  const waits = new Float64Array(days.reduce((n, day) => n + day.waitMinutes.length, 0));
  let k = 0;
  for (const day of days) for (const wait of day.waitMinutes) waits[k++] = wait;
  return waits;
}

export function summarize(days: DayFigures[]): HistorySummary {
  const sum = (pick: (day: DayFigures) => number) => days.reduce((total, day) => total + pick(day), 0);
  const inService = sum((day) => day.bedsInService);
  const completed = sum((day) => day.staysCompleted);
  return {
    occupancyRate: inService > 0 ? sum((day) => day.occupied) / inService : null,
    registered: sum((day) => day.registered),
    placed: sum((day) => day.placed),
    checkedIn: sum((day) => day.checkedIn),
    checkedOut: sum((day) => day.checkedOut),
    noShows: sum((day) => day.noShows),
    averageStayDays: completed > 0 ? sum((day) => day.stayMsTotal) / completed / 86_400_000 : null,
    medianWaitMinutes: median(waitsOf(days)),
  };
}

/** Two scopes' figures for the same day, added: the network is the sum of its shelters. */
export function addDayFigures(a: DayFigures, b: DayFigures): DayFigures {
  return {
    day: a.day,
    bedsInService: a.bedsInService + b.bedsInService,
    outOfService: a.outOfService + b.outOfService,
    occupied: a.occupied + b.occupied,
    reserved: a.reserved + b.reserved,
    registered: a.registered + b.registered,
    placed: a.placed + b.placed,
    checkedIn: a.checkedIn + b.checkedIn,
    checkedOut: a.checkedOut + b.checkedOut,
    noShows: a.noShows + b.noShows,
    staysCompleted: a.staysCompleted + b.staysCompleted,
    stayMsTotal: a.stayMsTotal + b.stayMsTotal,
    waitMinutes: a.waitMinutes.concat(b.waitMinutes),
    surgeBeds: a.surgeBeds + b.surgeBeds,
    surgeOccupied: a.surgeOccupied + b.surgeOccupied,
    homeBeds: a.homeBeds + b.homeBeds,
    homeOccupied: a.homeOccupied + b.homeOccupied,
  };
}
