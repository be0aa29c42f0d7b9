import 'server-only';
import type { Db } from '@/db';
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

const shelterFilter = (column: string, shelterIds: string[] | null) =>
  shelterIds ? `and ${column} in (select value from json_each(@ids))` : '';

/** Stays that touch [start, end): begun before its end and not ended before its start. */
function staysTouching(db: Db, start: number, end: number, shelterIds: string[] | null) {
  const params = { start, end, ...(shelterIds ? { ids: JSON.stringify(shelterIds) } : {}) };
  const touching = `s.created_at < @end and (s.ended_at is null or s.ended_at >= @start) ${shelterFilter('s.shelter_id', shelterIds)}`;
  // Whether a stay was a household's first placement, or a move, and when the household registered,
  // count only on the day the stay was made (occupancyByDay's placed and waits): they are looked up
  // for the stays made within the window, not for every live stay of the network (SQLite evaluates
  // a CASE's branch only when it is taken).
  const stays = db.$client
    .prepare(
      `select s.id, s.shelter_id, s.status, s.created_at, s.hold_until, s.checked_in_at, s.checked_out_at, s.ended_at,
              case when s.created_at >= @start then (select a.created_at from arrivals a where a.id = s.arrival_id) end as registered_at,
              case when s.created_at >= @start
                   then s.created_at = (select min(f.created_at) from stays f where f.arrival_id = s.arrival_id) else 0 end as first_for_household,
              case when s.created_at >= @start
                   then exists (select 1 from stays m
                                 where m.arrival_id = s.arrival_id and m.id <> s.id and m.shelter_id <> s.shelter_id
                                   and m.status = 'cancelled' and m.ended_at = s.created_at) else 0 end as moved_in
         from stays s
        where ${touching}`,
    )
    .all(params) as StayRow[];
  const heldBeds = db.$client
    .prepare(
      `select sb.stay_id, coalesce(sb.held_at, s.created_at), sb.released_at
         from stays s join stay_beds sb on sb.stay_id = s.id
        where ${touching}`,
    )
    .raw()
    .all(params) as [string, number, number | null][];
  const bedsOf = new Map<string, Interval[]>();
  for (const [stayId, from, until] of heldBeds) {
    const list = bedsOf.get(stayId) ?? [];
    list.push({ from, until });
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

/**
 * Beds as of `start` onwards. Beds that stood in service, unchanged, through the whole window travel
 * as one counted group per shelter; only beds created or out of service since come one by one.
 */
function bedsFrom(db: Db, start: number, shelterIds: string[] | null) {
  const params = { start, ...(shelterIds ? { ids: JSON.stringify(shelterIds) } : {}) };
  const changed = `(b.created_at > @start or exists (select 1 from bed_outages o where o.bed_id = b.id and (o.ended_at is null or o.ended_at > @start)))`;
  const steady = db.$client
    .prepare(
      `select r.shelter_id, count(*) from beds b join rooms r on r.id = b.room_id
        where not ${changed} ${shelterFilter('r.shelter_id', shelterIds)} group by r.shelter_id`,
    )
    .raw()
    .all(params) as [string, number][];
  const single = db.$client
    .prepare(
      `select r.shelter_id, b.id, b.created_at from beds b join rooms r on r.id = b.room_id
        where ${changed} ${shelterFilter('r.shelter_id', shelterIds)}`,
    )
    .raw()
    .all(params) as [string, string, number][];
  const outages = db.$client
    .prepare(
      `select o.bed_id, o.started_at, o.ended_at from bed_outages o
        where (o.ended_at is null or o.ended_at > @start) and o.bed_id in (select value from json_each(@beds))`,
    )
    .raw()
    .all({ start, beds: JSON.stringify(single.map(([, bedId]) => bedId)) }) as [string, number, number | null][];
  const outagesOf = new Map<string, Interval[]>();
  for (const [bedId, from, until] of outages) outagesOf.set(bedId, [...(outagesOf.get(bedId) ?? []), { from, until }]);
  const groups: { shelterId: string; group: BedGroup }[] = steady.map(([shelterId, count]) => ({
    shelterId,
    group: { count, existsFrom: start, outages: [] },
  }));
  for (const [shelterId, bedId, createdAt] of single) {
    groups.push({ shelterId, group: { count: 1, existsFrom: Math.max(start, createdAt), outages: outagesOf.get(bedId) ?? [] } });
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

/**
 * When households were registered within [start, end): the network counts them, not a shelter, or a
 * city those whose queue is theirs (cityIds). A request marked not genuine, or one registered by
 * mistake, never was one.
 */
export function registrationsBetween(db: Db, start: number, end: number, cityIds: string[] | null = null): number[] {
  const inCities = cityIds ? 'and city_id in (select value from json_each(@cities))' : '';
  return (
    db.$client
      .prepare(
        `select created_at from arrivals where created_at >= @start and created_at < @end and status not in ('not_genuine', 'mistaken') ${inCities}`,
      )
      .raw()
      .all({ start, end, ...(cityIds ? { cities: JSON.stringify(cityIds) } : {}) }) as [number][]
  ).map(([at]) => at);
}
