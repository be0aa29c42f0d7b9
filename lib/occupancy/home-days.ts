import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { shelters } from '@/db/schema';
import type { DayFigures } from './maths';

const homeIds = statement(() => sql`select ${shelters.id} from ${shelters} where ${shelters.kind} = 'home'`);

/** The private homes among the shelters (decision 0025): their days are also counted apart. */
export const homeShelterIds = (db: Db): Set<string> => new Set(homeIds(db).pluck().all() as string[]);

/**
 * A private home's days count in every total like a shelter's, and again apart as the homes' own
 * beds in service and beds occupied, so the history shows how much of the network's room people
 * gave from their homes. The same rule on the live days and on the days the roll-up stores, so a
 * day reads the same before and after it is rolled up. Changes `days` in place and returns them.
 */
export function countAsHome(home: boolean, days: DayFigures[]): DayFigures[] {
  if (!home) return days;
  for (const day of days) {
    day.homeBeds = day.bedsInService;
    day.homeOccupied = day.occupied;
  }
  return days;
}
