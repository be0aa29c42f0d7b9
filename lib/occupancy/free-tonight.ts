import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { bedNights, shelterClosures, shelters as shelterTable, stayBeds, stays, type ShelterStatus } from '@/db/schema';
import { Stamped } from '@/lib/cache';
import { tonightIn, type Night } from '@/lib/calendar/nights';
import { stayStamps } from '@/lib/nights/stay-stamps';
import { bedLayout, surgeOn, type BedLayout } from '@/lib/placement/layout';
import { bedState, countListed, type BedCounts, type BedState } from '@/lib/shelters/bed-state';

/**
 * "Free tonight", defined once: every screen that shows a count of free beds (the bed board, the
 * admin's now, /shelters, the place-several list, the forecast's first night) reads it from here, so
 * the same bed is never free on one screen and taken on another.
 *
 * Tonight is each shelter's own calendar day. A bed is, in this order:
 * - occupied: a guest checked in holds its bed-night tonight, or a guest checked in past their planned
 *   departure has not been checked out (an overdue guest is still in the bed; the ledger no longer
 *   books it for them, so it is read from the stay's unreleased beds, as for a stay with no dates);
 * - reserved: a reservation holds its bed-night tonight and its hold has not passed (a hold past its
 *   time is as good as expired, whether or not the sweep has run);
 * - out of service;
 * - closed: the shelter or the room is closed tonight;
 * - free.
 * Only an open shelter's free beds can be offered: a paused shelter's are counted apart (`idle`).
 * A surge bed (decision 0026) is a bed tonight only on its own nights (or while a guest still keeps
 * it), and is counted apart from the rooms' own beds: `free` is never a mat on the floor.
 */
export type BedTonight = { bedId: string; roomId: string; state: BedState; stayId: string | null; surge: boolean };

export type ShelterTonight = {
  id: string;
  name: string;
  district: string;
  cityId: string | null;
  status: ShelterStatus;
  tonight: Night;
  counts: BedCounts;
  /** Beds a guide can give tonight: the free beds of an open shelter, none of any other. */
  free: number;
  /** Surge beds a guide can give tonight, apart: those free in an open shelter, none in any other. */
  surge: number;
  /** The free beds of a paused shelter, nobody can be sent to them; none of an open or closed one. */
  idle: number;
  /** Free beds by room (rooms with none left out), whatever the shelter's status. Callers must not change it. */
  freeByRoom: ReadonlyMap<string, number>;
};

/** Whose shelters: `shelterIds` only those, `cityIds` those of these cities; absent, the network's. */
export type TonightArea = { shelterIds?: readonly string[] | null; cityIds?: readonly string[] | null };

type ShelterRow = { id: string; name: string; district: string; city_id: string | null; status: ShelterStatus; time_zone: string };
type Hold = { stayId: string; status: string; holdUntil: Date };

// The shelters, narrowed by ids, by cities, by both or by neither: four texts, each compiled once.
const sheltersWhere = (byIds: boolean, byCities: boolean) => {
  const where: SQL[] = [];
  if (byIds) where.push(sql`${shelterTable.id} in (select value from json_each(@ids))`);
  if (byCities) where.push(sql`${shelterTable.cityId} in (select value from json_each(@cities))`);
  return statement(
    () =>
      sql`select ${shelterTable.id}, ${shelterTable.name}, ${shelterTable.district}, ${shelterTable.cityId}, ${shelterTable.status}, ${shelterTable.timeZone} from ${shelterTable} ${
        where.length ? sql`where ${sql.join(where, sql` and `)}` : sql.empty()
      } order by ${shelterTable.name}`,
  );
};
const sheltersIn = [sheltersWhere(false, false), sheltersWhere(true, false), sheltersWhere(false, true), sheltersWhere(true, true)];

function sheltersOf(db: Db, area: TonightArea): ShelterRow[] {
  return sheltersIn[(area.shelterIds ? 1 : 0) + (area.cityIds ? 2 : 0)](db).all({
    ...(area.shelterIds ? { ids: JSON.stringify(area.shelterIds) } : {}),
    ...(area.cityIds ? { cities: JSON.stringify(area.cityIds) } : {}),
  }) as ShelterRow[];
}

const tonightsOf = (shelters: ShelterRow[], now: Date) =>
  new Map(shelters.map((shelter) => [shelter.id, tonightIn(shelter.time_zone, now)]));

const s = alias(stays, 's');
const sb = alias(stayBeds, 'sb');
const bn = alias(bedNights, 'bn');
const overdue = (narrowed: boolean) =>
  statement(
    () => sql`select ${sb.bedId}, ${s.id}, ${s.shelterId}, ${s.departure} from ${stays} ${s} join ${stayBeds} ${sb} on ${sb.stayId} = ${s.id} and ${sb.releasedAt} is null
        where ${s.status} = 'checked_in' and (${s.departure} is null or ${s.departure} <= @latest)
          ${narrowed ? sql`and ${s.shelterId} in (select value from json_each(@ids))` : sql.empty()}`,
  );
const overdueIn = { network: overdue(false), shelters: overdue(true) };

/**
 * The beds held by guests checked in past their departure and not checked out (or with no departure
 * on record), on their shelter's tonight: the ledger no longer books those beds for them.
 */
function overdueHolds(db: Db, tonightOf: Map<string, Night>, narrowed: boolean): Map<string, string> {
  const latest = [...tonightOf.values()].sort().pop() ?? '';
  const rows = overdueIn[narrowed ? 'shelters' : 'network'](db)
    .raw()
    .all({ latest, ...(narrowed ? { ids: JSON.stringify([...tonightOf.keys()]) } : {}) }) as [string, string, string, Night | null][];
  const held = new Map<string, string>();
  for (const [bedId, stayId, shelterId, departure] of rows) {
    const tonight = tonightOf.get(shelterId);
    if (tonight !== undefined && (departure === null || departure <= tonight)) held.set(bedId, stayId);
  }
  return held;
}

// Night by night through bed_nights' night index, then each booking's stay: CROSS JOIN keeps
// this order, which SQLite would otherwise turn round and walk every live stay of the network.
const bookings = (someBeds: boolean) =>
  statement(
    () => sql`select ${bn.bedId}, ${bn.night}, ${bn.stayId}, ${s.status}, ${s.holdUntil}
         from json_each(@nights) tonight cross join ${bedNights} ${bn} on ${bn.night} = tonight.value cross join ${stays} ${s} on ${s.id} = ${bn.stayId}
        where ${s.status} in ('checked_in', 'reserved') ${someBeds ? sql`and ${bn.bedId} in (select value from json_each(@beds))` : sql.empty()}`,
  );
const bookedOn = { network: bookings(false), beds: bookings(true) };

/**
 * Who holds each bed tonight: the ledger's bed-nights of live stays on their shelter's tonight, then
 * the overdue guests, who come first (they are in the bed). Some shelters' beds (`areaBeds`) are
 * looked up by bed_nights' key, the network's by night.
 */
function holdsTonight(
  db: Db,
  tonightOf: Map<string, Night>,
  shelterOfBed: (bedId: string) => string | undefined,
  areaBeds: string[] | null,
): Map<string, Hold> {
  const booked = bookedOn[areaBeds ? 'beds' : 'network'](db)
    .raw()
    .all({ nights: JSON.stringify([...new Set(tonightOf.values())]), ...(areaBeds ? { beds: JSON.stringify(areaBeds) } : {}) }) as [
    string,
    Night,
    string,
    string,
    number,
  ][];
  const held = new Map<string, Hold>();
  for (const [bedId, night, stayId, status, holdUntil] of booked) {
    const shelterId = shelterOfBed(bedId);
    if (shelterId !== undefined && tonightOf.get(shelterId) === night) held.set(bedId, { stayId, status, holdUntil: new Date(holdUntil) });
  }
  for (const [bedId, stayId] of overdueHolds(db, tonightOf, areaBeds !== null))
    held.set(bedId, { stayId, status: 'checked_in', holdUntil: new Date(0) });
  return held;
}

const closuresBetween = statement(
  () => sql`select ${shelterClosures.shelterId}, ${shelterClosures.roomId}, ${shelterClosures.firstNight}, ${shelterClosures.lastNight} from ${shelterClosures}
             where ${shelterClosures.lastNight} >= @first and ${shelterClosures.firstNight} <= @last`,
);

/**
 * The rooms (by id) and whole shelters (by id) closed on their shelter's tonight, and the same per
 * shelter as one string (`byShelter`: what a shelter's count kept from before was counted with).
 */
function closedTonight(db: Db, tonightOf: Map<string, Night>): { closed: Set<string>; byShelter: Map<string, string> } {
  const nights = [...new Set(tonightOf.values())].sort();
  const closed = new Set<string>();
  const byShelter = new Map<string, string>();
  if (nights.length === 0) return { closed, byShelter };
  const rows = closuresBetween(db)
    .raw()
    .all({ first: nights[0], last: nights[nights.length - 1] }) as [string, string | null, Night, Night][];
  for (const [shelterId, roomId, firstNight, lastNight] of rows) {
    const tonight = tonightOf.get(shelterId);
    if (tonight === undefined || firstNight > tonight || tonight > lastNight) continue;
    closed.add(roomId ?? shelterId);
    byShelter.set(shelterId, [...(byShelter.get(shelterId)?.split(' ') ?? []), roomId ?? shelterId].sort().join(' '));
  }
  return { closed, byShelter };
}

/** Every bed of the area's shelters as it stands tonight, by shelter. */
export function bedsTonight(
  db: Db,
  now: Date,
  area: TonightArea = {},
): { shelters: ShelterRow[]; tonightOf: Map<string, Night>; beds: Map<string, BedTonight[]> } {
  const { shelters, tonightOf, beds } = readBedsTonight(
    db,
    now,
    sheltersOf(db, area),
    bedLayout(db),
    Boolean(area.shelterIds || area.cityIds),
  );
  return { shelters, tonightOf, beds };
}

/**
 * Each bed of these shelters tonight, and who holds it. `narrowed`: the shelters are not the whole
 * network's (their beds and overdue guests are then looked up by shelter, when that is faster).
 */
function readBedsTonight(db: Db, now: Date, shelters: ShelterRow[], layout: BedLayout, narrowed: boolean) {
  const tonightOf = tonightsOf(shelters, now);
  const areaBeds = narrowed ? [...layout.roomOfBed].filter(([, room]) => tonightOf.has(room.shelterId)).map(([bedId]) => bedId) : null;
  // Most of the network (the forecast asks for every open shelter) is read faster whole, by night,
  // than bed by bed from a list of tens of thousands: the holds of other beds are never looked at.
  const lookUp = areaBeds && areaBeds.length * 2 < layout.roomOfBed.size ? areaBeds : null;
  const held = holdsTonight(db, tonightOf, (bedId) => layout.roomOfBed.get(bedId)?.shelterId, lookUp);
  const { closed } = closedTonight(db, tonightOf);
  const beds = new Map<string, BedTonight[]>(shelters.map((shelter) => [shelter.id, []]));
  for (const [bedId, room] of layout.roomOfBed) {
    const list = beds.get(room.shelterId);
    if (!list) continue;
    const hold = held.get(bedId);
    const surgeNights = layout.surgeNights.get(bedId);
    // A surge bed not laid out tonight is no bed tonight, unless a guest is still in it.
    if (surgeNights && !surgeOn(surgeNights, tonightOf.get(room.shelterId)!) && hold?.status !== 'checked_in') continue;
    const state = bedState(
      { outOfService: layout.outOfService.has(bedId), closed: closed.has(room.id) || closed.has(room.shelterId) },
      hold,
      now,
    );
    // A hold past its time names nobody: the bed is free (or closed, or out of service) again.
    list.push({
      bedId,
      roomId: room.id,
      state,
      stayId: state === 'occupied' || state === 'reserved' ? hold!.stayId : null,
      surge: surgeNights !== undefined,
    });
  }
  return { shelters, tonightOf, beds, held };
}

/**
 * One shelter's beds tonight as counted, kept per connection while nothing it was counted from has
 * moved: its stays (the stamp), the rooms and beds (the layout), its tonight, its closures, and the
 * clock within [from, until): `until` is the first hold still standing at the count to pass (a bed it
 * held is no longer reserved from then on). The network's now page and its forecast count the same
 * fifty thousand beds; kept, a count after a booking reads that one shelter's beds again.
 */
type Counted = {
  layout: BedLayout;
  tonight: Night;
  closed: string;
  from: number;
  until: number;
  counts: BedCounts;
  freeByRoom: ReadonlyMap<string, number>;
};
// Shared with the copy of this module that reads ahead at start (lib/warm-up.ts).
const counted = new Stamped<Counted>('occupancy.tonight');

/** Each shelter of the area tonight: its beds counted by state, and the free beds that can be offered. */
export function sheltersTonight(db: Db, now: Date, area: TonightArea = {}): ShelterTonight[] {
  const client = db.$client;
  const t = now.getTime();
  // The stamps, the closures and the stale shelters' beds read in one snapshot.
  return client.transaction(() => {
    const shelters = sheltersOf(db, area);
    const tonightOf = tonightsOf(shelters, now);
    const layout = bedLayout(db);
    const stampOf = stayStamps(db);
    const closed = closedTonight(db, tonightOf).byShelter;
    const keptOf = (id: string) => {
      const kept = counted.fresh(client, id, stampOf(id));
      return kept &&
        kept.layout === layout &&
        kept.tonight === tonightOf.get(id) &&
        kept.closed === (closed.get(id) ?? '') &&
        kept.from <= t &&
        t < kept.until
        ? kept
        : undefined;
    };
    const stale = shelters.filter((shelter) => !keptOf(shelter.id));
    if (stale.length > 0) {
      const narrowed = stale.length < shelters.length || Boolean(area.shelterIds || area.cityIds);
      const read = readBedsTonight(db, now, stale, layout, narrowed);
      for (const shelter of stale) {
        const beds = read.beds.get(shelter.id)!;
        const freeByRoom = new Map<string, number>();
        let until = Infinity;
        for (const bed of beds) {
          if (bed.state === 'free' && !bed.surge) freeByRoom.set(bed.roomId, (freeByRoom.get(bed.roomId) ?? 0) + 1);
          const hold = read.held.get(bed.bedId);
          if (hold?.status === 'reserved' && hold.holdUntil.getTime() > t) until = Math.min(until, hold.holdUntil.getTime());
        }
        counted.keep(client, shelter.id, stampOf(shelter.id), {
          layout,
          tonight: read.tonightOf.get(shelter.id)!,
          closed: closed.get(shelter.id) ?? '',
          from: t,
          until,
          counts: Object.freeze(countListed(beds)),
          freeByRoom,
        });
      }
    }
    return shelters.map((shelter) => {
      const { counts, freeByRoom } = keptOf(shelter.id)!;
      return {
        id: shelter.id,
        name: shelter.name,
        district: shelter.district,
        cityId: shelter.city_id,
        status: shelter.status,
        tonight: tonightOf.get(shelter.id)!,
        counts,
        free: shelter.status === 'open' ? counts.free : 0,
        surge: shelter.status === 'open' ? counts.surgeFree : 0,
        idle: shelter.status === 'paused' ? counts.free : 0,
        freeByRoom,
      };
    });
  })();
}

/** The beds held tonight by overdue guests (checked in, past their departure, not checked out), with their stays. */
export function overdueBeds(db: Db, now: Date, area: TonightArea = {}): Map<string, string> {
  return overdueHolds(db, tonightsOf(sheltersOf(db, area), now), Boolean(area.shelterIds || area.cityIds));
}
