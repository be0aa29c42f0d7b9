import 'server-only';
import type { Db } from '@/db';
import type { RoomKind } from '@/db/schema/enums';
import { addNights, tonightIn } from '@/lib/nights/calendar';
import { bedLayout } from '@/lib/placement/layout';
import { NETWORK_TIME_ZONE } from '@/lib/time';
import { FORECAST_NIGHTS, NO_SHOW_DAYS, RECENT_DAYS, peopleOf, type ForecastInput, type ShelterInput } from './maths';

const DAY = 86_400_000;

/** `and <column> in @ids`, when the shelters are narrowed to those named in @ids. */
const filter = (column: string, narrowed: boolean) => (narrowed ? `and ${column} in (select value from json_each(@ids))` : '');

/**
 * Whose nights the forecast counts: `cityIds` the cities' shelters and the households waiting in them
 * (arrivals.city_id: a household with no city is in no city's queue), `shelterIds` only the shelters
 * named (within those cities). Either null or absent: no narrowing, the whole network.
 */
export type ForecastArea = { shelterIds?: readonly string[] | null; cityIds?: readonly string[] | null };

/**
 * What the forecast needs at `now`, for the whole network or the area named (a scoped guide's or
 * admin's cities, or the city chosen on the page). Rooms and beds come from the layout kept per
 * connection (bedLayout), the booking ledger from its running counts per room and night
 * (room_nights), so no read groups the week's bed-nights. Every other read is bounded by an
 * index: live stays by status (stays_status_hold), reservations to come by first night
 * (stays_shelter_first_night), recent stays by creation (stays_created: SQLite's planner would rather
 * scan a million stays in id order), the queue by status (arrivals_status). Nights are read from the
 * earliest shelter's tonight to the latest's seventh night, so shelters in different zones share one pass.
 */
export function loadForecastInput(db: Db, now: Date, area: ForecastArea = {}): ForecastInput {
  const cityIds = area.cityIds ? JSON.stringify(area.cityIds) : null;
  const named = area.shelterIds ? { ids: JSON.stringify(area.shelterIds) } : {};
  const shelterRows = db.$client
    .prepare(`select id, time_zone from shelters where status <> 'closed' ${filter('id', !!area.shelterIds)} ${cityIds ? 'and city_id in (select value from json_each(@cities))' : ''}`)
    .all({ ...named, ...(cityIds ? { cities: cityIds } : {}) }) as { id: string; time_zone: string }[];
  // Every later read is narrowed to the shelters found, whenever the area is narrower than the network.
  const shelterIds = area.shelterIds || cityIds ? shelterRows.map((row) => row.id) : null;
  const ids = shelterIds ? { ids: JSON.stringify(shelterIds) } : {};
  const tonights = shelterRows.map((row) => tonightIn(row.time_zone, now)).sort();
  const first = tonights[0] ?? tonightIn(NETWORK_TIME_ZONE, now);
  const last = addNights(tonights[tonights.length - 1] ?? first, FORECAST_NIGHTS - 1);
  const t = now.getTime();
  const byShelter = new Map<string, ShelterInput>(
    shelterRows.map((row) => [row.id, { id: row.id, timeZone: row.time_zone, rooms: [], closures: [], ledger: [], departing: [], arriving: [], noShows: { expired: 0, checkedIn: 0 }, recent: [] }]),
  );
  const each = <T extends { shelter_id: string }>(rows: T[], add: (shelter: ShelterInput, row: T) => void) => {
    for (const row of rows) {
      const shelter = byShelter.get(row.shelter_id);
      if (shelter) add(shelter, row);
    }
  };

  // Rooms with beds in service, in the order of their ids, from the layout kept per connection.
  const layout = bedLayout(db);
  const ownRooms: string[] = [];
  for (const room of [...layout.rooms].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const shelter = byShelter.get(room.shelterId);
    if (!shelter) continue;
    ownRooms.push(room.id);
    if (room.inServiceBeds.length > 0) shelter.rooms.push({ id: room.id, kind: room.kind, beds: room.inServiceBeds.length });
  }
  each(
    db.$client
      .prepare(`select shelter_id, room_id, first_night, last_night from shelter_closures where last_night >= @first and first_night <= @last ${filter('shelter_id', shelterIds !== null)}`)
      .all({ first, last, ...ids }) as { shelter_id: string; room_id: string | null; first_night: string; last_night: string }[],
    (shelter, row) => shelter.closures.push({ roomId: row.room_id, firstNight: row.first_night, lastNight: row.last_night }),
  );
  // The ledger per room and night, as room_nights keeps it with every booking (migration 0008's
  // triggers), less what the forecast does not count: bed-nights of beds out of service, and of
  // reservations whose hold has passed (as good as expired, whether or not the sweep has run). Those
  // are few, found by the bed (bed_nights' key) and by the hold (stays_status_hold). A city's forecast
  // reads its own rooms' rows by room_nights' key rather than the whole network's nights.
  const ledger = new Map<string, { roomId: string; night: string; checkedIn: number; reserved: number }>();
  const ledgerRows = (
    shelterIds
      ? db.$client
          .prepare('select room_id, night, checked_in, reserved from room_nights where room_id in (select value from json_each(?)) and night between ? and ?')
          .raw()
          .all(JSON.stringify(ownRooms), first, last)
      : db.$client.prepare('select room_id, night, checked_in, reserved from room_nights where night between ? and ?').raw().all(first, last)
  ) as [string, string, number, number][];
  for (const [roomId, night, checkedIn, reserved] of ledgerRows) {
    if (checkedIn > 0 || reserved > 0) ledger.set(`${roomId} ${night}`, { roomId, night, checkedIn, reserved });
  }
  const notCounted = db.$client
    .prepare(
      `select bn.bed_id, bn.night, s.status = 'checked_in', s.status = 'reserved' from bed_nights bn join stays s on s.id = bn.stay_id
        where bn.rowid in (
          select rowid from bed_nights where bed_id in (select value from json_each(@outOfService)) and night between @first and @last
          union
          select bn.rowid from stays s indexed by stays_status_hold join bed_nights bn on bn.stay_id = s.id
           where s.status = 'reserved' and s.hold_until <= @now and bn.night between @first and @last)`,
    )
    .raw()
    .all({ outOfService: JSON.stringify([...layout.outOfService]), first, last, now: t }) as [string, string, number, number][];
  for (const [bedId, night, checkedIn, reserved] of notCounted) {
    const row = ledger.get(`${layout.roomOfBed.get(bedId)?.id} ${night}`);
    if (!row) continue;
    row.checkedIn -= checkedIn;
    row.reserved -= reserved;
  }
  for (const row of ledger.values()) {
    const shelter = byShelter.get(layout.roomById.get(row.roomId)?.shelterId ?? '');
    if (shelter && (row.checkedIn > 0 || row.reserved > 0)) shelter.ledger.push(row);
  }
  // Guests checked in, by room and planned departure (rooms from the layout, not joined in SQL); a
  // city's by its shelters (stays_shelter_status), the network's by status.
  const departing = new Map<string, { shelterId: string; roomId: string; departure: string; beds: number }>();
  for (const [shelterId, bedId, departure] of db.$client
    .prepare(
      `select s.shelter_id, sb.bed_id, s.departure from stays s indexed by ${shelterIds ? 'stays_shelter_status' : 'stays_status_hold'} join stay_beds sb on sb.stay_id = s.id and sb.released_at is null
        where s.status = 'checked_in' and s.departure is not null and s.departure <= @last ${filter('s.shelter_id', shelterIds !== null)}`,
    )
    .raw()
    .all({ last, ...ids }) as [string, string, string][]) {
    const roomId = layout.roomOfBed.get(bedId)?.id;
    if (roomId === undefined) continue;
    const key = `${roomId} ${departure}`;
    const row = departing.get(key);
    if (row) row.beds++;
    else departing.set(key, { shelterId, roomId, departure, beds: 1 });
  }
  for (const row of departing.values()) byShelter.get(row.shelterId)?.departing.push({ roomId: row.roomId, departure: row.departure, beds: row.beds });
  // Reservations to come, summed per shelter and first night, households with children apart from
  // those without: peopleOf of each group's sums is the sum of its households' peopleOf.
  each(
    db.$client
      .prepare(
        `select s.shelter_id, s.first_night, sum(a.adult_men) as adult_men, sum(a.adult_women) as adult_women, sum(a.children) as children
           from stays s join arrivals a on a.id = s.arrival_id
          where s.status = 'reserved' and s.hold_until > @now and s.first_night between @first and @last ${filter('s.shelter_id', shelterIds !== null)}
          group by s.shelter_id, s.first_night, a.children > 0`,
      )
      .all({ now: t, first, last, ...ids }) as { shelter_id: string; first_night: string; adult_men: number; adult_women: number; children: number }[],
    (shelter, row) => shelter.arriving.push({ firstNight: row.first_night, people: peopleOf({ adultMen: row.adult_men, adultWomen: row.adult_women, children: row.children }) }),
  );
  // No-shows: holds that passed in the last 30 days without a check-in, against the check-ins of those days.
  const since = t - NO_SHOW_DAYS * DAY;
  each(
    db.$client
      .prepare(
        `select shelter_id, sum(status = 'expired' or (status = 'reserved' and hold_until <= @now)) as expired,
                sum(checked_in_at is not null and checked_in_at >= @since) as checked_in
           from stays indexed by stays_created
          where created_at >= @since - ${RECENT_DAYS} * ${DAY} and (hold_until >= @since or checked_in_at >= @since) ${filter('shelter_id', shelterIds !== null)}
          group by shelter_id`,
      )
      .all({ now: t, since, ...ids }) as { shelter_id: string; expired: number; checked_in: number }[],
    (shelter, row) => (shelter.noShows = { expired: row.expired, checkedIn: row.checked_in }),
  );
  // Stays made in the last RECENT_DAYS days, by the kind of room of their beds. Only those whose first
  // night came before tonight: a stay starting tonight or later was held at none of the past midnights
  // recentFills looks at, nor due to leave on a past morning (overstays), so it changes no figure. At a
  // thousand shelters that leaves out the week's bookings ahead; beds' rooms come from the layout.
  const latestTonight = tonights[tonights.length - 1] ?? first;
  const recentRows = db.$client
    .prepare(
      `select s.id, s.shelter_id, sb.bed_id, s.created_at, s.first_night, s.departure, s.hold_until, s.checked_in_at,
              case when s.status in ('reserved', 'checked_in') then null else coalesce(s.checked_out_at, s.ended_at) end as ended_at
         from stays s indexed by stays_created join stay_beds sb on sb.stay_id = s.id
        where s.created_at >= @from and s.first_night < @latestTonight and s.departure is not null ${filter('s.shelter_id', shelterIds !== null)}
        order by s.id`,
    )
    .raw()
    .all({ from: t - RECENT_DAYS * DAY, latestTonight, ...ids }) as [string, string, string, number, string, string, number, number | null, number | null][];
  for (let i = 0; i < recentRows.length; ) {
    const [stayId, shelterId, , createdAt, firstNight, departure, holdUntil, checkedInAt, endedAt] = recentRows[i];
    const beds = new Map<RoomKind, number>();
    for (; i < recentRows.length && recentRows[i][0] === stayId; i++) {
      const kind = layout.roomOfBed.get(recentRows[i][2])?.kind;
      if (kind) beds.set(kind, (beds.get(kind) ?? 0) + 1);
    }
    const shelter = byShelter.get(shelterId);
    if (!shelter) continue;
    for (const kind of [...beds.keys()].sort()) shelter.recent.push({ kind, beds: beds.get(kind)!, createdAt, firstNight, departure, holdUntil, checkedInAt, endedAt });
  }
  // The queue: of the area's cities only (by where the household is now), as waitingQueue reads it.
  const waiting = (
    db.$client
      .prepare(`select adult_men, adult_women, children, expected_at from arrivals where status = 'waiting' and erased_at is null ${cityIds ? 'and city_id in (select value from json_each(?))' : ''}`)
      .all(...(cityIds ? [cityIds] : [])) as { adult_men: number; adult_women: number; children: number; expected_at: number | null }[]
  ).map((row) => ({ people: peopleOf({ adultMen: row.adult_men, adultWomen: row.adult_women, children: row.children }), expectedAt: row.expected_at }));
  return { now: t, networkZone: NETWORK_TIME_ZONE, shelters: [...byShelter.values()], waiting };
}
