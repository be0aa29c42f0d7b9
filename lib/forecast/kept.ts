import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, roomNights, shelterStayStamps, stayBeds, stays } from '@/db/schema';
import type { RoomKind } from '@/db/schema/enums';
import type { STAY_STATUSES } from '@/db/schema/stays';
import { Remembered, Stamped } from '@/lib/cache';
import { addNights, tonightIn, type Night } from '@/lib/calendar/nights';
import type { BedLayout } from '@/lib/placement/layout';
import { FORECAST_NIGHTS, NO_SHOW_DAYS, peopleOf, RECENT_DAYS, type People, type RecentStay } from './maths';

const DAY = 86_400_000;
type StayStatus = (typeof STAY_STATUSES)[number];

/** Stays created this long before a read are kept: the no-show window and the stays it looks behind. */
const KEPT_DAYS = NO_SHOW_DAYS + RECENT_DAYS;
/** Nights of the ledger kept from the shelter's tonight at the read; read again once the week passes its end. */
const LEDGER_NIGHTS = 3 * FORECAST_NIGHTS;
/**
 * One pass over the network's recent and live stays costs about what reading every shelter's one by
 * one does (the rows are spread over the whole table either way; decision 0004), so shelters are read one by one unless most of the network's are stale.
 */
const networkRead = (stale: number, network: number) => stale > network / 2;

export type LedgerRow = { roomId: string; night: Night; checkedIn: number; reserved: number };

/** Kinds in the order the forecast has always split a stay's beds by (alphabetical). */
const KIND_ORDER = ['family', 'men', 'mixed', 'women'] as const satisfies readonly RoomKind[];

// The same few hundred nights recur across every stay kept: one string each, not one per row.
const nightStrings = new Remembered<string, Night>(10_000);
function intern(night: Night): Night {
  return nightStrings.get(night) ?? nightStrings.set(night, night);
}

/**
 * Reservations not yet checked in with one first night, ordered by when their hold passes (latest
 * first), with running totals of their people: those whose hold still stands at `t` are a prefix.
 */
export type HoldsOfNight = { holdUntil: Float64Array; men: Int32Array; women: Int32Array; families: Int32Array };

/**
 * One shelter's stays as the forecast reads them, in columns (a thousand shelters' stays are kept
 * in memory, and the collector walks every object kept), shaped for the windows `now` will ask for.
 */
export type KeptStays = {
  /** Guests checked in with a planned departure, and the beds they still hold. */
  checkedIn: { departure: Night; heldBeds: readonly string[] }[];
  reserved: Map<Night, HoldsOfNight>;
  /** Every stay kept, for the no-show counts: created, held until, checked in (NaN: never), and whether expired or still reserved. */
  holds: { createdAt: Float64Array; holdUntil: Float64Array; checkedInAt: Float64Array; expired: Uint8Array; reserved: Uint8Array };
  /** Stays with nights, in the order of their ids (the forecast's sums always ran in that order); NaN: not yet. */
  dated: {
    createdAt: Float64Array;
    holdUntil: Float64Array;
    checkedInAt: Float64Array;
    endedAt: Float64Array;
    firstNight: Night[];
    departure: Night[];
    /** Stay i's beds are bedIds[bedStart[i]] up to bedIds[bedStart[i + 1]]. */
    bedStart: Int32Array;
    bedIds: string[];
  };
};

/**
 * What is kept of one shelter per connection while its stamp stands still: its stays created in the
 * last KEPT_DAYS days before the read and every live one (a booking may have been made months ahead),
 * the dated stays' beds counted by kind for one layout, and its rooms' ledger for LEDGER_NIGHTS nights.
 */
type Kept = {
  /** The earliest creation kept: a forecast at an earlier time (tests go back in time) reads again. */
  from: number;
  stays: KeptStays;
  kinds: { layout: BedLayout; counts: Uint16Array } | null;
  ledger: { layout: BedLayout; from: Night; to: Night; rows: LedgerRow[] } | null;
  /** The last recentStays asked of this entry (see there). */
  recent: RecentMemo;
};

/**
 * recentStays' last answer for a shelter: its list for one `before`, counted by kind with `kinds`,
 * of the stays created since `from`; `earliest` the earliest creation in the list.
 */
type RecentMemo = { last: { kinds: Uint16Array; before: Night; from: number; earliest: number; list: RecentStay[] } | null };

// Shared with the copy of this module that reads ahead at start (lib/warm-up.ts).
const keptByShelter = new Stamped<Kept>('forecast.kept');

type StayRow = [
  string,
  string,
  StayStatus,
  number,
  Night | null,
  Night | null,
  number,
  number | null,
  number | null,
  number,
  number,
  number,
];

const orNaN = (value: number | null) => value ?? NaN;

function holdsOfNight(holds: { holdUntil: number; people: People }[]): HoldsOfNight {
  holds.sort((a, b) => b.holdUntil - a.holdUntil);
  const shaped = {
    holdUntil: new Float64Array(holds.length),
    men: new Int32Array(holds.length),
    women: new Int32Array(holds.length),
    families: new Int32Array(holds.length),
  };
  holds.forEach(({ holdUntil, people }, i) => {
    shaped.holdUntil[i] = holdUntil;
    shaped.men[i] = (i > 0 ? shaped.men[i - 1] : 0) + people.men;
    shaped.women[i] = (i > 0 ? shaped.women[i - 1] : 0) + people.women;
    shaped.families[i] = (i > 0 ? shaped.families[i - 1] : 0) + people.families;
  });
  return shaped;
}

/** The people of the reservations of one night whose hold still stands at `t`, or null if none does. */
export function peopleHeldAt(holds: HoldsOfNight, t: number): People | null {
  // The holds standing are a prefix (latest first): find its length.
  let [low, high] = [0, holds.holdUntil.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (holds.holdUntil[mid] > t) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? null : { men: holds.men[low - 1], women: holds.women[low - 1], families: holds.families[low - 1] };
}

function emptyStays(): KeptStays {
  return shapeStays([], new Map());
}

function shapeStays(rows: StayRow[], beds: Map<string, [string, number][]>): KeptStays {
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const n = rows.length;
  const holds = {
    createdAt: new Float64Array(n),
    holdUntil: new Float64Array(n),
    checkedInAt: new Float64Array(n),
    expired: new Uint8Array(n),
    reserved: new Uint8Array(n),
  };
  const datedRows = rows.filter((row) => row[4] !== null && row[5] !== null);
  const m = datedRows.length;
  const dated = {
    createdAt: new Float64Array(m),
    holdUntil: new Float64Array(m),
    checkedInAt: new Float64Array(m),
    endedAt: new Float64Array(m),
    firstNight: [] as Night[],
    departure: [] as Night[],
    bedStart: new Int32Array(m + 1),
    bedIds: [] as string[],
  };
  const checkedIn: KeptStays['checkedIn'] = [];
  const reserved = new Map<Night, { holdUntil: number; people: People }[]>();
  rows.forEach(([, id, status, createdAt, firstNight, departure, holdUntil, checkedInAt, , adultMen, adultWomen, children], i) => {
    holds.createdAt[i] = createdAt;
    holds.holdUntil[i] = holdUntil;
    holds.checkedInAt[i] = orNaN(checkedInAt);
    holds.expired[i] = status === 'expired' ? 1 : 0;
    holds.reserved[i] = status === 'reserved' ? 1 : 0;
    if (status === 'checked_in' && departure !== null) {
      checkedIn.push({ departure: intern(departure), heldBeds: (beds.get(id) ?? []).filter(([, held]) => held).map(([bed]) => bed) });
    }
    if (status === 'reserved' && firstNight !== null) {
      const entry = { holdUntil, people: peopleOf({ adultMen, adultWomen, children }) };
      const list = reserved.get(firstNight);
      if (list) list.push(entry);
      else reserved.set(intern(firstNight), [entry]);
    }
  });
  datedRows.forEach(([, id, status, createdAt, firstNight, departure, holdUntil, checkedInAt, endedAt], i) => {
    dated.createdAt[i] = createdAt;
    dated.holdUntil[i] = holdUntil;
    dated.checkedInAt[i] = orNaN(checkedInAt);
    dated.endedAt[i] = status === 'reserved' || status === 'checked_in' ? NaN : orNaN(endedAt);
    dated.firstNight.push(intern(firstNight!));
    dated.departure.push(intern(departure!));
    dated.bedStart[i] = dated.bedIds.length;
    for (const [bed] of beds.get(id) ?? []) dated.bedIds.push(bed);
  });
  dated.bedStart[m] = dated.bedIds.length;
  return { checkedIn, reserved: new Map([...reserved].map(([night, list]) => [night, holdsOfNight(list)])), holds, dated };
}

const s = alias(stays, 's');
// The rowids of the stays kept, of the shelters named (@ids) or of every shelter: two index ranges
// (recent by creation, live by status), the older live ones not read twice.
const staysKept = (named: boolean) => {
  const ofShelters = named ? sql`${stays.shelterId} in (select value from json_each(@ids)) and` : sql.empty();
  return sql`(
      select rowid from ${stays} indexed by ${named ? sql`stays_shelter_created` : sql`stays_created`}
       where ${ofShelters} ${stays.createdAt} >= @from
      union all
      select rowid from ${stays} indexed by ${named ? sql`stays_shelter_status` : sql`stays_status_hold`}
       where ${ofShelters} ${stays.status} in ('reserved', 'checked_in') and ${stays.createdAt} < @from)`;
};
// The household's head count only where a reservation needs it.
const keptStayRows = (named: boolean) =>
  statement(
    () => sql`
  select ${s.shelterId}, ${s.id}, ${s.status}, ${s.createdAt}, ${s.firstNight}, ${s.departure}, ${s.holdUntil}, ${s.checkedInAt},
         coalesce(${s.checkedOutAt}, ${s.endedAt}),
         coalesce(${arrivals.adultMen}, 0), coalesce(${arrivals.adultWomen}, 0), coalesce(${arrivals.children}, 0)
    from ${stays} ${s} left join ${arrivals} on ${s.status} = 'reserved' and ${arrivals.id} = ${s.arrivalId}
   where ${s}.rowid in ${staysKept(named)}`,
  );
const keptStayBeds = (named: boolean) =>
  statement(
    () => sql`
  select ${stayBeds.stayId}, ${stayBeds.bedId}, ${stayBeds.releasedAt} is null
    from ${stays} ${s} join ${stayBeds} on ${stayBeds.stayId} = ${s.id} where ${s}.rowid in ${staysKept(named)}`,
  );
const stayRowsOfNetwork = keptStayRows(false);
const stayRowsOfShelters = keptStayRows(true);
const stayBedsOfNetwork = keptStayBeds(false);
const stayBedsOfShelters = keptStayBeds(true);

/** The stays of the shelters named (null: every shelter) created since `from` or still live, shaped per shelter. */
function readStays(db: Db, shelterIds: string[] | null, from: number): Map<string, KeptStays> {
  const params = { from, ...(shelterIds ? { ids: JSON.stringify(shelterIds) } : {}) };
  const rows = (shelterIds ? stayRowsOfShelters : stayRowsOfNetwork)(db).raw().all(params) as StayRow[];
  const beds = new Map<string, [string, number][]>();
  const bedRows = (shelterIds ? stayBedsOfShelters : stayBedsOfNetwork)(db).raw().all(params) as [string, string, number][];
  for (const [stayId, bedId, held] of bedRows) {
    const list = beds.get(stayId);
    if (list) list.push([bedId, held]);
    else beds.set(stayId, [[bedId, held]]);
  }
  const byShelter = new Map<string, StayRow[]>();
  for (const row of rows) {
    const list = byShelter.get(row[0]);
    if (list) list.push(row);
    else byShelter.set(row[0], [row]);
  }
  return new Map([...byShelter].map(([shelterId, list]) => [shelterId, shapeStays(list, beds)]));
}

const ledgerOfRooms = statement(
  () => sql`
  select ${roomNights.roomId}, ${roomNights.night}, ${roomNights.checkedIn}, ${roomNights.reserved} from ${roomNights}
   where ${roomNights.roomId} in (select value from json_each(?)) and ${roomNights.night} between ? and ?`,
);
const ledgerOfNetwork = statement(
  () => sql`
  select ${roomNights.roomId}, ${roomNights.night}, ${roomNights.checkedIn}, ${roomNights.reserved} from ${roomNights}
   where ${roomNights.night} between ? and ?`,
);

function readLedger(db: Db, layout: BedLayout, roomIds: string[] | null, from: Night, to: Night): Map<string, LedgerRow[]> {
  const read = roomIds ? ledgerOfRooms(db).raw().all(JSON.stringify(roomIds), from, to) : ledgerOfNetwork(db).raw().all(from, to);
  const rows = read as [string, Night, number, number][];
  const ledger = new Map<string, LedgerRow[]>();
  for (const [roomId, night, checkedIn, reserved] of rows) {
    const shelterId = layout.roomById.get(roomId)?.shelterId;
    if (shelterId === undefined || (checkedIn === 0 && reserved === 0)) continue;
    const row = { roomId, night, checkedIn, reserved };
    const list = ledger.get(shelterId);
    if (list) list.push(row);
    else ledger.set(shelterId, [row]);
  }
  return ledger;
}

/** Each dated stay's beds counted by the kind of their room in this layout: 4 counts a stay, in KIND_ORDER. */
function countKinds(dated: KeptStays['dated'], layout: BedLayout): Uint16Array {
  const counts = new Uint16Array(4 * dated.createdAt.length);
  for (let i = 0; i < dated.createdAt.length; i++) {
    for (let b = dated.bedStart[i]; b < dated.bedStart[i + 1]; b++) {
      const kind = layout.roomOfBed.get(dated.bedIds[b])?.kind;
      if (kind) counts[4 * i + KIND_ORDER.indexOf(kind)]++;
    }
  }
  return counts;
}

/**
 * The recent stays recentFills and overstays look at: dated stays created since `from` whose first
 * night came before `before`, one entry per kind of room their beds are in.
 */
export function recentStays(kept: KeptShelter, from: number, before: Night): RecentStay[] {
  // A later `from` (the clock moves on) only leaves stays out: the list kept, less those made before
  // it, in the same order (the forecast's sums run in that order). Callers must not change it.
  const last = kept.recent.last;
  if (last && last.kinds === kept.kinds && last.before === before && last.from <= from) {
    if (last.earliest >= from) return last.list;
    const list = last.list.filter((stay) => stay.createdAt >= from);
    kept.recent.last = { ...last, from, earliest: earliestOf(list), list };
    return list;
  }
  const list = readRecent(kept, from, before);
  kept.recent.last = { kinds: kept.kinds, before, from, earliest: earliestOf(list), list };
  return list;
}

const earliestOf = (list: RecentStay[]) => list.reduce((min, stay) => (stay.createdAt < min ? stay.createdAt : min), Infinity);

function readRecent(kept: KeptShelter, from: number, before: Night): RecentStay[] {
  const { dated } = kept.stays;
  const recent: RecentStay[] = [];
  for (let i = 0; i < dated.createdAt.length; i++) {
    if (dated.createdAt[i] < from || dated.firstNight[i] >= before) continue;
    for (let k = 0; k < 4; k++) {
      const beds = kept.kinds[4 * i + k];
      if (beds === 0) continue;
      const [checkedInAt, endedAt] = [dated.checkedInAt[i], dated.endedAt[i]];
      recent.push({
        kind: KIND_ORDER[k],
        beds,
        createdAt: dated.createdAt[i],
        firstNight: dated.firstNight[i],
        departure: dated.departure[i],
        holdUntil: dated.holdUntil[i],
        checkedInAt: Number.isNaN(checkedInAt) ? null : checkedInAt,
        endedAt: Number.isNaN(endedAt) ? null : endedAt,
      });
    }
  }
  return recent;
}

export type KeptShelter = {
  stays: KeptStays;
  /** The dated stays' beds by kind in the current layout (countKinds). */
  kinds: Uint16Array;
  ledger: readonly LedgerRow[];
  recent: RecentMemo;
};

const stayStamps = statement(() => sql`select ${shelterStayStamps.shelterId}, ${shelterStayStamps.stamp} from ${shelterStayStamps}`);

/**
 * The kept stays and ledger of the shelters named (id and time zone), brought up to date: shelters
 * whose stamp changed since they were kept (migration 0010's triggers), whose ledger no longer covers
 * their coming week, or whose rooms changed (a new layout), are read again, in one pass when there
 * are many. Stamps and rows are read in one snapshot, so what is kept is what the stamp stood for.
 * Callers must not change what they get.
 */
export function keptShelters(
  db: Db,
  layout: BedLayout,
  shelters: readonly { id: string; timeZone: string }[],
  now: Date,
): Map<string, KeptShelter> {
  const client = db.$client;
  return client.transaction(() => {
    const from = now.getTime() - KEPT_DAYS * DAY;
    const stamps = new Map(stayStamps(db).raw().all() as [string, string][]);
    // A shelter with no stamp has had no stay written since migration 0010: '' stands for that.
    const stampOf = (id: string) => stamps.get(id) ?? '';
    const keptOf = (id: string) => keptByShelter.fresh(client, id, stampOf(id));
    const isFresh = (id: string) => (keptOf(id)?.from ?? Infinity) <= from;
    const staleStays: string[] = [];
    const staleLedger: { id: string; from: Night; to: Night }[] = [];
    for (const shelter of shelters) {
      const fresh = isFresh(shelter.id);
      if (!fresh) staleStays.push(shelter.id);
      const ledger = fresh ? keptOf(shelter.id)!.ledger : null;
      const tonight = tonightIn(shelter.timeZone, now);
      if (!ledger || ledger.layout !== layout || tonight < ledger.from || addNights(tonight, FORECAST_NIGHTS - 1) > ledger.to) {
        staleLedger.push({ id: shelter.id, from: tonight, to: addNights(tonight, LEDGER_NIGHTS - 1) });
      }
    }
    if (staleStays.length > 0) {
      // A read of the whole network keeps every shelter it read, asked for or not.
      const whole = networkRead(staleStays.length, stamps.size);
      const stays = readStays(db, whole ? null : staleStays, from);
      for (const id of whole ? [...new Set([...staleStays, ...stamps.keys()])].filter((id) => !isFresh(id)) : staleStays) {
        keptByShelter.keep(client, id, stampOf(id), {
          from,
          stays: stays.get(id) ?? emptyStays(),
          kinds: null,
          ledger: null,
          recent: { last: null },
        });
      }
    }
    if (staleLedger.length > 0) {
      // One range of nights for all of them: from the earliest tonight to the latest kept night.
      const first = staleLedger.reduce((min, s) => (s.from < min ? s.from : min), staleLedger[0].from);
      const last = staleLedger.reduce((max, s) => (s.to > max ? s.to : max), staleLedger[0].to);
      const stale = new Set(staleLedger.map((s) => s.id));
      const roomIds = networkRead(staleLedger.length, stamps.size)
        ? null
        : layout.rooms.filter((room) => stale.has(room.shelterId)).map((room) => room.id);
      const ledger = readLedger(db, layout, roomIds, first, last);
      for (const { id, from: own, to } of staleLedger) {
        keptOf(id)!.ledger = { layout, from: own, to, rows: (ledger.get(id) ?? []).filter((row) => own <= row.night && row.night <= to) };
      }
    }
    return new Map(
      shelters.map((shelter) => {
        const entry = keptOf(shelter.id)!;
        if (entry.kinds?.layout !== layout) entry.kinds = { layout, counts: countKinds(entry.stays.dated, layout) };
        return [shelter.id, { stays: entry.stays, kinds: entry.kinds.counts, ledger: entry.ledger!.rows, recent: entry.recent }];
      }),
    );
  })();
}
