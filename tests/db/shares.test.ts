import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { householdForCaller, pendingReservations, shelterStays, waitingQueue } from '@/lib/households/queries';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay, checkIn, checkOut, moveStay, renewStayLink, revokeStayLink } from '@/lib/placement/stays';
import { forgetHousehold } from '@/lib/privacy/forget';
import { mayActOn, revealedTo, revealHousehold, shareOf } from '@/lib/privacy/shares';
import { markNotGenuine } from '@/lib/requests/self-register';
import { shelterBoard } from '@/lib/shelters/board';
import { asStaff, defaultCityOf, makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const { db, sqlite, cleanup } = createTestDb();
afterAll(cleanup);
const NOW = new Date('2026-11-26T18:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const shelter = makeShelter(db, { status: 'open' });
const { beds } = makeRoom(db, shelter.id, 'mixed', 6);
const guideA = asStaff(makeUser(db, 'guide'));
const guideB = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
const otherHost = asStaff(makeUser(db, 'host'), []);
// The households are of the shelter's city; a guide and an admin of another city are strangers to them.
const city = defaultCityOf(db);
const elsewhere = makeCity(db, 'Yerevan').id;
const cityGuide = asStaff(makeUser(db, 'guide', { cityIds: [city] }), [], [city]);
const strangerGuide = asStaff(makeUser(db, 'guide', { cityIds: [elsewhere] }), [], [elsewhere]);
const strangerAdmin = asStaff(makeUser(db, 'admin', { cityIds: [elsewhere] }), [], [elsewhere]);

// Marker strings in every identifying field, and a token hash that must never leave the server.
const marked = (name: string, values: Record<string, unknown> = {}) =>
  makeArrival(db, {
    alias: `${name}-alias`,
    contact: `${name}-contact`,
    needNote: `${name}-note`,
    requestTokenHash: `${name}-HASH`,
    selfRegistered: true,
    cityId: city,
    ...values,
  });
const placedByA = marked('MK-reserved');
const reservation = write(db, (tx) => reserveBeds(tx, guideA, { arrivalId: placedByA.id, bedIds: [beds[0].id] }, NOW));
const waiting = marked('MK-waiting');
const stayingRow = marked('MK-staying');
const staying = write(db, (tx) => reserveBeds(tx, guideA, { arrivalId: stayingRow.id, bedIds: [beds[1].id] }, NOW));
write(db, (tx) => checkIn(tx, host, staying.stayId, later(1)));
const leftRow = marked('MK-left');
const left = write(db, (tx) => reserveBeds(tx, guideA, { arrivalId: leftRow.id, bedIds: [beds[2].id] }, NOW));
write(db, (tx) => checkIn(tx, host, left.stayId, later(1)));
write(db, (tx) => checkOut(tx, host, left.stayId, later(2)));

const stateOf = (arrivalId: string) => {
  const household = sqlite.prepare('select status, erased_at as erasedAt, city_id as cityId from arrivals where id = ?').get(arrivalId) as {
    status: string;
    erasedAt: Date | null;
    cityId: string | null;
  };
  const stay = sqlite
    .prepare(
      "select status, reserved_by as reservedBy, shelter_id as shelterId from stays where arrival_id = ? and status in ('reserved', 'checked_in')",
    )
    .get(arrivalId) as { status: string; reservedBy: string | null; shelterId: string } | undefined;
  return [household, stay] as const;
};
const share = (user: StaffUser, arrivalId: string, revealed = false) => shareOf(user, ...stateOf(arrivalId), revealed);
const SHARES = {
  none: { identity: false, contact: false },
  host: { identity: true, contact: false },
  full: { identity: true, contact: true },
};

/** Everything every data-access answer gives this caller, as one string to search for markers. */
function everythingFor(user: StaffUser, at: Date): string {
  const households = [placedByA, waiting, stayingRow, leftRow].map((row) => householdForCaller(db, user, row.id, at));
  return JSON.stringify([
    households,
    user.role === 'host' && !user.shelterIds.length ? [] : shelterStays(db, user, shelter.id, at),
    user.role === 'host' ? [] : [waitingQueue(db, user, at), pendingReservations(db, user, at)],
    shelterBoard(db, shelter.id, at, { holdersFor: user }),
  ]);
}
const markersIn = (text: string) => [...new Set(text.match(/MK-[a-z]+-(alias|contact|note|HASH)/g) ?? [])].sort();

describe('one rule decides what each caller may open and act on, and what of it they receive', () => {
  it('a guide: the waiting queue and their own reservations until check-in, in full', () => {
    expect(share(guideA, waiting.id)).toEqual(SHARES.full);
    expect(share(guideB, waiting.id)).toEqual(SHARES.full);
    expect(share(guideA, placedByA.id)).toEqual(SHARES.full);
    expect(share(guideB, placedByA.id)).toEqual(SHARES.none);
    expect(share(guideA, stayingRow.id)).toEqual(SHARES.none);
    expect(mayActOn(guideB, ...stateOf(placedByA.id))).toBe(false);
  });

  it('a host: the households in their shelter\u2019s beds, by name and need, never their contact', () => {
    expect(share(host, placedByA.id)).toEqual(SHARES.host);
    expect(share(host, stayingRow.id)).toEqual(SHARES.host);
    expect(share(host, waiting.id)).toEqual(SHARES.none);
    expect(share(otherHost, stayingRow.id)).toEqual(SHARES.none);
  });

  it('an admin: every household in care, unnamed until revealed', () => {
    expect(mayActOn(admin, ...stateOf(stayingRow.id))).toBe(true);
    expect(share(admin, stayingRow.id)).toEqual(SHARES.none);
    expect(share(admin, stayingRow.id, true)).toEqual(SHARES.full);
  });

  it('a guide or admin of another city: nothing of this city\u2019s households, and every attempt writes nothing', () => {
    for (const row of [placedByA, waiting, stayingRow]) {
      expect(mayActOn(strangerGuide, ...stateOf(row.id))).toBe(false);
      expect(mayActOn(strangerAdmin, ...stateOf(row.id))).toBe(false);
      expect(householdForCaller(db, strangerGuide, row.id, NOW)).toBeNull();
    }
    expect(share(cityGuide, waiting.id)).toEqual(SHARES.full);
    expect(mayActOn(strangerAdmin, ...stateOf(stayingRow.id))).toBe(false);
    const before = snapshot(sqlite);
    expect(() => write(db, (tx) => reserveBeds(tx, strangerGuide, { arrivalId: waiting.id, bedIds: [beds[3].id] }, NOW))).toThrow(
      'notFound',
    );
    expect(() => write(db, (tx) => forgetHousehold(tx, strangerGuide, waiting.id, NOW))).toThrow('notFound');
    expect(() => write(db, (tx) => markNotGenuine(tx, strangerGuide, waiting.id, NOW))).toThrow('notFound');
    expect(() => write(db, (tx) => revealHousehold(tx, strangerAdmin, stayingRow.id, NOW))).toThrow('notFound');
    expect(() => write(db, (tx) => cancelStay(tx, strangerAdmin, reservation.stayId, NOW))).toThrow('notAllowed');
    expect(snapshot(sqlite)).toBe(before);
  });

  it('a household that has left is nobody\u2019s to open or act on, and every attempt writes nothing', () => {
    for (const user of [guideA, guideB, admin, host]) {
      expect(mayActOn(user, ...stateOf(leftRow.id))).toBe(false);
      expect(householdForCaller(db, user, leftRow.id, later(3))).toBeNull();
    }
    const before = snapshot(sqlite);
    const refusal = (run: () => unknown) => {
      try {
        write(db, run as never);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    // The bug this replaces: reservePlace took a checked-out household and put it back in the queue.
    expect(refusal(() => reserveBeds(db, guideB, { arrivalId: leftRow.id, bedIds: [beds[3].id] }, later(3)))).toBe('notFound');
    expect(refusal(() => reserveBeds(db, admin, { arrivalId: leftRow.id, bedIds: [beds[3].id] }, later(3)))).toBe('notFound');
    expect(refusal(() => forgetHousehold(db, guideB, leftRow.id, later(3)))).toBe('notFound');
    expect(refusal(() => revealHousehold(db, admin, leftRow.id, later(3)))).toBe('notFound');
    expect(refusal(() => markNotGenuine(db, guideB, leftRow.id, later(3)))).toBe('notFound');
    for (const user of [guideA, admin, host]) {
      expect(refusal(() => cancelStay(db, user, left.stayId, later(3)))).toBe('notAllowed');
      expect(refusal(() => moveStay(db, user, { stayId: left.stayId, bedIds: [beds[4].id] }, later(3)))).toBe('notAllowed');
      expect(refusal(() => renewStayLink(db, user, left.stayId, later(3)))).toBe('notAllowed');
      expect(refusal(() => revokeStayLink(db, user, left.stayId, later(3)))).toBe('notAllowed');
    }
    expect(snapshot(sqlite)).toBe(before);
  });

  it('another guide can neither change nor erase a placement that is not theirs, and writes nothing trying', () => {
    const before = snapshot(sqlite);
    expect(() => write(db, (tx) => cancelStay(tx, guideB, reservation.stayId, NOW))).toThrow('notAllowed');
    expect(() => write(db, (tx) => renewStayLink(tx, guideB, reservation.stayId, NOW))).toThrow('notAllowed');
    expect(() => write(db, (tx) => forgetHousehold(tx, guideB, placedByA.id, NOW))).toThrow('notFound');
    expect(() => write(db, (tx) => checkIn(tx, otherHost, reservation.stayId, NOW))).toThrow('notAllowed');
    expect(snapshot(sqlite)).toBe(before);
  });
});

describe('the data-access layer answers each caller with its share only', () => {
  it('gives each caller exactly the markers its share allows, and no token hash to anyone', () => {
    const at = later(5);
    expect(markersIn(everythingFor(guideA, at))).toEqual([
      'MK-reserved-alias',
      'MK-reserved-contact',
      'MK-reserved-note',
      'MK-waiting-alias',
      'MK-waiting-contact',
      'MK-waiting-note',
    ]);
    expect(markersIn(everythingFor(guideB, at))).toEqual(['MK-waiting-alias', 'MK-waiting-contact', 'MK-waiting-note']);
    expect(markersIn(everythingFor(host, at))).toEqual(['MK-reserved-alias', 'MK-reserved-note', 'MK-staying-alias', 'MK-staying-note']);
    expect(markersIn(everythingFor(otherHost, at))).toEqual([]);
    expect(markersIn(everythingFor(admin, at))).toEqual([]);
    expect(markersIn(everythingFor(cityGuide, at))).toEqual(['MK-waiting-alias', 'MK-waiting-contact', 'MK-waiting-note']);
    expect(markersIn(everythingFor(strangerGuide, at))).toEqual([]);
    expect(JSON.stringify([waitingQueue(db, strangerGuide, at), waitingQueue(db, strangerAdmin, at)])).toBe('[[],[]]');
  });

  it('an admin who reveals one household receives that one, for fifteen minutes, and it is audited', () => {
    expect(() => write(db, (tx) => revealHousehold(tx, guideA, stayingRow.id, NOW))).toThrow('notAllowed');
    write(db, (tx) => revealHousehold(tx, admin, stayingRow.id, later(10)));
    const audit = sqlite.prepare("select actor_id, entity_id from audit_events where action = 'household.reveal'").all();
    expect(audit).toEqual([{ actor_id: admin.id, entity_id: stayingRow.id }]);
    expect(markersIn(everythingFor(admin, later(11)))).toEqual(['MK-staying-alias', 'MK-staying-contact', 'MK-staying-note']);
    expect(revealedTo(db, admin, stayingRow.id, later(24))).toBe(true);
    expect(markersIn(everythingFor(admin, later(26)))).toEqual([]);
  });

  it('once checked in, the household is the hosts\u2019: its guide no longer receives or changes it', () => {
    write(db, (tx) => checkIn(tx, host, reservation.stayId, later(30)));
    expect(markersIn(everythingFor(guideA, later(31)))).toEqual(['MK-waiting-alias', 'MK-waiting-contact', 'MK-waiting-note']);
    expect(() => write(db, (tx) => renewStayLink(tx, guideA, reservation.stayId, later(31)))).toThrow('notAllowed');
  });

  it('a guide erases a waiting household at once; it leaves the queue, and a second try finds nothing', () => {
    write(db, (tx) => forgetHousehold(tx, guideB, waiting.id, NOW));
    const row = sqlite.prepare('select alias, status, erased_at from arrivals where id = ?').get(waiting.id);
    expect(row).toEqual({ alias: null, status: 'cancelled', erased_at: NOW.getTime() });
    expect(() => write(db, (tx) => forgetHousehold(tx, guideB, waiting.id, NOW))).toThrow('notFound');
    expect(() => write(db, (tx) => forgetHousehold(tx, host, placedByA.id, NOW))).toThrow('notAllowed');
  });
});
