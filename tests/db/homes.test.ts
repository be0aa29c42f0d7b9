import { afterAll, describe, expect, it } from 'vitest';
import { write, type Db } from '@/db';
import { feedShelters } from '@/lib/exports/read';
import { giveWord } from '@/lib/guest-word/answer';
import { homesNoLongerTaking } from '@/lib/homes/alerts';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { addCheck, listChecks } from '@/lib/offers/checklist';
import { offerPage } from '@/lib/offers/offer-page';
import { editOwnOffer, offerByToken, setOwnOfferPaused, withdrawOwnOffer } from '@/lib/offers/own-offer';
import { offersQueuePage } from '@/lib/offers/queue-page';
import { offersQuery } from '@/lib/offers/queue-query';
import { setOfferStatus, tickCheck } from '@/lib/offers/vetting';
import { networkAvailability } from '@/lib/placement/availability';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn, checkOut } from '@/lib/placement/stays';
import { publicShelters } from '@/lib/requests/public-list';
import { reopenClosure } from '@/lib/shelters/closures';
import { updateShelterProfile } from '@/lib/shelters/profile';
import { shelterPage } from '@/lib/shelters/shelter-page';
import { acceptInvitation, openInvitation } from '@/lib/staff/invitations';
import { asStaff, makeArrival, makeCity, makeUser } from '../support/fixtures';
import { makeOffer, offerInput } from '../support/offers';
import { createTestDb, snapshot } from '../support/test-db';

// An active offer is a home (issue 30, point 3): a shelter of kind "home" in the offer's city, on the
// offer's dates only, never on a public page, following its offer out of "active".
// 21:30 UTC is 00:30 in Istanbul: "tonight" there is already the 2nd.
const NOW = new Date('2026-03-01T21:30:00Z');
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' });
const admin = asStaff(makeUser(db, 'admin'));
const guideA = asStaff(makeUser(db, 'guide'), [], [istanbul.id]);
const guideB = asStaff(makeUser(db, 'guide'), [], [istanbul.id]);
write(db, (tx) => addCheck(tx, admin, { label: 'Called', twoPeople: false }, NOW));
const PLACE = { address: 'Gizli Sokak 9, daire 4', district: 'Kadıköy' };

const refusal = (fn: () => void) => {
  try {
    write(db, fn);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};
const row = (query: string, ...args: unknown[]) => sqlite.prepare(query).get(...args) as Record<string, unknown>;

/** An offer vetted and ready to be made active (its one check ticked). */
function vettedOffer(from: string, to: string, more: Record<string, unknown> = {}) {
  const made = makeOffer(db, istanbul.id, NOW, from, to, more);
  const id = offerByToken(db, made.token)!.id;
  write(db, (tx) => tickCheck(tx, guideA, { offerId: id, checkId: listChecks(db)[0].id }, NOW));
  return { ...made, id };
}
const activate = (id: string, home: typeof PLACE | undefined = PLACE, user = guideA) =>
  write(db, (tx) => setOfferStatus(tx, user, { offerId: id, status: 'active', home }, NOW));
const homeOf = (offerId: string) => row('select s.* from shelters s join offers o on o.shelter_id = s.id where o.id = ?', offerId);

describe('making an offer active', () => {
  it('asks where the home is the first time, and writes nothing without it', () => {
    const { id } = vettedOffer('2026-03-02', '2026-03-09');
    const before = snapshot(sqlite);
    expect(refusal(() => setOfferStatus(db, guideA, { offerId: id, status: 'active' }, NOW))).toBe('homeAddressRequired');
    expect(
      refusal(() => setOfferStatus(db, guideA, { offerId: id, status: 'active', home: { address: 'Somewhere 1', district: '' } }, NOW)),
    ).toBe('homeDistrictRequired');
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('makes a home in the offer’s city: one room of its kind with a bed per place, on the city’s clock', () => {
    const { id } = vettedOffer('2026-03-02', '2026-03-09', { capacity: 3, guests: 'women', stepFree: 'on', longestNights: 5 });
    activate(id);
    const home = homeOf(id);
    expect(home).toMatchObject({
      kind: 'home',
      city_id: istanbul.id,
      time_zone: 'Europe/Istanbul',
      status: 'open',
      address: PLACE.address,
      district: PLACE.district,
      accepts_pets: 1,
      accepts_families: 0,
      wheelchair_accessible: 1,
      longest_nights: 5,
      listed_publicly: 0,
    });
    expect(JSON.parse(home.languages as string)).toEqual(['ru', 'en']);
    const rooms = sqlite.prepare('select id, kind, accessible from rooms where shelter_id = ?').all(home.id) as {
      id: string;
      kind: string;
    }[];
    expect(rooms).toEqual([{ id: rooms[0].id, kind: 'women', accessible: 1 }]);
    expect(sqlite.prepare('select count(*) from beds where room_id = ? and out_of_service_reason is null').pluck().get(rooms[0].id)).toBe(
      3,
    );
  });

  it.each([
    ['men', 'men'],
    ['women', 'women'],
    ['families', 'family'],
    ['anyone', 'mixed'],
  ])('gives an offer for %s a room of kind %s', (guests, kind) => {
    const { id } = vettedOffer('2026-03-02', '2026-03-09', { guests });
    activate(id);
    expect(row('select kind from rooms where shelter_id = ?', homeOf(id).id).kind).toBe(kind);
  });

  it('reuses the home on a second activation, in line with the offer as it now stands', () => {
    const { id, token } = vettedOffer('2026-03-02', '2026-03-09', { capacity: 2 });
    activate(id);
    const first = homeOf(id);
    write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'paused' }, NOW));
    expect(homeOf(id).status).toBe('paused');
    // The person now offers four places for anyone: back to "contacted", then active again, without an address.
    write(db, (tx) => editOwnOffer(tx, token, offerInput(istanbul.id, '2026-03-02', '2026-03-20', { capacity: 4, guests: 'anyone' }), NOW));
    activate(id, undefined);
    const again = homeOf(id);
    expect(again).toMatchObject({ id: first.id, status: 'open', address: PLACE.address });
    expect(sqlite.prepare("select count(*) from shelters where kind = 'home' and name = ?").pluck().get(first.name)).toBe(1);
    const room = row('select id, kind from rooms where shelter_id = ?', first.id);
    expect(room.kind).toBe('mixed');
    expect(sqlite.prepare('select count(*) from beds where room_id = ? and out_of_service_reason is null').pluck().get(room.id)).toBe(4);
  });
});

describe('a home is never on a public page', () => {
  it('is left off /shelters and the open data, even if marked as listed', () => {
    const { id } = vettedOffer('2026-03-02', '2026-03-09');
    activate(id);
    const home = homeOf(id);
    sqlite.prepare('update shelters set listed_publicly = 1 where id = ?').run(home.id);
    expect(publicShelters(db, NOW).map((shelter) => shelter.id)).not.toContain(home.id);
    expect(feedShelters(db, NOW).map((shelter) => shelter.id)).not.toContain(home.id);
  });

  it('cannot be listed or opened by its host’s profile form while its offer is not active', () => {
    const { id } = vettedOffer('2026-03-02', '2026-03-09');
    activate(id);
    const home = homeOf(id) as { id: string; name: string; district: string; address: string };
    const hostUser = asStaff(makeUser(db, 'host', { shelterIds: [home.id] }), [home.id]);
    const profile = {
      shelterId: home.id,
      name: home.name,
      district: home.district,
      address: 'Yeni Sokak 2',
      latitude: null,
      longitude: null,
      phone: null,
      telegram: null,
      whatsapp: null,
      languages: ['ru'],
      amenities: [],
      acceptsFamilies: true,
      acceptsPets: false,
      wheelchairAccessible: false,
      listedPublicly: true,
      checkInFrom: '14:00',
      checkInUntil: '23:00',
      holdHours: 6,
      usualNights: 3,
      longestNights: null,
      checkOutBy: '11:00',
      timeZone: 'Europe/Istanbul',
      status: 'open' as const,
      ...Object.fromEntries(
        ['ru', 'en', 'tr', 'uk'].flatMap((l) => [`directions_${l}`, `houseRules_${l}`, `whatToBring_${l}`].map((k) => [k, ''])),
      ),
    } as unknown as Parameters<typeof updateShelterProfile>[2];
    write(db, (tx) => updateShelterProfile(tx, hostUser, profile, NOW));
    expect(homeOf(id)).toMatchObject({ address: 'Yeni Sokak 2', listed_publicly: 0 });
    write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'paused' }, NOW));
    expect(refusal(() => updateShelterProfile(db, hostUser, profile, NOW))).toBe('homeOpensWithOffer');
    expect(homeOf(id).status).toBe('paused');
  });
});

describe('a home takes guests on its offer’s dates only', () => {
  it('counts no free bed tonight before its first night, and its beds from then on', () => {
    // Tonight in Istanbul is the 2nd; the offer starts on the 3rd.
    const { id } = vettedOffer('2026-03-03', '2026-03-05', { capacity: 2 });
    activate(id);
    const home = homeOf(id);
    const tonight = sheltersTonight(db, NOW, { shelterIds: [home.id as string] })[0];
    expect(tonight).toMatchObject({ tonight: '2026-03-02', free: 0 });
    const nextDay = sheltersTonight(db, new Date('2026-03-02T21:30:00Z'), { shelterIds: [home.id as string] })[0];
    expect(nextDay).toMatchObject({ tonight: '2026-03-03', free: 2 });
    const free = (firstNight: string, departure: string) =>
      networkAvailability(db, { nights: { firstNight, departure }, shelterId: home.id as string })[0].rooms.flatMap((room) => room.freeBeds)
        .length;
    expect(free('2026-03-03', '2026-03-06')).toBe(2);
    // A night after its last, or before its first, is closed.
    expect(free('2026-03-03', '2026-03-07')).toBe(0);
    expect(free('2026-03-02', '2026-03-04')).toBe(0);
  });

  it('refuses a booking outside the dates, and takes one inside them', () => {
    const { id } = vettedOffer('2026-03-03', '2026-03-05', { capacity: 2, guests: 'anyone' });
    activate(id);
    const home = homeOf(id);
    const bed = row('select b.id from beds b join rooms r on r.id = b.room_id where r.shelter_id = ?', home.id).id as string;
    const arrival = makeArrival(db, { cityId: istanbul.id, adultWomen: 1 });
    expect(
      refusal(() =>
        reserveBeds(db, guideB, { arrivalId: arrival.id, bedIds: [bed], firstNight: '2026-03-05', departure: '2026-03-07' }, NOW),
      ),
    ).toBe('closedOn');
    write(db, (tx) =>
      reserveBeds(tx, guideB, { arrivalId: arrival.id, bedIds: [bed], firstNight: '2026-03-03', departure: '2026-03-05' }, NOW),
    );
    expect(row("select count(*) as n from stays where shelter_id = ? and status = 'reserved'", home.id).n).toBe(1);
  });
});

describe('a home follows its offer out of "active"', () => {
  it.each([
    ['paused by staff', (tx: Db, id: string) => setOfferStatus(tx, guideA, { offerId: id, status: 'paused' }, NOW), 'paused'],
    ['sent back to contacted', (tx: Db, id: string) => setOfferStatus(tx, guideA, { offerId: id, status: 'contacted' }, NOW), 'paused'],
    ['declined', (tx: Db, id: string) => setOfferStatus(tx, guideA, { offerId: id, status: 'declined' }, NOW), 'closed'],
    ['paused by its person', (tx: Db, _id: string, token: string) => setOwnOfferPaused(tx, token, true, NOW), 'paused'],
    ['withdrawn by its person', (tx: Db, _id: string, token: string) => withdrawOwnOffer(tx, token, NOW), 'closed'],
    [
      'edited by its person',
      (tx: Db, _id: string, token: string) => editOwnOffer(tx, token, offerInput(istanbul.id, '2026-03-03', '2026-03-10'), NOW),
      'paused',
    ],
  ])('takes no new booking once %s, and keeps the one it has', (_how, step, status) => {
    const { id, token } = vettedOffer('2026-03-03', '2026-03-05', { capacity: 2, guests: 'anyone' });
    activate(id);
    const home = homeOf(id);
    const [first, second] = sqlite
      .prepare('select b.id from beds b join rooms r on r.id = b.room_id where r.shelter_id = ?')
      .pluck()
      .all(home.id) as string[];
    const booked = makeArrival(db, { cityId: istanbul.id, adultWomen: 1 });
    write(db, (tx) =>
      reserveBeds(tx, guideB, { arrivalId: booked.id, bedIds: [first], firstNight: '2026-03-03', departure: '2026-03-05' }, NOW),
    );
    write(db, (tx) => step(tx, id, token));
    expect(homeOf(id).status).toBe(status);
    const next = makeArrival(db, { cityId: istanbul.id, adultWomen: 1 });
    expect(
      refusal(() =>
        reserveBeds(db, guideB, { arrivalId: next.id, bedIds: [second], firstNight: '2026-03-03', departure: '2026-03-05' }, NOW),
      ),
    ).toBe('shelterNotOpen');
    expect(row('select status from stays where arrival_id = ?', booked.id).status).toBe('reserved');
    // The guide who booked them is told at once, on their queue; another guide is not.
    expect(homesNoLongerTaking(db, guideB).find((alert) => alert.householdId === booked.id)).toMatchObject({
      home: home.name,
      firstNight: '2026-03-03',
      closed: status === 'closed',
    });
    expect(homesNoLongerTaking(db, guideA).map((alert) => alert.householdId)).not.toContain(booked.id);
  });

  it('opens again when its person resumes an offer that was active', () => {
    const { id, token } = vettedOffer('2026-03-03', '2026-03-05');
    activate(id);
    write(db, (tx) => setOwnOfferPaused(tx, token, true, NOW));
    write(db, (tx) => setOwnOfferPaused(tx, token, false, NOW));
    expect(row('select status from offers where id = ?', id).status).toBe('active');
    expect(homeOf(id).status).toBe('open');
  });

  it("stays paused by a guest's word nobody has looked at, though its person pauses and resumes the offer", () => {
    const { id, token } = vettedOffer('2026-03-03', '2026-03-05');
    activate(id);
    const home = homeOf(id).id as string;
    const bed = row('select b.id from beds b join rooms r on r.id = b.room_id where r.shelter_id = ?', home).id as string;
    const guest = makeArrival(db, { cityId: istanbul.id, adultWomen: 1 });
    const { stayId } = write(db, (tx) =>
      reserveBeds(tx, guideA, { arrivalId: guest.id, bedIds: [bed], firstNight: '2026-03-03', departure: '2026-03-04' }, NOW),
    );
    const host = asStaff(makeUser(db, 'host', { shelterIds: [home] }), [home]);
    write(db, (tx) => checkIn(tx, host, stayId, new Date('2026-03-03T17:00:00Z')));
    const left = new Date('2026-03-04T07:00:00Z');
    write(db, (tx) => checkOut(tx, host, stayId, left));
    write(db, (tx) => giveWord(tx, stayId, { answer: 'wrong', note: null }, left));
    expect(homeOf(id).status).toBe('paused');
    write(db, (tx) => setOwnOfferPaused(tx, token, true, left));
    write(db, (tx) => setOwnOfferPaused(tx, token, false, left));
    expect(row('select status from offers where id = ?', id).status).toBe('active');
    expect(homeOf(id).status).toBe('paused');
  });

  it('tells no guide about a home that still takes guests', () => {
    const { id } = vettedOffer('2026-03-03', '2026-03-05', { guests: 'anyone' });
    activate(id);
    const bed = row('select b.id from beds b join rooms r on r.id = b.room_id where r.shelter_id = ?', homeOf(id).id).id as string;
    const booked = makeArrival(db, { cityId: istanbul.id, adultWomen: 1 });
    write(db, (tx) =>
      reserveBeds(tx, guideA, { arrivalId: booked.id, bedIds: [bed], firstNight: '2026-03-03', departure: '2026-03-05' }, NOW),
    );
    expect(homesNoLongerTaking(db, guideA).map((alert) => alert.householdId)).not.toContain(booked.id);
  });
});

describe('the home’s host', () => {
  it('is invited once by a link naming no e-mail, and chooses the address they sign in with', () => {
    const { id } = vettedOffer('2026-03-03', '2026-03-05');
    const { hostToken } = write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'active', home: PLACE }, NOW));
    expect(hostToken).toMatch(/^[\w-]{43}$/);
    const home = homeOf(id);
    const invitation = openInvitation(db, hostToken!, NOW)!;
    expect(invitation).toMatchObject({ email: '', role: 'host' });
    expect(sqlite.prepare('select shelter_id from invitation_shelters where invitation_id = ?').pluck().all(invitation.id)).toEqual([
      home.id,
    ]);
    // Paused and made active again before anyone used it: a new link, the old one void.
    write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'paused' }, NOW));
    const { hostToken: second } = write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'active' }, NOW));
    expect(openInvitation(db, hostToken!, NOW)).toBeUndefined();
    const before = snapshot(sqlite);
    expect(refusal(() => acceptInvitation(db, { token: second!, name: 'Ayşe', passwordHash: 'x' }, NOW))).toBe('required');
    expect(refusal(() => acceptInvitation(db, { token: second!, name: 'Ayşe', passwordHash: 'x', email: guideA.email }, NOW))).toBe(
      'emailTaken',
    );
    expect(snapshot(sqlite)).toEqual(before);
    const { userId, email } = write(db, (tx) =>
      acceptInvitation(tx, { token: second!, name: 'Ayşe', passwordHash: 'x', email: 'ayse@example.test' }, NOW),
    );
    expect(email).toBe('ayse@example.test');
    expect(sqlite.prepare('select shelter_id from shelter_members where user_id = ?').pluck().all(userId)).toEqual([home.id]);
    // With a host, a later activation issues no link.
    write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'paused' }, NOW));
    expect(write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'active' }, NOW)).hostToken).toBeNull();
  });
});

describe('the nights outside a home’s dates', () => {
  it('cannot be opened by its host on the calendar, and write nothing', () => {
    const { id } = vettedOffer('2026-03-03', '2026-03-05');
    activate(id);
    const home = homeOf(id);
    const hostUser = asStaff(makeUser(db, 'host', { shelterIds: [home.id as string] }), [home.id as string]);
    const closure = row("select id from shelter_closures where shelter_id = ? and created_by = 'offer-dates'", home.id).id as string;
    const before = snapshot(sqlite);
    expect(refusal(() => reopenClosure(db, hostUser, closure, NOW))).toBe('offerDatesClosure');
    expect(snapshot(sqlite)).toEqual(before);
  });
});

describe('what a home’s host sees', () => {
  it('the households placed with them, by alias, dates and who is coming, never their guide’s note', () => {
    const { id } = vettedOffer('2026-03-02', '2026-03-05', { guests: 'anyone', capacity: 3 });
    activate(id);
    const home = homeOf(id);
    const hostUser = asStaff(makeUser(db, 'host', { shelterIds: [home.id as string] }), [home.id as string]);
    const bedIds = sqlite
      .prepare('select b.id from beds b join rooms r on r.id = b.room_id where r.shelter_id = ? limit 2')
      .pluck()
      .all(home.id) as string[];
    const guest = makeArrival(db, { cityId: istanbul.id, alias: 'Marta', adultWomen: 1, children: 1, needNote: 'MARKER-need-note' });
    write(db, (tx) => reserveBeds(tx, guideB, { arrivalId: guest.id, bedIds, firstNight: '2026-03-02', departure: '2026-03-05' }, NOW));
    const page = shelterPage(db, hostUser, home.id as string, NOW, 'en')!;
    const [expected] = page.day.expected;
    expect(expected).toMatchObject({ firstNight: '2026-03-02', departure: '2026-03-05' });
    expect(expected.household).toMatchObject({ alias: 'Marta', size: 2, needNote: null, contact: null });
    expect(page.stays.expected[0].household).toMatchObject({ alias: 'Marta', needNote: null });
    expect(JSON.stringify(page)).not.toContain('MARKER-need-note');
    // Another shelter's host does not open the home at all.
    const otherHost = asStaff(makeUser(db, 'host'), []);
    expect(shelterPage(db, otherHost, home.id as string, NOW, 'en')).toBeNull();
  });

  it('never the offers: the queue and an offer’s page are refused to them', () => {
    const { id } = vettedOffer('2026-03-02', '2026-03-05');
    activate(id);
    const home = homeOf(id);
    const hostUser = asStaff(makeUser(db, 'host', { shelterIds: [home.id as string] }), [home.id as string]);
    expect(offerPage(db, hostUser, id, 'en')).toBeNull();
    expect(offersQueuePage(db, hostUser, offersQuery({}), 'en')).toBeNull();
    expect(refusal(() => setOfferStatus(db, hostUser, { offerId: id, status: 'paused' }, NOW))).toBe('notAllowed');
  });
});
