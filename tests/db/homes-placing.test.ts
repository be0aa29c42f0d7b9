import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { homesVerifiedByTwo, saveHomesVerifiedByTwo, verifiedHomesFor } from '@/lib/homes/placing';
import { placementPage } from '@/lib/households/placement-page';
import { suggestPlacements } from '@/lib/matching/suggest';
import type { Household } from '@/lib/matching/types';
import { addCheck, listChecks } from '@/lib/offers/checklist';
import { offerByToken } from '@/lib/offers/own-offer';
import { setOfferStatus, tickCheck } from '@/lib/offers/vetting';
import { networkAvailability } from '@/lib/placement/availability';
import { reserveBeds } from '@/lib/placement/reserve';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeOffer } from '../support/offers';
import { createTestDb } from '../support/test-db';

// Placed with care (issue 30, point 4): homes after shelters unless the guide asks otherwise, the
// safe-rooms rule through a home's room, and the network's "only homes verified by two volunteers".
// 21:30 UTC is past midnight in Istanbul: the nights asked for are the city's, not UTC's.
const NOW = new Date('2026-03-01T21:30:00Z');
const NIGHTS = { firstNight: '2026-03-02', departure: '2026-03-04' };
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const city = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' });
const admin = asStaff(makeUser(db, 'admin'));
const [guideA, guideB] = [asStaff(makeUser(db, 'guide'), [], [city.id]), asStaff(makeUser(db, 'guide'), [], [city.id])];
write(db, (tx) => addCheck(tx, admin, { label: 'Called', twoPeople: false }, NOW));
write(db, (tx) => addCheck(tx, admin, { label: 'Met in person', twoPeople: false }, NOW));
const [called, met] = listChecks(db);

/** An active home for `guests`, its checklist ticked by `tickers` (each ticks every item unless told). */
function home(guests: string, tickers: { user: typeof guideA; checks?: string[] }[] = [{ user: guideA }]) {
  const id = offerByToken(db, makeOffer(db, city.id, NOW, '2026-03-02', '2026-03-20', { guests, capacity: 4, languages: [] }).token)!.id;
  for (const { user, checks } of tickers)
    for (const checkId of checks ?? [called.id, met.id]) write(db, (tx) => tickCheck(tx, user, { offerId: id, checkId }, NOW));
  write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'active', home: { address: 'Sokak 1', district: 'Moda' } }, NOW));
  return sqlite.prepare('select shelter_id from offers where id = ?').pluck().get(id) as string;
}
const household = (composition: Partial<Household>): Household => ({
  adultMen: 0,
  adultWomen: 0,
  children: 0,
  languages: [],
  needsWheelchair: false,
  hasPet: false,
  ...composition,
});
const suggested = (h: Household, care = {}) =>
  suggestPlacements(networkAvailability(db, { nights: NIGHTS, cityIds: [city.id] }), h, NOW, NIGHTS, undefined, care);

const menHome = home('men');
const anyoneHome = home('anyone', [{ user: guideA }, { user: guideB }]);
const womenHome = home('women', [{ user: guideA }, { user: guideB, checks: [called.id] }]);
// A shelter with a mixed dorm, speaking no language of the households: homes do not speak one either.
const shelter = makeShelter(db, { name: 'Zeytin Shelter', cityId: city.id, status: 'open', timeZone: 'Europe/Istanbul' });
makeRoom(db, shelter.id, 'mixed', 3);

describe('the safe-rooms rule reaches homes through their room', () => {
  it.each([
    ['a lone woman', { adultWomen: 1 }],
    ['a family', { adultWomen: 1, adultMen: 1, children: 2 }],
  ])('never suggests a home offered to men to %s', (_who, composition) => {
    const { suggestions, excluded } = suggested(household(composition));
    expect(suggestions.map((s) => s.shelterId)).not.toContain(menHome);
    expect(excluded.map((e) => e.shelterId)).toContain(menHome);
  });

  it('suggests it to a man on his own', () => {
    expect(suggested(household({ adultMen: 1 })).suggestions.map((s) => s.shelterId)).toContain(menHome);
  });
});

describe('homes rank after shelters', () => {
  it('unless the guide asks to rank them alike', () => {
    const man = household({ adultMen: 1 });
    const after = suggested(man).suggestions;
    expect(after[0]).toMatchObject({ shelterId: shelter.id });
    expect(after.slice(1).every((s) => s.home)).toBe(true);
    // Alike, the homes' emptier rooms (more of their beds free after this man) score above the dorm's.
    const alike = suggested(man, { homesAlike: true }).suggestions;
    expect(alike[0].home).toBe(true);
    expect(alike.map((s) => s.shelterId).sort()).toEqual(after.map((s) => s.shelterId).sort());
  });

  it('but safety first: a lone woman gets a women’s home before a shelter’s mixed dorm', () => {
    const [first, ...rest] = suggested(household({ adultWomen: 1 })).suggestions;
    expect(first.shelterId).toBe(womenHome);
    expect(rest[0].shelterId).toBe(shelter.id);
  });

  it('and the household page offers the control, keeping it in its links', () => {
    const guest = makeArrival(db, { cityId: city.id, adultMen: 1, adultWomen: 0 });
    const everything = { elsewhere: false, all: false };
    const after = placementPage(db, guideA, guest.id, everything, NOW, 'en')!;
    expect(after.suggestions[0].shelterId).toBe(shelter.id);
    expect(after.homes).toEqual({ alike: false, href: `/arrivals/${guest.id}?homes=alike` });
    const alike = placementPage(db, guideA, guest.id, { ...everything, homesAlike: true }, NOW, 'en')!;
    expect(alike.suggestions[0].home).toBe(true);
    expect(alike.homes).toEqual({ alike: true, href: `/arrivals/${guest.id}?` });
  });
});

describe('only homes verified by two volunteers', () => {
  it('means every item of the checklist ticked by two different staff members', () => {
    expect([...homesVerifiedByTwo(db, [menHome, anyoneHome, womenHome])]).toEqual([anyoneHome]);
  });

  it('applies to the kinds of household the network names, and says why a home is left out', () => {
    write(db, (tx) => saveHomesVerifiedByTwo(tx, admin, ['women', 'families'], NOW));
    const network = networkAvailability(db, { nights: NIGHTS, cityIds: [city.id] });
    const woman = household({ adultWomen: 1 });
    const care = { verifiedHomes: verifiedHomesFor(db, woman, network) };
    const { suggestions, excluded } = suggested(woman, care);
    expect(suggestions.map((s) => s.shelterId)).toEqual([shelter.id, anyoneHome]);
    expect(excluded.find((e) => e.shelterId === womenHome)!.reasons).toEqual([{ code: 'homeNotVerifiedByTwo' }]);
    // Men are not named: any home will do.
    expect(verifiedHomesFor(db, household({ adultMen: 1 }), network)).toBeNull();
    // The household page applies it too.
    const guest = makeArrival(db, { cityId: city.id, adultMen: 0, adultWomen: 1 });
    const view = placementPage(db, guideA, guest.id, { elsewhere: false, all: true }, NOW, 'en')!;
    expect(view.suggestions.map((s) => s.shelterId)).not.toContain(womenHome);
    write(db, (tx) => saveHomesVerifiedByTwo(tx, admin, [], NOW));
    expect(verifiedHomesFor(db, woman, network)).toBeNull();
  });

  it('is the network’s to set: an admin of some cities may not', () => {
    const scoped = asStaff(makeUser(db, 'admin'), [], [city.id]);
    expect(() => saveHomesVerifiedByTwo(db, scoped, ['men'], NOW)).toThrow('notAllowed');
  });
});

describe('a home paused from outside its offer (the guest’s word, issue 30 point 5)', () => {
  it('is not suggested and takes no booking', () => {
    sqlite.prepare("update shelters set status = 'paused' where id = ?").run(anyoneHome);
    const { suggestions, excluded } = suggested(household({ adultMen: 1 }));
    expect(suggestions.map((s) => s.shelterId)).not.toContain(anyoneHome);
    expect(excluded.find((e) => e.shelterId === anyoneHome)!.reasons).toContainEqual({ code: 'notOpen', status: 'paused' });
    const bed = sqlite
      .prepare('select b.id from beds b join rooms r on r.id = b.room_id where r.shelter_id = ?')
      .pluck()
      .get(anyoneHome) as string;
    const guest = makeArrival(db, { cityId: city.id, adultMen: 1, adultWomen: 0 });
    expect(() => reserveBeds(db, guideA, { arrivalId: guest.id, bedIds: [bed], ...NIGHTS }, NOW)).toThrow('shelterNotOpen');
  });
});
