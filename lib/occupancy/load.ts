import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, bedOutages, beds, rooms, stayBeds, stays } from '@/db/schema';
import type { BedGroup, Interval, StayRecord } from './maths';

export type ShelterHistoryData = { beds: BedGroup[]; stays: StayRecord[] };

type StayRow = {
  id: string;
  shelter_id: string;
  status: StayRecord['status'];
  created_at: number;
  hold_until: number;
  checked_in_at: number | null;
  checked_out_at: number | null;
  ended_at: number | null;
  /** Null for a stay made before the window: only stays made within it count a wait. */
  registered_at: number | null;
  first_for_household: number;
  moved_in: number;
};

// Each query below comes twice, each compiled once: for every shelter (or city), and for those in a
// list (null: every one), whose ids it takes as @ids (@cities).
const allOrSome = (query: (some: boolean) => SQL) => {
  const [all, some] = [statement(() => query(false)), statement(() => query(true))];
  return (db: Db, ids: string[] | null) => (ids ? some : all)(db);
};
const shelterFilter = (column: SQLiteColumn, some: boolean) =>
  some ? sql`and ${column} in (select value from json_each(@ids))` : sql.empty();

const s = alias(stays, 's');
const a = alias(arrivals, 'a');
const f = alias(stays, 'f');
const m = alias(stays, 'm');
const sb = alias(stayBeds, 'sb');
const touching = (some: boolean) =>
  sql`${s.createdAt} < @end and (${s.endedAt} is null or ${s.endedAt} >= @start) ${shelterFilter(s.shelterId, some)}`;
// Whether a stay was a household's first placement, or a move, and when the household registered,
// count only on the day the stay was made (occupancyByDay's placed and waits): they are looked up
// for the stays made within the window, not for every live stay of the network (SQLite evaluates
// a CASE's branch only when it is taken).
const staysTouchingWindow = allOrSome(
  (some) =>
    sql`select ${s.id}, ${s.shelterId}, ${s.status}, ${s.createdAt}, ${s.holdUntil}, ${s.checkedInAt}, ${s.checkedOutAt}, ${s.endedAt},
              case when ${s.createdAt} >= @start then (select ${a.createdAt} from ${arrivals} ${a} where ${a.id} = ${s.arrivalId}) end as registered_at,
              case when ${s.createdAt} >= @start
                   then ${s.createdAt} = (select min(${f.createdAt}) from ${stays} ${f} where ${f.arrivalId} = ${s.arrivalId}) else 0 end as first_for_household,
              case when ${s.createdAt} >= @start
                   then exists (select 1 from ${stays} ${m}
                                 where ${m.arrivalId} = ${s.arrivalId} and ${m.id} <> ${s.id} and ${m.shelterId} <> ${s.shelterId}
                                   and ${m.status} = 'cancelled' and ${m.endedAt} = ${s.createdAt}) else 0 end as moved_in
         from ${stays} ${s}
        where ${touching(some)}`,
);
const bedsHeldWithinWindow = allOrSome(
  (some) =>
    sql`select ${sb.stayId}, coalesce(${sb.heldAt}, ${s.createdAt}), ${sb.releasedAt},
              (select ${beds.surgeKind} is not null from ${beds} where ${beds.id} = ${sb.bedId})
         from ${stays} ${s} join ${stayBeds} ${sb} on ${sb.stayId} = ${s.id}
        where ${touching(some)}`,
);

/** Stays that touch [start, end): begun before its end and not ended before its start. */
function staysTouching(db: Db, start: number, end: number, shelterIds: string[] | null) {
  const params = { start, end, ...(shelterIds ? { ids: JSON.stringify(shelterIds) } : {}) };
  const stays = staysTouchingWindow(db, shelterIds).all(params) as StayRow[];
  const heldBeds = bedsHeldWithinWindow(db, shelterIds).raw().all(params) as [string, number, number | null, number][];
  const bedsOf = new Map<string, StayRecord['beds']>();
  for (const [stayId, from, until, surge] of heldBeds) {
    const list = bedsOf.get(stayId) ?? [];
    list.push(surge ? { from, until, surge: true } : { from, until });
    bedsOf.set(stayId, list);
  }
  return stays.map((row) => ({
    shelterId: row.shelter_id,
    stay: {
      status: row.status,
      createdAt: row.created_at,
      holdUntil: row.hold_until,
      checkedInAt: row.checked_in_at,
      checkedOutAt: row.checked_out_at,
      endedAt: row.ended_at,
      beds: bedsOf.get(row.id) ?? [],
      registeredAt: row.registered_at ?? row.created_at,
      firstForHousehold: row.first_for_household === 1,
      movedIn: row.moved_in === 1,
    } satisfies StayRecord,
  }));
}

const b = alias(beds, 'b');
const r = alias(rooms, 'r');
const o = alias(bedOutages, 'o');
// A surge bed always comes one by one, with its nights (decision 0026); one whose last night ended
// well before the window (a day's margin for the zones) is not read at all.
const changed = sql`(${b.surgeKind} is not null or ${b.createdAt} > @start or exists (select 1 from ${bedOutages} ${o} where ${o.bedId} = ${b.id} and (${o.endedAt} is null or ${o.endedAt} > @start)))`;
const surgeOver = sql`(${b.surgeKind} is not null and ${b.surgeLastNight} < date(@start / 1000, 'unixepoch', '-1 day'))`;
const steadyBeds = allOrSome(
  (some) =>
    sql`select ${r.shelterId}, count(*) from ${beds} ${b} join ${rooms} ${r} on ${r.id} = ${b.roomId}
        where not ${changed} ${shelterFilter(r.shelterId, some)} group by ${r.shelterId}`,
);
const changedBeds = allOrSome(
  (some) =>
    sql`select ${r.shelterId}, ${b.id}, ${b.createdAt}, ${b.surgeFirstNight}, ${b.surgeLastNight} from ${beds} ${b} join ${rooms} ${r} on ${r.id} = ${b.roomId}
        where ${changed} and not ${surgeOver} ${shelterFilter(r.shelterId, some)}`,
);
const outagesSince = statement(
  () => sql`select ${o.bedId}, ${o.startedAt}, ${o.endedAt} from ${bedOutages} ${o}
        where (${o.endedAt} is null or ${o.endedAt} > @start) and ${o.bedId} in (select value from json_each(@beds))`,
);

/**
 * Beds as of `start` onwards. Beds that stood in service, unchanged, through the whole window travel
 * as one counted group per shelter; only beds created or out of service since come one by one.
 */
function bedsFrom(db: Db, start: number, shelterIds: string[] | null) {
  const params = { start, ...(shelterIds ? { ids: JSON.stringify(shelterIds) } : {}) };
  const steady = steadyBeds(db, shelterIds).raw().all(params) as [string, number][];
  const single = changedBeds(db, shelterIds).raw().all(params) as [string, string, number, string | null, string | null][];
  const outages = outagesSince(db)
    .raw()
    .all({ start, beds: JSON.stringify(single.map(([, bedId]) => bedId)) }) as [string, number, number | null][];
  const outagesOf = new Map<string, Interval[]>();
  for (const [bedId, from, until] of outages) outagesOf.set(bedId, [...(outagesOf.get(bedId) ?? []), { from, until }]);
  const groups: { shelterId: string; group: BedGroup }[] = steady.map(([shelterId, count]) => ({
    shelterId,
    group: { count, existsFrom: start, outages: [] },
  }));
  for (const [shelterId, bedId, createdAt, firstNight, lastNight] of single) {
    const group: BedGroup = { count: 1, existsFrom: Math.max(start, createdAt), outages: outagesOf.get(bedId) ?? [] };
    if (firstNight !== null && lastNight !== null) group.surge = { firstNight, lastNight };
    groups.push({ shelterId, group });
  }
  return groups;
}

/** Everything the occupancy maths needs for the window [start, end), per shelter (null: all). */
export function loadHistoryData(db: Db, start: number, end: number, shelterIds: string[] | null): Map<string, ShelterHistoryData> {
  const byShelter = new Map<string, ShelterHistoryData>();
  const of = (shelterId: string) => {
    let data = byShelter.get(shelterId);
    if (!data) byShelter.set(shelterId, (data = { beds: [], stays: [] }));
    return data;
  };
  for (const { shelterId, group } of bedsFrom(db, start, shelterIds)) of(shelterId).beds.push(group);
  for (const { shelterId, stay } of staysTouching(db, start, end, shelterIds)) of(shelterId).stays.push(stay);
  return byShelter;
}

const registeredWithin = allOrSome(
  (some) =>
    sql`select ${arrivals.createdAt} from ${arrivals} where ${arrivals.createdAt} >= @start and ${arrivals.createdAt} < @end and ${arrivals.status} not in ('not_genuine', 'mistaken') ${
      some ? sql`and ${arrivals.cityId} in (select value from json_each(@cities))` : sql.empty()
    }`,
);

/**
 * When households were registered within [start, end): the network counts them, not a shelter, or a
 * city those whose queue is theirs (cityIds). A request marked not genuine, or one registered by
 * mistake, never was one.
 */
export function registrationsBetween(db: Db, start: number, end: number, cityIds: string[] | null = null): number[] {
  return (
    registeredWithin(db, cityIds)
      .raw()
      .all({ start, end, ...(cityIds ? { cities: JSON.stringify(cityIds) } : {}) }) as [number][]
  ).map(([at]) => at);
}
