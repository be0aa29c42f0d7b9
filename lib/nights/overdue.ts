import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { bedNights, shelters, stayBeds, stays } from '@/db/schema';
import { Stamped } from '@/lib/cache';
import { nightsOf, tonightIn, type Night, type NightRange } from '@/lib/calendar/nights';
import { DomainError } from '@/lib/errors';
import { stayStamps } from './stay-stamps';

// A guest checked in keeps their bed until the host checks them out, also past their planned
// departure, when the ledger (bed_nights) books no night for them any more. Migration 0012's triggers
// keep it in the database: while a checked-in stay holds a bed, no other stay is booked into it or
// checked into it for a night from the guest's first night on. The reads below say the same to pages,
// so that a guide is never offered a bed the database would refuse.

// Whether a checked-in guest (another stay than the one asking) holds any of the given beds on a night
// before `departure`: from their first night on, the bed is theirs until they are checked out.
const guestIn = statement(
  () => sql`
  select ${stays.id} as stayId from ${stayBeds} join ${stays} on ${stays.id} = ${stayBeds.stayId}
   where ${stayBeds.bedId} in (select value from json_each(@bedIds)) and ${stayBeds.releasedAt} is null
     and ${stays.status} = 'checked_in' and ${stays.id} <> @except and ${stays.firstNight} < @departure
   limit 1`,
);

/** Whether a checked-in guest (other than `exceptStayId`) holds any of these beds now, whatever the night. */
export function guestInBeds(db: Db, bedIds: string[], exceptStayId: string): boolean {
  if (bedIds.length === 0) return false;
  return !!guestIn(db).get({ bedIds: JSON.stringify([...new Set(bedIds)]), departure: '9999-12-31', except: exceptStayId });
}

/**
 * Refuses beds of which any is held by a checked-in guest (other than `exceptStayId`) on a night of
 * `range`, as the database would (migration 0012), but in words a person can act on.
 */
export function refuseBedsWithGuest(db: Db, bedIds: string[], range: NightRange, exceptStayId = '', field = 'bedIds'): void {
  if (bedIds.length === 0 || range.departure <= range.firstNight) return;
  const found = guestIn(db).get({
    bedIds: JSON.stringify([...new Set(bedIds)]),
    departure: range.departure,
    except: exceptStayId,
  });
  if (found) throw new DomainError('guestStillInBed', field);
}

const ofShelters = sql`${stays.shelterId} in (select value from json_each(@shelterIds)) and`;
// The beds whose checked-in guest's planned departure falls before `departure`: for the nights from that
// departure on, the ledger books nothing for them, yet the bed is still theirs.
const heldBeyondLedgerSql = (named: boolean) => sql`
  select ${stayBeds.bedId} as bedId, ${stays.departure} as departure from ${stays} join ${stayBeds} on ${stayBeds.stayId} = ${stays.id}
   where ${named ? ofShelters : sql.empty()} ${stays.status} = 'checked_in'
     and ${stayBeds.releasedAt} is null and ${stays.id} <> @except and ${stays.departure} < @departure`;
const heldBeyondLedger = statement(() => heldBeyondLedgerSql(false));
// The same, of some shelters only: a city's suggestions need not read every guest of the network.
const heldBeyondLedgerIn = statement(() => heldBeyondLedgerSql(true));
const bookedOn = statement(
  () => sql`
  select ${bedNights.bedId} as bedId, ${bedNights.night} from ${bedNights}
   where ${bedNights.bedId} in (select value from json_each(@bedIds)) and ${bedNights.night} >= @first and ${bedNights.night} < @departure
     and ${bedNights.stayId} <> @except`,
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
  const held = (
    shelterIds
      ? heldBeyondLedgerIn(db).all({ departure: range.departure, except: exceptStayId, shelterIds: JSON.stringify(shelterIds) })
      : heldBeyondLedger(db).all({ departure: range.departure, except: exceptStayId })
  ) as { bedId: string; departure: Night }[];
  if (held.length === 0) return [];
  const booked = new Set(
    (
      bookedOn(db).all({
        bedIds: JSON.stringify(held.map((row) => row.bedId)),
        first: range.firstNight,
        departure: range.departure,
        except: exceptStayId,
      }) as { bedId: string; night: Night }[]
    ).map((row) => `${row.bedId} ${row.night}`),
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
// or holds a bed-night from the first one's departure on, of every shelter or of those named (walked
// from their own checked-in stays). Whether the first is overdue yet depends on each shelter's
// calendar, decided below.
type PairInOneBed = BedConflict;
const other = alias(stays, 'o');
const otherBed = alias(stayBeds, 'ob');
const pairsInOneBed = (named: boolean) =>
  statement(
    () => sql`
  select ${stayBeds.bedId} as bedId, ${stays.shelterId} as shelterId, ${stays.id} as stayingId, ${stays.departure} as stayingDeparture,
         ${other.id} as otherId, ${other.status} as otherStatus, ${other.firstNight} as otherFirstNight
    from ${stays}
    join ${stayBeds} on ${stayBeds.stayId} = ${stays.id} and ${stayBeds.releasedAt} is null
    join ${stayBeds} ${otherBed}
      on ${otherBed.bedId} = ${stayBeds.bedId} and ${otherBed.releasedAt} is null and ${otherBed.stayId} <> ${stays.id}
    join ${stays} ${other} on ${other.id} = ${otherBed.stayId} and ${other.status} in ('reserved', 'checked_in')
   where ${named ? sql`${stays.shelterId} in (select value from json_each(@shelters)) and` : sql.empty()} ${stays.status} = 'checked_in'
     and (${other.status} = 'checked_in'
            and (${stays.firstNight} < ${other.firstNight} or ${stays.firstNight} = ${other.firstNight} and ${stays.id} < ${other.id})
          or ${other.status} = 'reserved'
            and exists (select 1 from ${bedNights}
                         where ${bedNights.bedId} = ${stayBeds.bedId} and ${bedNights.stayId} = ${other.id}
                           and ${bedNights.night} >= ${stays.departure}))`,
  );
const pairsIn = { network: pairsInOneBed(false), shelters: pairsInOneBed(true) };
// The shelters in the order conflicts are listed (by name), with their calendars.
const sheltersByName = (named: boolean) =>
  statement(
    () => sql`select ${shelters.id} as id, ${shelters.name} as name, ${shelters.timeZone} as timeZone from ${shelters}
     ${named ? sql`where ${shelters.id} in (select value from json_each(@shelters))` : sql.empty()} order by ${shelters.name}`,
  );
const sheltersIn = { network: sheltersByName(false), shelters: sheltersByName(true) };

// Each shelter's pairs, kept per connection while its stay stamp stands still (they are read from its
// stays, their beds and bed-nights only). Shared with the copy of this module the warm-up loads.
const keptPairs = new Stamped<readonly PairInOneBed[]>('nights.pairs');

/**
 * Beds with two guests: a guest past their departure still in the bed, and another stay checked into
 * it or booked into it (a booking made before that guest overstayed, or a conflict from before the
 * database refused them). Nothing is dropped: each stays until someone checks a guest out or moves one.
 * `shelterIds` null: every shelter. In order of the shelter's name, then the bed.
 */
export function bedConflicts(db: Db, shelterIds: readonly string[] | null, now: Date): BedConflict[] {
  const client = db.$client;
  const params = shelterIds ? { shelters: JSON.stringify(shelterIds) } : {};
  return client.transaction(() => {
    const stampOf = stayStamps(db);
    const named = sheltersIn[shelterIds ? 'shelters' : 'network'](db).all(params) as { id: string; name: string; timeZone: string }[];
    const stale = named.filter((shelter) => !keptPairs.fresh(client, shelter.id, stampOf(shelter.id)));
    if (stale.length > 0) {
      // The whole network in one walk when most of it is stale (the first read of a process).
      const whole = !shelterIds && stale.length * 2 > named.length;
      const rows = pairsIn[whole ? 'network' : 'shelters'](db).all(whole ? {} : { shelters: JSON.stringify(stale.map((s) => s.id)) });
      const byShelter = new Map<string, PairInOneBed[]>();
      for (const row of rows as PairInOneBed[]) byShelter.set(row.shelterId, [...(byShelter.get(row.shelterId) ?? []), row]);
      for (const shelter of stale) keptPairs.keep(client, shelter.id, stampOf(shelter.id), Object.freeze(byShelter.get(shelter.id) ?? []));
    }
    // Only the guests past their departure by their shelter's tonight (or two checked in together);
    // by name (shelters of one name together), then by bed.
    const rank = new Map<string, number>();
    const found: { rank: number; conflict: BedConflict }[] = [];
    named.forEach((shelter, i) => {
      rank.set(shelter.name, rank.get(shelter.name) ?? i);
      const pairs = keptPairs.fresh(client, shelter.id, stampOf(shelter.id))!;
      if (pairs.length === 0) return;
      const tonight = tonightIn(shelter.timeZone, now);
      for (const pair of pairs)
        if (pair.stayingDeparture <= tonight || pair.otherStatus === 'checked_in')
          found.push({ rank: rank.get(shelter.name)!, conflict: pair });
    });
    found.sort((a, b) => a.rank - b.rank || (a.conflict.bedId < b.conflict.bedId ? -1 : a.conflict.bedId > b.conflict.bedId ? 1 : 0));
    return found.map(({ conflict }) => ({ ...conflict }));
  })();
}
