import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { write, type Db } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { DomainError } from '@/lib/errors';
import { registerArrival } from '@/lib/households/intake';
import { planPlacement } from '@/lib/matching/plan';
import { networkAvailability } from '@/lib/placement/availability';
import { changeStayDates } from '@/lib/placement/dates';
import { expireHolds } from '@/lib/placement/expiry';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn, checkOut, moveStay } from '@/lib/placement/stays';
import { closeNights, reopenClosure } from '@/lib/shelters/closures';
import { updateShelterProfile } from '@/lib/shelters/profile';
import { addSurgeBeds, endSurgeBed } from '@/lib/shelters/surge';
import { arrivalSchema } from '@/lib/validation/arrival';
import { closureSchema, shelterProfileSchema } from '@/lib/validation/shelter';
import { asStaff, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { expectedFigure, expectedSurge, freeFromLedger, screenFigures } from '../support/free-screens';
import { createTestDb } from '../support/test-db';

/**
 * Random days of a two-city network, step by step through the functions the server actions call,
 * and after every step every screen's count of free beds tonight, for every shelter and city, is
 * held to the count worked out from the ledger, and so is each screen's count of free surge beds,
 * shown apart (decision 0026). Fixed seeds: a failure is the same on every run.
 */
const SEEDS = [20261206, 7, 424242, 31];
const RUNS_PER_SEED = 2;
const STEPS = { minLength: 16, maxLength: 26 };

// 09:00 in Istanbul (UTC+3), 10:00 in Yerevan (UTC+4): the day begins with both doors still to open.
const START = new Date('2026-12-05T06:00:00Z');
const hour = 3_600_000;

const step = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('intake' as const), city: fc.nat(1), men: fc.nat(2), women: fc.nat(2), children: fc.nat(1) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      household: fc.nat(),
      shelter: fc.nat(),
      ahead: fc.nat(1),
      nights: fc.integer({ min: 1, max: 3 }),
      anyBeds: fc.boolean(),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), stay: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('dates' as const),
      stay: fc.nat(),
      nights: fc.integer({ min: 0, max: 3 }),
      later: fc.boolean(),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('checkIn' as const), stay: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('checkOut' as const), stay: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('time' as const), hours: fc.integer({ min: 1, max: 30 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('close' as const), shelter: fc.nat(), room: fc.nat(2), ahead: fc.nat(1) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('reopen' as const), closure: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('pause' as const), shelter: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('expiry' as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('surge' as const),
      shelter: fc.nat(),
      room: fc.nat(),
      count: fc.integer({ min: 1, max: 2 }),
      ahead: fc.nat(1),
      nights: fc.integer({ min: 1, max: 3 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('endSurge' as const), bed: fc.nat(), ahead: fc.nat(1) }), weight: 1 },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

type World = { db: Db; admin: StaffUser; cityIds: string[]; shelterIds: string[]; now: Date };

function makeWorld(db: Db): World {
  const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul', timeZone: 'Europe/Istanbul' }).id;
  const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' }).id;
  const shelter = (name: string, cityId: string, timeZone: string, rooms: [Parameters<typeof makeRoom>[2], number][]) => {
    const made = makeShelter(db, { name, cityId, timeZone, status: 'open', listedPublicly: true, acceptsFamilies: true });
    for (const [kind, beds] of rooms) makeRoom(db, made.id, kind, beds);
    return made.id;
  };
  const shelterIds = [
    shelter('Fatih', istanbul, 'Europe/Istanbul', [
      ['men', 3],
      ['mixed', 2],
      ['family', 3],
    ]),
    shelter('Şişli', istanbul, 'Europe/Istanbul', [
      ['women', 2],
      ['mixed', 2],
    ]),
    shelter('Kentron', yerevan, 'Asia/Yerevan', [
      ['mixed', 3],
      ['women', 2],
    ]),
    shelter('Arabkir', yerevan, 'Asia/Yerevan', [
      ['men', 2],
      ['family', 2],
    ]),
  ];
  const world = { db, admin: asStaff(makeUser(db, 'admin')), cityIds: [istanbul, yerevan], shelterIds, now: START };
  // A queue to start from in each city (a man, a woman, a couple with a child), and in the first
  // shelter of each a man checked in for one night, who overstays if nobody checks him out.
  for (const [index, cityId] of world.cityIds.entries()) {
    const households = [
      [1, 0, 0],
      [0, 1, 0],
      [1, 1, 1],
    ].map(([men, women, children]) => {
      const form = { alias: 'Guest', adultMen: String(men), adultWomen: String(women), children: String(children), cityId };
      return write(db, (tx) => registerArrival(tx, world.admin, arrivalSchema.parse(form), START));
    });
    const shelterId = shelterIds[index * 2];
    const zone = db.$client.prepare('select time_zone from shelters where id = ?').pluck().get(shelterId) as string;
    const bed = ids(
      db,
      "select b.id from beds b join rooms r on r.id = b.room_id where r.shelter_id = ? and r.kind in ('men', 'mixed') order by b.rowid limit 1",
      shelterId,
    );
    const firstNight = tonightIn(zone, START);
    const { stayId } = write(db, (tx) =>
      reserveBeds(tx, world.admin, { arrivalId: households[0], bedIds: bed, firstNight, departure: addNights(firstNight, 1) }, START),
    );
    write(db, (tx) => checkIn(tx, world.admin, stayId, START));
    // Two mats in the city's second shelter's first room, tonight and tomorrow night.
    const second = shelterIds[index * 2 + 1];
    const [roomId] = ids(db, 'select id from rooms where shelter_id = ? order by rowid limit 1', second);
    const secondTonight = tonightIn(db.$client.prepare('select time_zone from shelters where id = ?').pluck().get(second) as string, START);
    write(db, (tx) =>
      addSurgeBeds(
        tx,
        world.admin,
        { roomId, count: 2, kind: 'mat', label: 'Mat', firstNight: secondTonight, lastNight: addNights(secondTonight, 1) },
        START,
      ),
    );
  }
  return world;
}

const pick = <T>(list: T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
const ids = (db: Db, query: string, ...args: unknown[]) =>
  db.$client
    .prepare(query)
    .pluck()
    .all(...args) as string[];

/** One step through the domain function its server action calls, in one write transaction; a refusal writes nothing. */
function apply(world: World, s: Step): void {
  const { db, admin } = world;
  const act = (fn: (tx: Db) => unknown) => {
    try {
      write(db, fn);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  const live = (status: string) => ids(db, `select id from stays where status ${status} order by rowid`);
  switch (s.kind) {
    case 'intake': {
      // A form the action would refuse (nobody in the household) writes nothing, as there.
      const form = arrivalSchema.safeParse({
        alias: 'Guest',
        adultMen: String(s.men),
        adultWomen: String(s.women),
        children: String(s.children),
        cityId: world.cityIds[s.city],
      });
      if (form.success) act((tx) => registerArrival(tx, admin, form.data, world.now));
      return;
    }
    case 'reserve': {
      const household = pick(ids(db, "select id from arrivals where status = 'waiting' order by rowid"), s.household);
      const shelterId = pick(world.shelterIds, s.shelter);
      if (!household || !shelterId) return;
      const zone = db.$client.prepare('select time_zone from shelters where id = ?').pluck().get(shelterId) as string;
      const firstNight = addNights(tonightIn(zone, world.now), s.ahead);
      const range = { firstNight, departure: addNights(firstNight, s.nights) };
      const who = db.$client
        .prepare('select adult_men as adultMen, adult_women as adultWomen, children from arrivals where id = ?')
        .get(household) as { adultMen: number; adultWomen: number; children: number };
      const [available] = networkAvailability(db, { nights: range, shelterId });
      // Now and then beds chosen blindly, as a stale page might send them: the domain's checks decide.
      const bedIds = s.anyBeds
        ? ids(
            db,
            'select b.id from beds b join rooms r on r.id = b.room_id where r.shelter_id = ? order by b.rowid limit ?',
            shelterId,
            who.adultMen + who.adultWomen + who.children,
          )
        : (() => {
            const plan = planPlacement(
              { acceptsFamilies: true, rooms: available.rooms },
              { ...who, languages: [], needsWheelchair: false, hasPet: false },
            );
            return 'beds' in plan ? plan.beds.map((bed) => bed.bedId) : [];
          })();
      if (bedIds.length === 0) return;
      return act((tx) => reserveBeds(tx, admin, { arrivalId: household, bedIds, ...range, elsewhere: true }, world.now));
    }
    case 'move': {
      const stayId = pick(live("in ('reserved', 'checked_in')"), s.stay);
      if (!stayId) return;
      const stay = db.$client
        .prepare('select shelter_id as shelterId, first_night as firstNight, departure from stays where id = ?')
        .get(stayId) as { shelterId: string; firstNight: string; departure: string };
      const size = ids(db, 'select bed_id from stay_beds where stay_id = ? and released_at is null', stayId).length;
      const zone = db.$client.prepare('select time_zone from shelters where id = ?').pluck().get(stay.shelterId) as string;
      const tonight = tonightIn(zone, world.now);
      const first = stay.firstNight > tonight ? stay.firstNight : tonight;
      if (stay.departure <= first) return;
      const [available] = networkAvailability(db, {
        nights: { firstNight: first, departure: stay.departure },
        shelterId: stay.shelterId,
        exceptStayId: stayId,
      });
      const free = available.rooms.flatMap((room) => room.freeBeds.map((bed) => bed.id)).reverse();
      if (free.length < size) return;
      return act((tx) => moveStay(tx, admin, { stayId, bedIds: free.slice(0, size) }, world.now));
    }
    case 'dates': {
      const stayId = pick(live("in ('reserved', 'checked_in')"), s.stay);
      if (!stayId) return;
      const stay = db.$client
        .prepare(
          'select s.status, s.first_night as firstNight, sh.time_zone as zone from stays s join shelters sh on sh.id = s.shelter_id where s.id = ?',
        )
        .get(stayId) as { status: string; firstNight: string; zone: string };
      const tonight = tonightIn(stay.zone, world.now);
      const moveFirst = stay.status === 'reserved' && s.later;
      const firstNight = moveFirst ? addNights(stay.firstNight, 1) : stay.firstNight;
      const from = firstNight > tonight ? firstNight : tonight;
      return act((tx) =>
        changeStayDates(tx, admin, { stayId, departure: addNights(from, s.nights), firstNight: moveFirst ? firstNight : null }, world.now),
      );
    }
    case 'checkIn': {
      // Among the reservations whose first night has come in their shelter's calendar, as the host's Expected list shows them.
      const reserved = db.$client
        .prepare(
          "select s.id, s.first_night, sh.time_zone from stays s join shelters sh on sh.id = s.shelter_id where s.status = 'reserved' order by s.rowid",
        )
        .raw()
        .all() as [string, string, string][];
      const stayId = pick(
        reserved.filter(([, firstNight, zone]) => firstNight <= tonightIn(zone, world.now)).map(([id]) => id),
        s.stay,
      );
      if (stayId) act((tx) => checkIn(tx, admin, stayId, world.now));
      return;
    }
    case 'checkOut': {
      const stayId = pick(live("= 'checked_in'"), s.stay);
      if (stayId) act((tx) => checkOut(tx, admin, stayId, world.now));
      return;
    }
    case 'time':
      world.now = new Date(world.now.getTime() + s.hours * hour);
      return;
    case 'close': {
      const shelterId = pick(world.shelterIds, s.shelter)!;
      const zone = db.$client.prepare('select time_zone from shelters where id = ?').pluck().get(shelterId) as string;
      const rooms = ids(db, 'select id from rooms where shelter_id = ? order by rowid', shelterId);
      const firstNight = addNights(tonightIn(zone, world.now), s.ahead);
      // Room 0 stands for the whole shelter.
      const roomId = s.room === 0 ? '' : (pick(rooms, s.room) ?? '');
      return act((tx) =>
        closeNights(tx, admin, closureSchema.parse({ shelterId, roomId, firstNight, lastNight: addNights(firstNight, 1) }), world.now),
      );
    }
    case 'reopen': {
      const closureId = pick(ids(db, 'select id from shelter_closures order by rowid'), s.closure);
      if (closureId) act((tx) => reopenClosure(tx, admin, closureId, world.now));
      return;
    }
    case 'pause': {
      const shelterId = pick(world.shelterIds, s.shelter)!;
      const row = db.$client.prepare('select name, district, status, time_zone as timeZone from shelters where id = ?').get(shelterId) as {
        name: string;
        district: string;
        status: string;
        timeZone: string;
      };
      const form = {
        shelterId,
        name: row.name,
        district: row.district,
        checkInFrom: '14:00',
        checkInUntil: '23:00',
        holdHours: '6',
        usualNights: '3',
        checkOutBy: '11:00',
        timeZone: row.timeZone,
        listedPublicly: 'on',
        acceptsFamilies: 'on',
      };
      return act((tx) =>
        updateShelterProfile(
          tx,
          admin,
          shelterProfileSchema.parse({ ...form, status: row.status === 'open' ? 'paused' : 'open' }),
          world.now,
        ),
      );
    }
    case 'expiry':
      return act((tx) => expireHolds(tx, world.now));
    case 'surge': {
      // Mats laid out in a room for a night or a few, from tonight or tomorrow (decision 0026).
      const shelterId = pick(world.shelterIds, s.shelter)!;
      const zone = db.$client.prepare('select time_zone from shelters where id = ?').pluck().get(shelterId) as string;
      const roomId = pick(ids(db, 'select id from rooms where shelter_id = ? order by rowid', shelterId), s.room)!;
      const firstNight = addNights(tonightIn(zone, world.now), s.ahead);
      const form = {
        roomId,
        count: s.count,
        kind: 'mat' as const,
        label: 'Mat',
        firstNight,
        lastNight: addNights(firstNight, s.nights - 1),
      };
      return act((tx) => addSurgeBeds(tx, admin, form, world.now));
    }
    case 'endSurge': {
      // Ended early: after tonight or after tomorrow night, refused while a booking holds it later.
      const [bedId, zone] =
        pick(
          db.$client
            .prepare(
              'select b.id, sh.time_zone from beds b join rooms r on r.id = b.room_id join shelters sh on sh.id = r.shelter_id where b.surge_kind is not null order by b.rowid',
            )
            .raw()
            .all() as [string, string][],
          s.bed,
        ) ?? [];
      if (!bedId || !zone) return;
      return act((tx) => endSurgeBed(tx, admin, { bedId, lastNight: addNights(tonightIn(zone, world.now), s.ahead) }, world.now));
    }
  }
}

/** Guests checked in past their departure, in their shelter's calendar. */
function overdueGuests(world: World): number {
  const rows = world.db.$client
    .prepare("select s.departure, sh.time_zone from stays s join shelters sh on sh.id = s.shelter_id where s.status = 'checked_in'")
    .raw()
    .all() as [string, string][];
  return rows.filter(([departure, zone]) => departure <= tonightIn(zone, world.now)).length;
}

/** Every screen's figure that differs from the ledger's, as "screen shelter/city: shows n, ledger m". */
function disagreements(world: World): string[] {
  const ledger = freeFromLedger(world.db, world.now);
  return screenFigures(world.db, world.now, world.admin, world.cityIds)
    .map((figure) => ({ figure, expected: expectedFigure(ledger, figure) }))
    .flatMap(({ figure, expected }) => [
      ...(figure.free === expected
        ? []
        : [`${figure.screen} ${figure.shelterId ?? figure.cityId}: shows ${figure.free}, ledger ${expected}`]),
      ...(figure.surge === undefined || figure.surge === expectedSurge(ledger, figure)
        ? []
        : [`${figure.screen} ${figure.shelterId}: shows ${figure.surge} surge, ledger ${expectedSurge(ledger, figure)}`]),
    ]);
}

describe('free tonight across random days of two cities', () => {
  // A few seconds per seed on an idle machine; the time limit leaves room for a machine busy with other work.
  it.each(SEEDS)(
    'is the ledger’s number on every screen after every step (seed %i)',
    (seed) => {
      let steps = 0;
      const wrote: Record<string, number> = {};
      let overdueSeen = 0;
      fc.assert(
        fc.property(fc.array(step, STEPS), (plan) => {
          const test = createTestDb();
          try {
            const world = makeWorld(test.db);
            for (const [index, s] of plan.entries()) {
              const before = test.sqlite.prepare('select total_changes()').pluck().get();
              apply(world, s);
              steps++;
              if (test.sqlite.prepare('select total_changes()').pluck().get() !== before) wrote[s.kind] = (wrote[s.kind] ?? 0) + 1;
              overdueSeen += overdueGuests(world);
              expect(disagreements(world), `after step ${index + 1}, ${JSON.stringify(s)}, at ${world.now.toISOString()}`).toEqual([]);
            }
          } finally {
            test.cleanup();
          }
        }),
        { seed, numRuns: RUNS_PER_SEED, endOnFailure: true },
      );
      expect(steps).toBeGreaterThanOrEqual(RUNS_PER_SEED * STEPS.minLength);
      console.log(`seed ${seed}: ${steps} steps, wrote ${JSON.stringify(wrote)}, overdue guest-steps ${overdueSeen}`);
    },
    90_000,
  );
});
