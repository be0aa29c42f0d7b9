import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { nightsOf, tonightIn, type Night, type NightRange } from '@/lib/calendar/nights';
import { DomainError } from '@/lib/errors';

// A guest checked in keeps their bed until the host checks them out, also past their planned
// departure, when the ledger (bed_nights) books no night for them any more. Migration 0012's triggers
// keep it in the database: while a checked-in stay holds a bed, no other stay is booked into it or
// checked into it for a night from the guest's first night on. The reads below say the same to pages,
// so that a guide is never offered a bed the database would refuse.

// Whether a checked-in guest (another stay than the one asking) holds any of the given beds on a night
// before `departure`: from their first night on, the bed is theirs until they are checked out.
const guestIn = (db: Db) =>
  db.$client.prepare<{ bedIds: string; departure: Night; except: string }, { stayId: string }>(
    `select s.id as stayId from stay_beds sb join stays s on s.id = sb.stay_id
      where sb.bed_id in (select value from json_each(@bedIds)) and sb.released_at is null
        and s.status = 'checked_in' and s.id <> @except and s.first_night < @departure
      limit 1`,
  );

/** Whether a checked-in guest (other than `exceptStayId`) holds any of these beds now, whatever the night. */
export function guestInBeds(db: Db, bedIds: string[], exceptStayId: string): boolean {
  if (bedIds.length === 0) return false;
  return !!prepared(db, guestIn).get({ bedIds: JSON.stringify([...new Set(bedIds)]), departure: '9999-12-31', except: exceptStayId });
}

/**
 * Refuses beds of which any is held by a checked-in guest (other than `exceptStayId`) on a night of
 * `range`, as the database would (migration 0012), but in words a person can act on.
 */
export function refuseBedsWithGuest(db: Db, bedIds: string[], range: NightRange, exceptStayId = '', field = 'bedIds'): void {
  if (bedIds.length === 0 || range.departure <= range.firstNight) return;
  const found = prepared(db, guestIn).get({
    bedIds: JSON.stringify([...new Set(bedIds)]),
    departure: range.departure,
    except: exceptStayId,
  });
  if (found) throw new DomainError('guestStillInBed', field);
}

// The beds whose checked-in guest's planned departure falls before `departure`: for the nights from that
// departure on, the ledger books nothing for them, yet the bed is still theirs.
const heldBeyondLedgerSql = (ofShelters: boolean) =>
  `select sb.bed_id as bedId, s.departure as departure from stays s join stay_beds sb on sb.stay_id = s.id
    where ${ofShelters ? 's.shelter_id in (select value from json_each(@shelterIds)) and' : ''} s.status = 'checked_in'
      and sb.released_at is null and s.id <> @except and s.departure < @departure`;
const heldBeyondLedger = (db: Db) =>
  db.$client.prepare<{ departure: Night; except: string }, { bedId: string; departure: Night }>(heldBeyondLedgerSql(false));
// The same, of some shelters only: a city's suggestions need not read every guest of the network.
const heldBeyondLedgerIn = (db: Db) =>
  db.$client.prepare<{ departure: Night; except: string; shelterIds: string }, { bedId: string; departure: Night }>(
    heldBeyondLedgerSql(true),
  );
const bookedOn = (db: Db) =>
  db.$client.prepare<{ bedIds: string; first: Night; departure: Night; except: string }, { bedId: string; night: Night }>(
    `select bed_id as bedId, night from bed_nights
      where bed_id in (select value from json_each(@bedIds)) and night >= @first and night < @departure and stay_id <> @except`,
  );

/**
 * The bed-nights of `range` that checked-in guests (other than `exceptStayId`) hold past their planned
 * departure and that the ledger does not book to anyone: each is one bed fewer free that night, on top
 * of what bed_nights counts. Of the shelters named (`shelterIds`), or of the whole network.
 */
export function nightsHeldPastDeparture(
  db: Db,
  range: NightRange,
  exceptStayId = '',
  shelterIds?: readonly string[],
): { bedId: string; night: Night }[] {
  const held = shelterIds
    ? prepared(db, heldBeyondLedgerIn).all({ departure: range.departure, except: exceptStayId, shelterIds: JSON.stringify(shelterIds) })
    : prepared(db, heldBeyondLedger).all({ departure: range.departure, except: exceptStayId });
  if (held.length === 0) return [];
  const booked = new Set(
    prepared(db, bookedOn)
      .all({
        bedIds: JSON.stringify(held.map((row) => row.bedId)),
        first: range.firstNight,
        departure: range.departure,
        except: exceptStayId,
      })
      .map((row) => `${row.bedId} ${row.night}`),
  );
  return held.flatMap(({ bedId, departure }) =>
    nightsOf({ firstNight: departure > range.firstNight ? departure : range.firstNight, departure: range.departure })
      .filter((night) => !booked.has(`${bedId} ${night}`))
      .map((night) => ({ bedId, night })),
  );
}

/** Whether SQLite refused a write because a checked-in guest holds the bed (migration 0012's triggers). */
export function isGuestInBedRefusal(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === 'SQLITE_CONSTRAINT_TRIGGER' && message === 'bed_occupied';
}

export type BedConflict = {
  bedId: string;
  shelterId: string;
  /** The guest still checked in past their departure. */
  stayingId: string;
  stayingDeparture: Night;
  /** The other stay in the same bed: checked in too, or booked for a night the staying guest still holds. */
  otherId: string;
  otherStatus: 'reserved' | 'checked_in';
  otherFirstNight: Night;
};

// Pairs of live stays on one bed where the first is checked in and the second either is checked in too
// or holds a bed-night from the first one's departure on. Whether the first is overdue yet depends on
// each shelter's calendar, decided below.
const pairsInOneBed = (db: Db) =>
  db.$client.prepare<{ shelters: string | null }, BedConflict & { timeZone: string }>(
    `select sb.bed_id as bedId, s.shelter_id as shelterId, s.id as stayingId, s.departure as stayingDeparture,
            o.id as otherId, o.status as otherStatus, o.first_night as otherFirstNight, sh.time_zone as timeZone
       from stays s
       join stay_beds sb on sb.stay_id = s.id and sb.released_at is null
       join stay_beds ob on ob.bed_id = sb.bed_id and ob.released_at is null and ob.stay_id <> s.id
       join stays o on o.id = ob.stay_id and o.status in ('reserved', 'checked_in')
       join shelters sh on sh.id = s.shelter_id
      where s.status = 'checked_in' and (@shelters is null or s.shelter_id in (select value from json_each(@shelters)))
        and (o.status = 'checked_in' and (s.first_night < o.first_night or s.first_night = o.first_night and s.id < o.id)
             or o.status = 'reserved' and exists (select 1 from bed_nights bn where bn.bed_id = sb.bed_id and bn.stay_id = o.id and bn.night >= s.departure))
      order by sh.name, sb.bed_id`,
  );

/**
 * Beds with two guests: a guest past their departure still in the bed, and another stay checked into
 * it or booked into it (a booking made before that guest overstayed, or a conflict from before the
 * database refused them). Nothing is dropped: each stays until someone checks a guest out or moves one.
 * `shelterIds` null: every shelter.
 */
export function bedConflicts(db: Db, shelterIds: readonly string[] | null, now: Date): BedConflict[] {
  const rows = prepared(db, pairsInOneBed).all({ shelters: shelterIds ? JSON.stringify(shelterIds) : null });
  return rows
    .filter((row) => row.stayingDeparture <= tonightIn(row.timeZone, now) || row.otherStatus === 'checked_in')
    .map((row) => ({
      bedId: row.bedId,
      shelterId: row.shelterId,
      stayingId: row.stayingId,
      stayingDeparture: row.stayingDeparture,
      otherId: row.otherId,
      otherStatus: row.otherStatus,
      otherFirstNight: row.otherFirstNight,
    }));
}
