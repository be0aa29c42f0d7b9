import 'server-only';
import type { Db } from '@/db';
import type { RoomKind } from '@/db/schema/enums';
import { addNights, tonightIn } from '@/lib/nights/calendar';
import { NETWORK_TIME_ZONE } from '@/lib/time';
import { FORECAST_NIGHTS, NO_SHOW_DAYS, RECENT_DAYS, peopleOf, type ForecastInput, type RecentStay, type ShelterInput } from './maths';

const DAY = 86_400_000;

const filter = (column: string, shelterIds: string[] | null) => (shelterIds ? `and ${column} in (select value from json_each(@ids))` : '');

/**
 * What the forecast needs at `now`, for every shelter (null) or the ones named. (SQLite's planner
 * would rather scan a million stays in id order to group them; `indexed by stays_created` keeps the
 * two reads of recent stays to the weeks they need.) Every read is bounded
 * by an index: the ledger by night (bed_nights_night), live stays by status (stays_shelter_status),
 * the month's no-shows by hold (stays_status_hold), recent stays by creation (stays_created), the queue
 * by status (arrivals_status). Nights are read from the earliest shelter's tonight to the latest's
 * seventh night, so shelters in different zones share one pass.
 */
export function loadForecastInput(db: Db, now: Date, shelterIds: string[] | null = null): ForecastInput {
  const ids = shelterIds ? { ids: JSON.stringify(shelterIds) } : {};
  const shelterRows = db.$client.prepare(`select id, time_zone from shelters where status <> 'closed' ${filter('id', shelterIds)}`).all(ids) as { id: string; time_zone: string }[];
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

  each(
    db.$client
      .prepare(
        `select r.shelter_id, r.id, r.kind, count(b.id) as beds from rooms r join beds b on b.room_id = r.id
          where b.out_of_service_reason is null ${filter('r.shelter_id', shelterIds)} group by r.id`,
      )
      .all(ids) as { shelter_id: string; id: string; kind: RoomKind; beds: number }[],
    (shelter, row) => shelter.rooms.push({ id: row.id, kind: row.kind, beds: row.beds }),
  );
  each(
    db.$client
      .prepare(`select shelter_id, room_id, first_night, last_night from shelter_closures where last_night >= @first and first_night <= @last ${filter('shelter_id', shelterIds)}`)
      .all({ first, last, ...ids }) as { shelter_id: string; room_id: string | null; first_night: string; last_night: string }[],
    (shelter, row) => shelter.closures.push({ roomId: row.room_id, firstNight: row.first_night, lastNight: row.last_night }),
  );
  // A reservation whose hold has passed is as good as expired, whether or not the sweep has run.
  each(
    db.$client
      .prepare(
        `select r.shelter_id, b.room_id, bn.night,
                sum(s.status = 'checked_in') as checked_in, sum(s.status = 'reserved') as reserved
           from bed_nights bn join stays s on s.id = bn.stay_id join beds b on b.id = bn.bed_id join rooms r on r.id = b.room_id
          where bn.night between @first and @last and b.out_of_service_reason is null
            and (s.status = 'checked_in' or (s.status = 'reserved' and s.hold_until > @now)) ${filter('r.shelter_id', shelterIds)}
          group by b.room_id, bn.night`,
      )
      .all({ first, last, now: t, ...ids }) as { shelter_id: string; room_id: string; night: string; checked_in: number; reserved: number }[],
    (shelter, row) => shelter.ledger.push({ roomId: row.room_id, night: row.night, checkedIn: row.checked_in, reserved: row.reserved }),
  );
  each(
    db.$client
      .prepare(
        `select s.shelter_id, b.room_id, s.departure, count(*) as beds
           from stays s join stay_beds sb on sb.stay_id = s.id and sb.released_at is null join beds b on b.id = sb.bed_id
          where s.status = 'checked_in' and s.departure is not null and s.departure <= @last ${filter('s.shelter_id', shelterIds)}
          group by b.room_id, s.departure`,
      )
      .all({ last, ...ids }) as { shelter_id: string; room_id: string; departure: string; beds: number }[],
    (shelter, row) => shelter.departing.push({ roomId: row.room_id, departure: row.departure, beds: row.beds }),
  );
  each(
    db.$client
      .prepare(
        `select s.shelter_id, s.first_night, a.adult_men, a.adult_women, a.children
           from stays s join arrivals a on a.id = s.arrival_id
          where s.status = 'reserved' and s.hold_until > @now and s.first_night between @first and @last ${filter('s.shelter_id', shelterIds)}`,
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
          where created_at >= @since - ${RECENT_DAYS} * ${DAY} and (hold_until >= @since or checked_in_at >= @since) ${filter('shelter_id', shelterIds)}
          group by shelter_id`,
      )
      .all({ now: t, since, ...ids }) as { shelter_id: string; expired: number; checked_in: number }[],
    (shelter, row) => (shelter.noShows = { expired: row.expired, checkedIn: row.checked_in }),
  );
  each(
    db.$client
      .prepare(
        `select s.shelter_id, r.kind, count(*) as beds, s.created_at, s.first_night, s.departure, s.hold_until, s.checked_in_at,
                case when s.status in ('reserved', 'checked_in') then null else coalesce(s.checked_out_at, s.ended_at) end as ended_at
           from stays s indexed by stays_created join stay_beds sb on sb.stay_id = s.id join beds b on b.id = sb.bed_id join rooms r on r.id = b.room_id
          where s.created_at >= @from and s.first_night is not null and s.departure is not null ${filter('s.shelter_id', shelterIds)}
          group by s.id, r.kind`,
      )
      .all({ from: t - RECENT_DAYS * DAY, ...ids }) as (Omit<RecentStay, 'createdAt' | 'firstNight' | 'holdUntil' | 'checkedInAt' | 'endedAt'> & {
      shelter_id: string;
      created_at: number;
      first_night: string;
      hold_until: number;
      checked_in_at: number | null;
      ended_at: number | null;
    })[],
    (shelter, row) =>
      shelter.recent.push({
        kind: row.kind,
        beds: row.beds,
        createdAt: row.created_at,
        firstNight: row.first_night,
        departure: row.departure,
        holdUntil: row.hold_until,
        checkedInAt: row.checked_in_at,
        endedAt: row.ended_at,
      }),
  );
  const waiting = (
    db.$client
      .prepare("select adult_men, adult_women, children, expected_at from arrivals where status = 'waiting' and erased_at is null")
      .all() as { adult_men: number; adult_women: number; children: number; expected_at: number | null }[]
  ).map((row) => ({ people: peopleOf({ adultMen: row.adult_men, adultWomen: row.adult_women, children: row.children }), expectedAt: row.expected_at }));
  return { now: t, networkZone: NETWORK_TIME_ZONE, shelters: [...byShelter.values()], waiting };
}
