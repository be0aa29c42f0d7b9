import type { arrivals } from '@/db/schema';
import { minutesSince } from '@/lib/calendar/zones';
import type { Share } from '@/lib/privacy/shares';
import { landingOf, type Landing } from './landing';

type ArrivalRow = typeof arrivals.$inferSelect;

/** Who a household is made of: what every staff screen may show, with no name attached. */
export type Composition = { adultMen: number; adultWomen: number; children: number; needsWheelchair: boolean; hasPet: boolean };

/**
 * A household as one caller receives it: the data-access layer's answer (a data transfer object),
 * never a database row. What the caller's share leaves out is not blanked by the page but absent
 * from the object; token hashes, registration details and timestamps of the row are never in it.
 */
export type HouseholdView = {
  id: string;
  /** False when the caller may not know who this is: `alias` and `needNote` are then null. */
  identified: boolean;
  /** The alias, or null when withheld; an identified household whose alias was erased has none either. */
  alias: string | null;
  needNote: string | null;
  contact: string | null;
  composition: Composition;
  size: number;
  languages: string[];
  selfRegistered: boolean;
  status: ArrivalRow['status'];
  arrivedAt: Date;
  /** When it expects to land, if it registered before it did; and the nights it asked for. */
  expectedAt: Date | null;
  nightsWanted: number | null;
  /** How long it has waited since it came (or landed): none counts while it is still to come. */
  waitedMinutes: number;
  /** When it lands, on its city's clock, while that is ahead; null once here, or when the caller gave no clock. */
  landing: Landing | null;
};

/** `timeZone`: the clock of the household's city, for the queue's "lands tomorrow 14:20". */
export function householdView(row: ArrivalRow, share: Share, now: Date, timeZone?: string): HouseholdView {
  // A request says when it lands as its arrival time; a guide's intake, as the expected landing.
  const lands = row.expectedAt ?? row.arrivedAt;
  const composition = {
    adultMen: row.adultMen,
    adultWomen: row.adultWomen,
    children: row.children,
    needsWheelchair: row.needsWheelchair,
    hasPet: row.hasPet,
  };
  return {
    id: row.id,
    identified: share.identity,
    alias: share.identity ? row.alias : null,
    needNote: share.identity ? row.needNote : null,
    contact: share.contact ? row.contact : null,
    composition,
    size: row.adultMen + row.adultWomen + row.children,
    languages: row.languages,
    selfRegistered: row.selfRegistered,
    status: row.status,
    arrivedAt: row.arrivedAt,
    expectedAt: row.expectedAt,
    nightsWanted: row.nightsWanted,
    waitedMinutes: minutesSince(Math.max(row.arrivedAt.getTime(), lands.getTime()), now),
    landing: timeZone ? landingOf(lands, now, timeZone) : null,
  };
}
