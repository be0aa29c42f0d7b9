import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { listCities } from '@/lib/cities/cities';
import { queueCities } from '@/lib/households/filters';
import { householdForCaller, onlineRequestCount, pendingReservations, waitingQueue } from '@/lib/households/queries';
import { networkAvailability } from '@/lib/placement/availability';
import { freeTonightByShelter, reserveBatch } from '@/lib/placement/batch';
import { householdCities, placeGroups } from '@/lib/placement/city-places';
import { elsewhereCities } from '@/lib/placement/city-rule';
import { reserveBeds } from '@/lib/placement/reserve';
import { moveStay } from '@/lib/placement/stays';
import { forgetHousehold } from '@/lib/privacy/forget';
import { mayActOnHousehold } from '@/lib/privacy/shares';
import { asStaff, defaultCityOf, makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul and 16:00 in Yerevan: tonight's doors are open.
const NOW = new Date('2026-10-01T12:00:00Z');
const NIGHTS = { firstNight: '2026-10-01', departure: '2026-10-02' };
const istanbul = defaultCityOf(db);
const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' }).id;
const tbilisi = makeCity(db, 'Tbilisi', { slug: 'tbilisi', timeZone: 'Asia/Tbilisi' }).id;
const fatih = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul });
const kentron = makeShelter(db, { status: 'open', name: 'Kentron', cityId: yerevan, timeZone: 'Asia/Yerevan' });
const vake = makeShelter(db, { status: 'open', name: 'Vake', cityId: tbilisi, timeZone: 'Asia/Tbilisi' });
const bedsOf = (shelterId: string) => makeRoom(db, shelterId, 'mixed', 6).beds.map((bed) => bed.id);
const fatihBeds = bedsOf(fatih.id);
const kentronBeds = bedsOf(kentron.id);
const vakeBeds = bedsOf(vake.id);

const yerevanGuide = asStaff(makeUser(db, 'guide', { cityIds: [yerevan] }), [], [yerevan]);
const twoCityGuide = asStaff(makeUser(db, 'guide', { cityIds: [yerevan, tbilisi] }), [], [yerevan, tbilisi]);
const allCityGuide = asStaff(makeUser(db, 'guide'));
const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul] }), [], [istanbul]);

const household = (alias: string, cityId: string | null, values: Parameters<typeof makeArrival>[1] = {}) =>
  makeArrival(db, { alias, cityId, adultWomen: 1, arrivedAt: new Date(NOW.getTime() - 3_600_000), selfRegistered: true, ...values });
const aliases = (list: { alias: string | null }[]) => list.map((h) => h.alias).sort();
const refusal = (run: (tx: typeof db) => unknown) => {
  try {
    write(db, run);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};
const lastAudit = () =>
  sqlite.prepare('select action, entity_id as entityId, shelter_id as shelterId from audit_events order by rowid desc limit 1').get();

describe('a guide scoped to cities', () => {
  const anna = household('Anna', yerevan);
  const ilya = household('Ilya', istanbul);
  const nobody = household('Nowhere', null);
  household('Tamar', tbilisi);

  it('sees the queue of their cities only, and the header counts only those', () => {
    expect(aliases(waitingQueue(db, yerevanGuide, NOW))).toEqual(['Anna']);
    expect(aliases(waitingQueue(db, twoCityGuide, NOW))).toEqual(['Anna', 'Tamar']);
    expect(aliases(waitingQueue(db, twoCityGuide, NOW, tbilisi))).toEqual(['Tamar']);
    expect(aliases(waitingQueue(db, allCityGuide, NOW))).toEqual(['Anna', 'Ilya', 'Nowhere', 'Tamar']);
    // An admin of Istanbul gets Istanbul's households, unnamed.
    expect(waitingQueue(db, istanbulAdmin, NOW).map((h) => h.id)).toEqual([ilya.id]);
    expect(onlineRequestCount(db, yerevanGuide)).toBe(1);
    expect(onlineRequestCount(db, twoCityGuide)).toBe(2);
    expect(onlineRequestCount(db, allCityGuide)).toBe(4);
  });

  it('may narrow the queue to one of their cities; an unknown city or one not theirs is ignored', () => {
    const cities = listCities(db, 'en');
    const yerevanView = cities.find((c) => c.id === yerevan)!;
    expect(queueCities(yerevanGuide, cities, null)).toEqual({ choices: [], chosen: null, shown: yerevanView, ignored: false });
    expect(queueCities(twoCityGuide, cities, null).choices.map((c) => c.name)).toEqual(['Tbilisi', 'Yerevan']);
    expect(queueCities(twoCityGuide, cities, 'tbilisi').chosen?.id).toBe(tbilisi);
    expect(queueCities(yerevanGuide, cities, cities.find((c) => c.id === istanbul)!.slug)).toMatchObject({ chosen: null, ignored: true });
    expect(queueCities(yerevanGuide, cities, 'atlantis')).toMatchObject({ chosen: null, ignored: true });
    expect(queueCities(allCityGuide, cities, 'yerevan').chosen?.id).toBe(yerevan);
  });

  it('names the city its queue is of: the one chosen, or the guide’s only one; none while it shows several', () => {
    const cities = listCities(db, 'en');
    expect(queueCities(yerevanGuide, cities, null).shown?.name).toBe('Yerevan');
    expect(queueCities(twoCityGuide, cities, null).shown).toBeNull();
    expect(queueCities(twoCityGuide, cities, 'tbilisi').shown?.name).toBe('Tbilisi');
    expect(queueCities(allCityGuide, cities, null).shown).toBeNull();
    // A city not theirs is ignored: the heading names theirs, not the one asked for.
    expect(queueCities(yerevanGuide, cities, 'tbilisi').shown?.name).toBe('Yerevan');
  });

  it('may not open or act on a household of a city they do not hold, and nothing is written', () => {
    expect(householdForCaller(db, yerevanGuide, anna.id, NOW)?.household.alias).toBe('Anna');
    expect(householdForCaller(db, yerevanGuide, ilya.id, NOW)).toBeNull();
    expect(householdForCaller(db, yerevanGuide, nobody.id, NOW)).toBeNull();
    expect(householdForCaller(db, allCityGuide, nobody.id, NOW)?.household.alias).toBe('Nowhere');
    expect(mayActOnHousehold(db, istanbulAdmin, anna.id)).toBe(false);
    expect(mayActOnHousehold(db, istanbulAdmin, ilya.id)).toBe(true);
    const before = snapshot(sqlite);
    expect(refusal((tx: typeof db) => reserveBeds(tx, yerevanGuide, { arrivalId: ilya.id, bedIds: [fatihBeds[0]] }, NOW))).toBe('notFound');
    expect(refusal((tx: typeof db) => forgetHousehold(tx, yerevanGuide, ilya.id, NOW))).toBe('notFound');
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('is offered its own city’s shelters, and where the household is going under its own heading', () => {
    const goingToIstanbul = household('Boris', yerevan, { destinationCityId: istanbul });
    const groups = placeGroups(db, householdCities(db, goingToIstanbul.id), { nights: NIGHTS, elsewhere: [] });
    expect(groups.map((g) => [g.kind, g.network.map((s) => s.name)])).toEqual([
      ['home', ['Kentron']],
      ['destination', ['Fatih']],
    ]);
    // Other cities only when asked, and only the caller's own: the Yerevan guide has none.
    expect(elsewhereCities(yerevanGuide, householdCities(db, anna.id), [istanbul, yerevan, tbilisi])).toEqual([]);
    expect(elsewhereCities(twoCityGuide, householdCities(db, anna.id), [istanbul, yerevan, tbilisi])).toEqual([tbilisi]);
    expect(networkAvailability(db, { nights: NIGHTS, cityIds: [tbilisi] }).map((s) => s.name)).toEqual(['Vake']);
    expect(freeTonightByShelter(db, NOW, [yerevan]).map((s) => s.name)).toEqual(['Kentron']);
  });

  it('places in their city; another city only on purpose, where the household goes or the guide works, and it is recorded', () => {
    const notMoving = household('Vera', yerevan);
    const before = snapshot(sqlite);
    // Istanbul is neither Vera's destination nor the guide's city: refused, even chosen on purpose.
    expect(
      refusal((tx: typeof db) => reserveBeds(tx, yerevanGuide, { arrivalId: notMoving.id, bedIds: [fatihBeds[0]], elsewhere: true }, NOW)),
    ).toBe('cityNotYours');
    // Tbilisi is the two-city guide's: still not without choosing it on purpose.
    expect(refusal((tx: typeof db) => reserveBeds(tx, twoCityGuide, { arrivalId: notMoving.id, bedIds: [vakeBeds[0]] }, NOW))).toBe(
      'elsewhereNotChosen',
    );
    expect(snapshot(sqlite)).toEqual(before);

    const home = write(db, (tx) => reserveBeds(tx, yerevanGuide, { arrivalId: notMoving.id, bedIds: [kentronBeds[0]] }, NOW));
    expect(lastAudit()).toEqual({ action: 'stay.reserve', entityId: home.stayId, shelterId: kentron.id });

    const moving = household('Gleb', yerevan, { destinationCityId: istanbul });
    expect(refusal((tx: typeof db) => reserveBeds(tx, yerevanGuide, { arrivalId: moving.id, bedIds: [fatihBeds[1]] }, NOW))).toBe(
      'elsewhereNotChosen',
    );
    const there = write(db, (tx) => reserveBeds(tx, yerevanGuide, { arrivalId: moving.id, bedIds: [fatihBeds[1]], elsewhere: true }, NOW));
    expect(lastAudit()).toEqual({ action: 'stay.reserve_elsewhere', entityId: there.stayId, shelterId: fatih.id });
    // The guide who placed them may still open them: they are still of Yerevan's queue.
    expect(householdForCaller(db, yerevanGuide, moving.id, NOW)?.current?.shelterName).toBe('Fatih');
    expect(
      pendingReservations(db, yerevanGuide, NOW)
        .map((s) => s.shelterName)
        .sort(),
    ).toEqual(['Fatih', 'Kentron']);
    // An admin of Istanbul reads the reservations of Istanbul's queue only, none of Yerevan's households
    // (Gleb's bed is in Istanbul, but he is of Yerevan's queue); an admin of every city reads them all.
    const irina = household('Irina', istanbul);
    write(db, (tx) => reserveBeds(tx, allCityGuide, { arrivalId: irina.id, bedIds: [fatihBeds[3]] }, NOW));
    const reservedHouseholds = (user: typeof istanbulAdmin, cityId?: string) =>
      pendingReservations(db, user, NOW, cityId).map((s) => s.household.id);
    expect(reservedHouseholds(istanbulAdmin)).toEqual([irina.id]);
    const networkAdmin = asStaff(makeUser(db, 'admin'));
    expect(reservedHouseholds(networkAdmin).sort()).toEqual([moving.id, notMoving.id, irina.id].sort());
    expect(reservedHouseholds(networkAdmin, yerevan).sort()).toEqual([moving.id, notMoving.id].sort());
    // A city not theirs, asked for: nothing of it (the page ignores such a choice before asking).
    expect(reservedHouseholds(istanbulAdmin, yerevan)).toEqual([]);

    const chosen = household('Nino', yerevan);
    write(db, (tx) => reserveBeds(tx, twoCityGuide, { arrivalId: chosen.id, bedIds: [vakeBeds[1]], elsewhere: true }, NOW));
    expect(lastAudit()).toMatchObject({ action: 'stay.reserve_elsewhere', shelterId: vake.id });
  });

  it('moves a household to another city by the same rule', () => {
    const lena = household('Lena', yerevan);
    const stay = write(db, (tx) => reserveBeds(tx, yerevanGuide, { arrivalId: lena.id, bedIds: [kentronBeds[2]] }, NOW));
    const before = snapshot(sqlite);
    expect(
      refusal((tx: typeof db) => moveStay(tx, yerevanGuide, { stayId: stay.stayId, bedIds: [fatihBeds[2]], elsewhere: true }, NOW)),
    ).toBe('cityNotYours');
    expect(snapshot(sqlite)).toEqual(before);
    sqlite.prepare('update arrivals set destination_city_id = ? where id = ?').run(istanbul, lena.id);
    const moved = write(db, (tx) => moveStay(tx, yerevanGuide, { stayId: stay.stayId, bedIds: [fatihBeds[2]], elsewhere: true }, NOW));
    expect(moved.shelterId).toBe(fatih.id);
    expect(lastAudit()).toMatchObject({ action: 'stay.reserve_elsewhere', entityId: moved.id });
  });

  it('places a batch by the same rule: each household of another city is told why, the others placed', () => {
    const mine = household('Mariam', yerevan);
    const theirs = household('Oleg', istanbul);
    const moving = household('Pavel', yerevan, { destinationCityId: istanbul });
    const { outcomes } = write(db, (tx) =>
      reserveBatch(tx, allCityGuide, { arrivalIds: [mine.id, theirs.id, moving.id], shelterId: kentron.id }, NOW),
    );
    expect(outcomes.map((o) => [o.alias, o.refusal?.code ?? 'placed'])).toEqual([
      ['Mariam', 'placed'],
      ['Oleg', 'elsewhereNotChosen'],
      ['Pavel', 'placed'],
    ]);
    const scoped = write(db, (tx) => reserveBatch(tx, yerevanGuide, { arrivalIds: [moving.id, theirs.id], shelterId: fatih.id }, NOW));
    expect(scoped.outcomes.map((o) => [o.alias, o.refusal?.code])).toEqual([
      // Placed by another guide, and Oleg of Istanbul: neither is this guide's, and neither is named.
      // The city rule answers before the household's or the shelter's state (order-of-checks.test.ts).
      [null, 'elsewhereNotChosen'],
      [null, 'notFound'],
    ]);
  });
});
