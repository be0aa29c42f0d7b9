import { ROOM_KINDS, type RoomKind } from '@/db/schema/enums';
import type { Night } from '@/lib/calendar/nights';
import type { Forecast, KindFigures, People } from './maths';

/** One night as a guide reads it: whole beds and head counts, nothing about any household. */
export type ForecastNightView = {
  night: Night;
  certain: number;
  likely: number;
  expectedFree: number;
  /** The queue now (tonight only; null on later nights). */
  waiting: People | null;
  /** People due that night: reservations starting then and households expected to land. */
  ahead: number;
  byKind: Record<RoomKind, { certain: number; expectedFree: number }>;
  /** Surge beds free for certain, apart from `certain` (decision 0026). */
  surge: number;
};

/** A shelter's beds likely still free at each night's midnight; null for a shelter out of the forecast (paused or closed). */
export type ShelterForecastView = { id: string; name: string; expectedFree: number[] | null };

// Likely and expected beds are chances summed over many beds: shown as whole beds, never below none.
const beds = (n: number) => Math.max(0, Math.round(n));
const kindView = (figures: KindFigures) => ({ certain: figures.certain, expectedFree: beds(figures.expectedFree) });

/** The network's nights, aggregated for display. */
export function networkNights(result: Forecast): ForecastNightView[] {
  return result.nights.map((n) => ({
    night: n.night,
    certain: n.total.certain,
    likely: beds(n.total.likely),
    expectedFree: beds(n.total.expectedFree),
    waiting: n.index === 0 ? n.waiting : null,
    ahead: n.ahead.men + n.ahead.women + n.ahead.families,
    byKind: Object.fromEntries(ROOM_KINDS.map((kind) => [kind, kindView(n.byKind[kind])])) as ForecastNightView['byKind'],
    surge: n.surge,
  }));
}

/** Beds likely still free per night for the shelters named, in their order; none for a shelter taking nobody. */
export function shelterNights(result: Forecast, shelters: { id: string; name: string }[]): ShelterForecastView[] {
  const byId = new Map(result.shelters.map((s) => [s.id, s]));
  return shelters.map(({ id, name }) => {
    const own = byId.get(id);
    return { id, name, expectedFree: own ? result.nights.map((_, i) => beds(own.nights[i]?.total.expectedFree ?? 0)) : null };
  });
}
