import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, rooms as roomsTable, shelters } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import type { NightRange } from '@/lib/calendar/nights';
import { DomainError, notAllowed } from '@/lib/errors';
import { translatedName } from '@/lib/i18n/translated-name';
import { isPlan, planPlacement } from '@/lib/matching/plan';
import { shelterRefusals, type Exclusion } from '@/lib/matching/suggest';
import type { ShelterAvailability } from '@/lib/matching/types';
import { checkNights, defaultNights } from '@/lib/nights/stay-dates';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { shareOf } from '@/lib/privacy/shares';
import { roomNamesOf } from '@/lib/shelters/room-names';
import { networkAvailability } from './availability';
import { checkPlacementCity } from './city-rule';
import { expireHolds } from './expiry';
import { reserveBeds } from './reserve';

/** The most households one batch places: a bus-load, and a write lock still held for milliseconds. */
export const MAX_BATCH = 30;

/** Why a household got no bed: a shelter's refusal as the suggestions word it, or an error key. */
export type BatchRefusal =
  { code: 'shelterRefuses'; reasons: Exclusion[] } | { code: string; params?: Record<string, string | number>; reasons?: undefined };

/**
 * A placed household's new link, shown once to the guide who placed it: the raw token (the stay keeps
 * only its hash, as for any reservation), the household's languages for the message, and its nights.
 * No token when the household asked online: the link it asked with shows the stay.
 */
export type MintedLink = { stayId: string; token: string | null; languages: string[]; firstNight: string; departure: string };

export type BatchOutcome = {
  arrivalId: string;
  /** The alias, if this caller may know it (an admin may not). */
  alias: string | null;
  /** The beds it got, as "Men's dorm 3", or why it got none. */
  beds: { roomName: string; label: string }[] | null;
  link: MintedLink | null;
  refusal: BatchRefusal | null;
};

const refused = (arrivalId: string, alias: string | null, refusal: BatchRefusal): BatchOutcome => ({
  arrivalId,
  alias,
  beds: null,
  link: null,
  refusal,
});

type Taken = { bedIds: Set<string>; range: NightRange };
const overlaps = (a: NightRange, b: NightRange) => a.firstNight < b.departure && b.firstNight < a.departure;

// Compiled once per connection, as the reservation's own statements: a batch holds the write lock.
const savepoint = statement(() => sql`savepoint batch_household`);
const release = statement(() => sql`release batch_household`);
const rollbackTo = statement(() => sql`rollback to batch_household`);

/**
 * Runs `attempt` inside a savepoint: if it throws, whatever it wrote is undone and the rest of the
 * transaction stands. reserveBeds writes the stay before the ledger may refuse a bed-night, so a
 * check beforehand would not be enough to keep a half-made stay out.
 */
function isolated<T>(db: Db, attempt: () => T): T {
  savepoint(db).run();
  try {
    const result = attempt();
    release(db).run();
    return result;
  } catch (error) {
    rollbackTo(db).run();
    release(db).run();
    throw error;
  }
}

/**
 * Places several waiting households in one shelter, in the order given, each in its own stay on its
 * own nights (`nights` when the guide chose them, else the household's own, as a single reservation
 * works them out). Must run in one BEGIN IMMEDIATE transaction: the shelter's free beds are read once
 * per distinct range of nights and kept up to date as beds are taken, as nothing else can write
 * meanwhile; each household is then reserved through reserveBeds, whose checks and the ledger's key
 * still decide. Each placed household's stay comes with its link, as any reservation's does. One
 * household's refusal (the shelter's reasons, in the suggestions' terms; already placed by someone
 * else) is its outcome and undoes none of the others. Ids that name no household at all, or a shelter that
 * does not exist or is not open, refuse the whole batch, before anything is written.
 */
export function reserveBatch(
  db: Db,
  user: StaffUser,
  input: { arrivalIds: string[]; shelterId: string; nights?: NightRange },
  now: Date,
): { shelterName: string; outcomes: BatchOutcome[] } {
  if (!can(user, 'household.place')) throw notAllowed();
  const ids = [...new Set(input.arrivalIds)];
  if (ids.length === 0 || ids.length > MAX_BATCH) throw new DomainError('chooseHouseholds', 'arrivalIds');
  const shelter = db.select().from(shelters).where(eq(shelters.id, input.shelterId)).get();
  if (!shelter) throw new DomainError('notFound', 'shelterId');
  // Of a shelter in a city the caller does not hold nothing is said: the city rule below refuses each household.
  if (shelter.status !== 'open' && can(user, 'household.place', { city: shelter.cityId }))
    throw new DomainError('shelterNotOpen', 'shelterId');
  const rows = new Map(
    db
      .select()
      .from(arrivals)
      .where(inArray(arrivals.id, ids))
      .all()
      .map((row) => [row.id, row]),
  );
  if (rows.size !== ids.length) throw new DomainError('notFound', 'arrivalIds');

  const freeFor = new Map<string, ShelterAvailability | undefined>();
  const taken: Taken[] = [];
  /** The shelter on every night of `range`, less the beds and bed-nights this batch took already. */
  const shelterFor = (range: NightRange): ShelterAvailability | undefined => {
    const key = `${range.firstNight}/${range.departure}`;
    if (!freeFor.has(key)) {
      // Lapsed holds free their beds before they are counted, as before any suggestion: else the batch
      // would refuse a household a bed its own page offers. Only once a household passed the city rule.
      expireHolds(db, now);
      freeFor.set(key, networkAvailability(db, { nights: range, shelterId: shelter.id })[0]);
    }
    const read = freeFor.get(key);
    if (!read) return undefined;
    const earlier = taken.filter((t) => overlaps(t.range, range));
    const gone = new Set(earlier.flatMap((t) => [...t.bedIds]));
    const takenOn = (night: string) =>
      earlier.reduce((n, t) => n + (t.range.firstNight <= night && night < t.range.departure ? t.bedIds.size : 0), 0);
    return {
      ...read,
      rooms: read.rooms.map((room) => ({ ...room, freeBeds: room.freeBeds.filter((bed) => !gone.has(bed.id)) })),
      freeByNight: read.freeByNight?.map((slot) => ({ ...slot, free: Math.max(0, slot.free - takenOn(slot.night)) })),
    };
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
        if (!can(user, 'household.place', { city: arrival.cityId })) throw new DomainError('notFound');
        checkPlacementCity(user, arrival, shelter.cityId, false);
        const range =
          input.nights ??
          checkNights(shelter, defaultNights(shelter, { nights: arrival.nightsWanted, expectedAt: arrival.expectedAt }, now), now);
        const here = shelterFor(range);
        if (!here) throw new DomainError('notFound');
        // Refused in the suggestions' own words, from the same rules: what the household page would say of this shelter.
        const plan = planPlacement(here, arrival);
        const reasons = shelterRefusals(here, arrival, now, range, plan);
        if (reasons.length > 0 || !isPlan(plan)) return refused(arrivalId, alias, { code: 'shelterRefuses', reasons });
        const bedIds = plan.beds.map((bed) => bed.bedId);
        const { stayId, token, languages } = reserveBeds(db, user, { arrivalId, bedIds, ...range }, now);
        taken.push({ bedIds: new Set(bedIds), range });
        return {
          arrivalId,
          alias,
          beds: plan.beds.map(({ roomId, roomName, label }) => ({
            roomName: translatedName(roomName, roomNames.get(roomId), user.locale),
            label,
          })),
          link: { stayId, token, languages, ...range },
          refusal: null,
        };
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return refused(arrivalId, alias, { code: error.code, ...(error.params ? { params: error.params } : {}) });
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
