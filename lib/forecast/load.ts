import 'server-only';
import { sql } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, bedNights, shelterClosures, shelters, stays } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { bedLayout, surgeOn, type BedLayout, type LayoutRoom } from '@/lib/placement/layout';
import { keptShelters, peopleHeldAt, recentStays } from './kept';
import { FORECAST_NIGHTS, NO_SHOW_DAYS, peopleOf, RECENT_DAYS, type ForecastInput, type People, type ShelterInput } from './maths';

const DAY = 86_400_000;

/** `and <column> in <ids>`, when narrowed to the ids named (a JSON array); nothing when `ids` is null. */
const filter = (column: SQLiteColumn, ids: string | null) =>
  ids ? sql`and ${column} in (select value from json_each(${ids}))` : sql.empty();

const bn = alias(bedNights, 'bn');
const s = alias(stays, 's');
// Bed-nights the ledger keeps but the forecast does not count: of beds out of service and of surge
// beds (counted apart, decision 0026: the forecast is of the rooms' own beds), and of
// reservations whose hold has passed (as good as expired, whether or not the sweep has run). Those
// are few, found by the bed (bed_nights' key) and by the hold (stays_status_hold), network-wide.
const notCountedNights = statement(
  () => sql`
  select ${bn.bedId}, ${bn.night}, ${s.status} = 'checked_in', ${s.status} = 'reserved'
    from ${bedNights} ${bn} join ${stays} ${s} on ${s.id} = ${bn.stayId}
   where ${bn}.rowid in (
     select rowid from ${bedNights}
      where ${bedNights.bedId} in (select value from json_each(@outOfService)) and ${bedNights.night} between @first and @last
     union
     select ${bn}.rowid from ${stays} ${s} indexed by stays_status_hold join ${bedNights} ${bn} on ${bn.stayId} = ${s.id}
      where ${s.status} = 'reserved' and ${s.holdUntil} <= @now and ${bn.night} between @first and @last)`,
);

// The coming nights the area's surge beds are held, by a guest checked in or a hold still standing.
const surgeHeld = statement(
  () => sql`
  select ${bn.bedId}, ${bn.night} from ${bedNights} ${bn} join ${stays} ${s} on ${s.id} = ${bn.stayId}
   where ${bn.bedId} in (select value from json_each(@beds)) and ${bn.night} between @first and @last
     and (${s.status} = 'checked_in' or (${s.status} = 'reserved' and ${s.holdUntil} > @now))`,
);

// The layout's rooms in the order of their ids, sorted once per layout.
const roomsSorted = new WeakMap<BedLayout, readonly LayoutRoom[]>();
function roomsById(layout: BedLayout): readonly LayoutRoom[] {
  let sorted = roomsSorted.get(layout);
  if (!sorted) roomsSorted.set(layout, (sorted = [...layout.rooms].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))));
  return sorted;
}

/**
 * Whose nights the forecast counts: `cityIds` the cities' shelters and the households waiting in them
 * (arrivals.city_id: a household with no city is in no city's queue), `shelterIds` only the shelters
 * named (within those cities). Either null or absent: no narrowing, the whole network.
 */
export type ForecastArea = { shelterIds?: readonly string[] | null; cityIds?: readonly string[] | null };

/**
 * What the forecast needs at `now`, for the whole network or the area named (a scoped guide's or
 * admin's cities, or the city chosen on the page). Rooms and beds come from the layout kept per
 * connection (bedLayout); each shelter's stays and booking ledger from what is kept of it per
 * connection while its stamp stands still (keptShelters), so a forecast after one booking reads that
 * one shelter again, not the network. Here the kept rows are cut to the windows `now` asks for. Nights
 * are read from the earliest shelter's tonight to the latest's seventh night.
 */
export function loadForecastInput(db: Db, now: Date, area: ForecastArea = {}): ForecastInput {
  const cityIds = area.cityIds ? JSON.stringify(area.cityIds) : null;
  const named = area.shelterIds ? JSON.stringify(area.shelterIds) : null;
  const shelterRows = db.all<{ id: string; time_zone: string; check_out_by: string }>(
    sql`select ${shelters.id}, ${shelters.timeZone}, ${shelters.checkOutBy} from ${shelters}
         where ${shelters.status} = 'open' ${filter(shelters.id, named)} ${filter(shelters.cityId, cityIds)}`,
  );
  const shelterIds = area.shelterIds || cityIds ? shelterRows.map((row) => row.id) : null;
  const tonights = shelterRows.map((row) => tonightIn(row.time_zone, now)).sort();
  const first = tonights[0] ?? tonightIn(NETWORK_TIME_ZONE, now);
  const last = addNights(tonights[tonights.length - 1] ?? first, FORECAST_NIGHTS - 1);
  const latestTonight = tonights[tonights.length - 1] ?? first;
  const t = now.getTime();
  const layout = bedLayout(db);
  const kept = keptShelters(
    db,
    layout,
    shelterRows.map((row) => ({ id: row.id, timeZone: row.time_zone })),
    now,
  );
  const byShelter = new Map<string, ShelterInput>(
    shelterRows.map((row) => [
      row.id,
      {
        id: row.id,
        timeZone: row.time_zone,
        checkOutBy: row.check_out_by,
        rooms: [],
        closures: [],
        ledger: [],
        departing: [],
        arriving: [],
        noShows: { expired: 0, checkedIn: 0 },
        recent: [],
      },
    ]),
  );

  // Tonight's free beds per room, as every screen counts them (and kept as they are): none in a
  // shelter that is not open.
  const surgeTonight = new Map<string, number>();
  for (const { id, status, freeByRoom, surge } of sheltersTonight(db, now, { shelterIds: shelterRows.map((row) => row.id) })) {
    byShelter.get(id)!.freeTonight = status === 'open' ? freeByRoom : new Map();
    surgeTonight.set(id, surge);
  }
  // Rooms with beds in service, in the order of their ids.
  for (const room of roomsById(layout)) {
    const shelter = byShelter.get(room.shelterId);
    if (shelter && room.inServiceBeds.length > 0) shelter.rooms.push({ id: room.id, kind: room.kind, beds: room.inServiceBeds.length });
  }
  for (const row of db.all<{ shelter_id: string; room_id: string | null; first_night: string; last_night: string }>(
    sql`select ${shelterClosures.shelterId}, ${shelterClosures.roomId}, ${shelterClosures.firstNight}, ${shelterClosures.lastNight}
          from ${shelterClosures} where ${shelterClosures.lastNight} >= ${first} and ${shelterClosures.firstNight} <= ${last}
               ${filter(shelterClosures.shelterId, shelterIds && JSON.stringify(shelterIds))}`,
  )) {
    byShelter.get(row.shelter_id)?.closures.push({ roomId: row.room_id, firstNight: row.first_night, lastNight: row.last_night });
  }
  // Surge beds apart (decision 0026): tonight as every screen counts them, later nights from the ledger.
  const surgeRooms = layout.rooms.filter((room) => room.surgeBeds.length > 0 && byShelter.has(room.shelterId));
  if (surgeRooms.length > 0) {
    const held = new Set(
      (
        surgeHeld(db)
          .raw()
          .all({ beds: JSON.stringify(surgeRooms.flatMap((room) => room.surgeBeds.map((bed) => bed.id))), first, last, now: t }) as [
          string,
          string,
        ][]
      ).map(([bedId, night]) => `${bedId} ${night}`),
    );
    for (const room of surgeRooms) {
      const shelter = byShelter.get(room.shelterId)!;
      const tonight = tonightIn(shelter.timeZone, now);
      const free = (shelter.surgeFree ?? Array.from({ length: FORECAST_NIGHTS }, () => 0)) as number[];
      for (let index = 1; index < FORECAST_NIGHTS; index++) {
        const night = addNights(tonight, index);
        if (shelter.closures.some((c) => (c.roomId === null || c.roomId === room.id) && c.firstNight <= night && night <= c.lastNight))
          continue;
        for (const bed of room.surgeBeds) if (surgeOn(bed, night) && !held.has(`${bed.id} ${night}`)) free[index]++;
      }
      shelter.surgeFree = free;
    }
  }
  for (const [id, surge] of surgeTonight) {
    const shelter = byShelter.get(id)!;
    if (surge > 0 || shelter.surgeFree) shelter.surgeFree = [surge, ...(shelter.surgeFree ?? []).slice(1)];
  }
  // By room, then night: few rows, looked up for each of the ledger's tens of thousands.
  const notCounted = new Map<string | undefined, Map<string, { checkedIn: number; reserved: number }>>();
  for (const [bedId, night, checkedIn, reserved] of notCountedNights(db)
    .raw()
    .all({ outOfService: JSON.stringify([...layout.notRegular]), first, last, now: t }) as [string, string, number, number][]) {
    const roomId = layout.roomOfBed.get(bedId)?.id;
    const nights = notCounted.get(roomId) ?? new Map<string, { checkedIn: number; reserved: number }>();
    const row = nights.get(night) ?? { checkedIn: 0, reserved: 0 };
    nights.set(night, { checkedIn: row.checkedIn + checkedIn, reserved: row.reserved + reserved });
    notCounted.set(roomId, nights);
  }

  const since = t - NO_SHOW_DAYS * DAY;
  const recentFrom = t - RECENT_DAYS * DAY;
  for (const shelter of byShelter.values()) {
    const { stays, ledger } = kept.get(shelter.id)!;
    for (const row of ledger) {
      if (row.night < first || row.night > last) continue;
      const less = notCounted.get(row.roomId)?.get(row.night);
      // The kept row itself when nothing is taken off it (rows of nothing are never kept): callers do not change it.
      if (!less) {
        shelter.ledger.push(row);
        continue;
      }
      const checkedIn = row.checkedIn - (less?.checkedIn ?? 0);
      const reserved = row.reserved - (less?.reserved ?? 0);
      if (checkedIn > 0 || reserved > 0) shelter.ledger.push({ roomId: row.roomId, night: row.night, checkedIn, reserved });
    }
    // Guests checked in, by room and planned departure.
    const departing = new Map<string, { roomId: string; departure: string; beds: number }>();
    for (const stay of stays.checkedIn) {
      if (stay.departure > last) continue;
      for (const bedId of stay.heldBeds) {
        const roomId = layout.roomOfBed.get(bedId)?.id;
        // A guest leaving a surge bed frees none of the room's own beds.
        if (roomId === undefined || layout.surgeNights.has(bedId)) continue;
        const key = `${roomId} ${stay.departure}`;
        const row = departing.get(key);
        if (row) row.beds++;
        else departing.set(key, { roomId, departure: stay.departure, beds: 1 });
      }
    }
    // Reservations to come whose hold still stands, by first night.
    const arriving = new Map<string, People>();
    for (const [night, holds] of stays.reserved) {
      if (night < first || night > last) continue;
      const people = peopleHeldAt(holds, t);
      if (people) arriving.set(night, people);
    }
    // No-shows: holds that passed in the last 30 days without a check-in, against the check-ins of those days.
    const { createdAt, holdUntil, checkedInAt, expired, reserved } = stays.holds;
    for (let i = 0; i < createdAt.length; i++) {
      // NaN (never checked in) is never >= since.
      const checkedInSince = checkedInAt[i] >= since;
      if (createdAt[i] < since - RECENT_DAYS * DAY || !(holdUntil[i] >= since || checkedInSince)) continue;
      if (expired[i] === 1 || (reserved[i] === 1 && holdUntil[i] <= t)) shelter.noShows.expired++;
      if (checkedInSince) shelter.noShows.checkedIn++;
    }
    // Stays made in the last RECENT_DAYS days, by the kind of room of their beds. Only those whose
    // first night came before tonight: a stay starting tonight or later was held at none of the past
    // midnights recentFills looks at, nor due to leave on a past morning (overstays).
    shelter.recent = recentStays(kept.get(shelter.id)!, recentFrom, latestTonight);
    shelter.departing = [...departing.values()];
    shelter.arriving = [...arriving].map(([firstNight, people]) => ({ firstNight, people }));
  }
  // The queue: of the area's cities only (by where the household is now), as waitingQueue reads it.
  const waiting = db
    .all<{ adult_men: number; adult_women: number; children: number; expected_at: number | null }>(
      sql`select ${arrivals.adultMen}, ${arrivals.adultWomen}, ${arrivals.children}, ${arrivals.expectedAt} from ${arrivals}
           where ${arrivals.status} = 'waiting' and ${arrivals.erasedAt} is null ${filter(arrivals.cityId, cityIds)}`,
    )
    .map((row) => ({
      people: peopleOf({ adultMen: row.adult_men, adultWomen: row.adult_women, children: row.children }),
      expectedAt: row.expected_at,
    }));
  return { now: t, networkZone: NETWORK_TIME_ZONE, shelters: [...byShelter.values()], waiting };
}
