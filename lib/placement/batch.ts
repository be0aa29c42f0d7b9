import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, rooms as roomsTable, shelters } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { holdsCity } from '@/lib/cities/scope';
import { DomainError, notAllowed } from '@/lib/errors';
import { translatedName } from '@/lib/i18n/translated-name';
import { planPlacement } from '@/lib/matching/plan';
import type { RoomAvailability } from '@/lib/matching/types';
import type { NightRange } from '@/lib/nights/calendar';
import { checkNights, defaultNights } from '@/lib/nights/stay-dates';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { shareOf } from '@/lib/privacy/shares';
import { roomNamesOf } from '@/lib/shelters/room-names';
import { networkAvailability } from './availability';
import { checkPlacementCity } from './city-rule';
import { reserveBeds } from './reserve';

/** The most households one batch places: a bus-load, and a write lock still held for milliseconds. */
export const MAX_BATCH = 30;

export type BatchOutcome = {
  arrivalId: string;
  /** The alias, if this caller may know it (an admin may not). */
  alias: string | null;
  /** The beds it got, as "Men's dorm 3", or why it got none (a key under `errors`). */
  beds: { roomName: string; label: string }[] | null;
  refusal: { code: string; params?: Record<string, string | number> } | null;
};

type Taken = { bedIds: Set<string>; range: NightRange };
const overlaps = (a: NightRange, b: NightRange) => a.firstNight < b.departure && b.firstNight < a.departure;

/**
 * Runs `attempt` inside a savepoint: if it throws, whatever it wrote is undone and the rest of the
 * transaction stands. reserveBeds writes the stay before the ledger may refuse a bed-night, so a
 * check beforehand would not be enough to keep a half-made stay out.
 */
function isolated<T>(db: Db, attempt: () => T): T {
  db.$client.exec('savepoint batch_household');
  try {
    const result = attempt();
    db.$client.exec('release batch_household');
    return result;
  } catch (error) {
    db.$client.exec('rollback to batch_household');
    db.$client.exec('release batch_household');
    throw error;
  }
}

/**
 * Places several waiting households in one shelter, in the order given, each in its own stay on its
 * own nights (`nights` when the guide chose them, else the household's own, as a single reservation
 * works them out). Must run in one BEGIN IMMEDIATE transaction: the shelter's free beds are read once
 * per distinct range of nights and kept up to date as beds are taken, as nothing else can write
 * meanwhile; each household is then reserved through reserveBeds, whose checks and the ledger's key
 * still decide. One household's refusal (no bed fitting left, already placed by someone else) is
 * its outcome and undoes none of the others. Ids that name no household at all, or a shelter that
 * does not exist or is not open, refuse the whole batch, before anything is written.
 */
export function reserveBatch(
  db: Db,
  user: StaffUser,
  input: { arrivalIds: string[]; shelterId: string; nights?: NightRange },
  now: Date,
): { shelterName: string; outcomes: BatchOutcome[] } {
  if (user.role !== 'coordinator' && user.role !== 'admin') throw notAllowed();
  const ids = [...new Set(input.arrivalIds)];
  if (ids.length === 0 || ids.length > MAX_BATCH) throw new DomainError('chooseHouseholds', 'arrivalIds');
  const shelter = db.select().from(shelters).where(eq(shelters.id, input.shelterId)).get();
  if (!shelter) throw new DomainError('notFound', 'shelterId');
  // Of a shelter in a city the caller does not hold nothing is said: the city rule below refuses each household.
  if (shelter.status !== 'open' && holdsCity(user, shelter.cityId)) throw new DomainError('shelterNotOpen', 'shelterId');
  const rows = new Map(
    db
      .select()
      .from(arrivals)
      .where(inArray(arrivals.id, ids))
      .all()
      .map((row) => [row.id, row]),
  );
  if (rows.size !== ids.length) throw new DomainError('notFound', 'arrivalIds');

  const freeFor = new Map<string, RoomAvailability[]>();
  const taken: Taken[] = [];
  /** The shelter's rooms with the beds free on every night of `range`, less those this batch took. */
  const roomsFor = (range: NightRange) => {
    const key = `${range.firstNight}/${range.departure}`;
    let rooms = freeFor.get(key);
    if (!rooms) freeFor.set(key, (rooms = networkAvailability(db, { nights: range, shelterId: shelter.id })[0]?.rooms ?? []));
    const gone = new Set(taken.filter((t) => overlaps(t.range, range)).flatMap((t) => [...t.bedIds]));
    return rooms.map((room) => ({ ...room, freeBeds: room.freeBeds.filter((bed) => !gone.has(bed.id)) }));
  };

  // Rooms named as the caller reads them: the queue shows the outcomes in the account's language.
  const roomNames = roomNamesOf(
    db,
    db
      .select({ id: roomsTable.id })
      .from(roomsTable)
      .where(eq(roomsTable.shelterId, shelter.id))
      .all()
      .map((room) => room.id),
  );

  const outcomes = ids.map((arrivalId): BatchOutcome => {
    const arrival = rows.get(arrivalId)!;
    const alias = shareOf(user, arrival, null, false).identity ? arrival.alias : null;
    try {
      return isolated(db, () => {
        // The caller's rights before any state: another city's household looks unknown; then the single
        // reservation's city rule, never a deliberate choice (another city's shelter is chosen on the
        // household's own page). Its outcome says why; the others go on.
        if (!holdsCity(user, arrival.cityId)) throw new DomainError('notFound');
        checkPlacementCity(user, arrival, shelter.cityId, false);
        const range =
          input.nights ??
          checkNights(shelter, defaultNights(shelter, { nights: arrival.nightsWanted, expectedAt: arrival.expectedAt }, now), now);
        const plan = planPlacement({ acceptsFamilies: shelter.acceptsFamilies, rooms: roomsFor(range) }, arrival);
        if ('code' in plan) throw new DomainError('noBedFitting');
        const bedIds = plan.beds.map((bed) => bed.bedId);
        reserveBeds(db, user, { arrivalId, bedIds, ...range }, now);
        taken.push({ bedIds: new Set(bedIds), range });
        return {
          arrivalId,
          alias,
          beds: plan.beds.map(({ roomId, roomName, label }) => ({
            roomName: translatedName(roomName, roomNames.get(roomId), user.locale),
            label,
          })),
          refusal: null,
        };
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { arrivalId, alias, beds: null, refusal: { code: error.code, ...(error.params ? { params: error.params } : {}) } };
    }
  });
  return { shelterName: shelter.name, outcomes };
}

export type ShelterChoice = { id: string; name: string; district: string; free: number };

/**
 * The open shelters with a bed free tonight (each in its own calendar) and how many, most first: what
 * the queue offers to place a selection in, in the cities the queue shows (absent: every city). The
 * count is the one every screen shows (lib/occupancy/free-tonight.ts).
 */
export function freeTonightByShelter(db: Db, now: Date, cityIds?: readonly string[]): ShelterChoice[] {
  return sheltersTonight(db, now, { cityIds })
    .filter((shelter) => shelter.free > 0)
    .map(({ id, name, district, free }) => ({ id, name, district, free }))
    .sort((a, b) => b.free - a.free || a.name.localeCompare(b.name));
}
