import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { auditPage, auditReach } from '@/lib/audit-trail/trail';
import { addCheck, listChecks, removeCheck } from '@/lib/offers/checklist';
import { offerPage } from '@/lib/offers/offer-page';
import { offerByToken } from '@/lib/offers/own-offer';
import { offersQueuePage } from '@/lib/offers/queue-page';
import { offersQuery } from '@/lib/offers/queue-query';
import { setOfferStatus, tickCheck, untickCheck } from '@/lib/offers/vetting';
import { purgeExpiredHouseholds } from '@/lib/privacy/retention';
import { asStaff, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { makeOffer } from '../support/offers';
import { createTestDb, snapshot } from '../support/test-db';

// Vetting offered places: the checklist, the steps and who took them, the queue, and erasure.
const NOW = new Date('2026-03-01T09:00:00Z');
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' });
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
const admin = asStaff(makeUser(db, 'admin'));
const guideA = asStaff(makeUser(db, 'guide'), [], [istanbul.id]);
const guideB = asStaff(makeUser(db, 'guide'), [], [istanbul.id]);
const guideYerevan = asStaff(makeUser(db, 'guide'), [], [yerevan.id]);
const shelter = makeShelter(db, { cityId: istanbul.id });
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);

const idOf = (token: string) => offerByToken(db, token)!.id;
const statusOf = (id: string) => sqlite.prepare('select status from offers where id = ?').pluck().get(id);
const refusal = (fn: () => void) => {
  try {
    write(db, fn);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('the vetting checklist', () => {
  it('is the network’s, set by an admin of every city and nobody else', () => {
    expect(refusal(() => addCheck(db, guideA, { label: 'Called', twoPeople: false }, NOW))).toBe('notAllowed');
    write(db, (tx) => addCheck(tx, admin, { label: 'Called', twoPeople: false }, NOW));
    write(db, (tx) => addCheck(tx, admin, { label: 'Two volunteers agree', twoPeople: true }, NOW));
    expect(listChecks(db).map(({ label, ticksNeeded }) => [label, ticksNeeded])).toEqual([
      ['Called', 1],
      ['Two volunteers agree', 2],
    ]);
  });

  it('keeps an offer from becoming active until every item is done, “two people” by two different staff', () => {
    const id = idOf(makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09').token);
    const [called, twoAgree] = listChecks(db);
    write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'contacted' }, NOW));
    expect(refusal(() => setOfferStatus(db, guideA, { offerId: id, status: 'active' }, NOW))).toBe('checklistIncomplete');
    write(db, (tx) => tickCheck(tx, guideA, { offerId: id, checkId: called.id }, NOW));
    write(db, (tx) => tickCheck(tx, guideA, { offerId: id, checkId: twoAgree.id }, NOW));
    // The same person twice is still one volunteer.
    expect(refusal(() => tickCheck(db, guideA, { offerId: id, checkId: twoAgree.id }, NOW))).toBe('alreadyTicked');
    const before = snapshot(sqlite);
    expect(refusal(() => setOfferStatus(db, guideA, { offerId: id, status: 'active' }, NOW))).toBe('checklistIncomplete');
    expect(snapshot(sqlite)).toEqual(before);
    write(db, (tx) => tickCheck(tx, guideB, { offerId: id, checkId: twoAgree.id }, NOW));
    write(db, (tx) =>
      setOfferStatus(
        tx,
        guideB,
        { offerId: id, status: 'active', home: { address: 'Gizli Sokak 9', district: 'Fatih' } },
        new Date(NOW.getTime() + 60_000),
      ),
    );
    expect(statusOf(id)).toBe('active');
    // An active offer's ticks vouch for it: taking one back needs a pause first.
    expect(refusal(() => untickCheck(db, guideA, { offerId: id, checkId: called.id }, NOW))).toBe('untickActive');
  });

  it('shows who ticked what, and every step with who took it and when', () => {
    const id = idOf(makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09').token);
    const [called] = listChecks(db);
    write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'contacted' }, new Date(NOW.getTime() + 1_000)));
    write(db, (tx) => tickCheck(tx, guideB, { offerId: id, checkId: called.id }, new Date(NOW.getTime() + 2_000)));
    const view = offerPage(db, guideA, id, 'en')!;
    expect(view.checklist.items[0]).toMatchObject({ label: 'Called', done: true, by: [{ name: guideB.name }], tickedByMe: false });
    expect(view.checklist.complete).toBe(false);
    expect(view.steps.map((step) => [step.action, step.who])).toEqual([
      ['offer.submit', null],
      ['offer.contacted', guideA.name],
      ['offer.tick', guideB.name],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/token|hash/i);
  });

  it('is in the audit trail of the admins of the offer’s city, and of no other city’s', () => {
    const id = idOf(makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09').token);
    write(db, (tx) => setOfferStatus(tx, guideA, { offerId: id, status: 'contacted' }, NOW));
    const offerEvents = (cityIds: string[]) => {
      const reach = auditReach(db, asStaff(makeUser(db, 'admin'), [], cityIds));
      return auditPage(db, { kind: 'offers' }, 1, reach)
        .rows.filter((row) => row.entityId === id)
        .map((row) => [row.action, row.cityId]);
    };
    expect(offerEvents([istanbul.id])).toEqual([
      ['offer.contacted', istanbul.id],
      ['offer.submit', istanbul.id],
    ]);
    expect(offerEvents([yerevan.id])).toEqual([]);
  });

  it('refuses an empty checklist’s “active”: nothing is vetted by no checks', () => {
    const fresh = createTestDb();
    try {
      const city = makeCity(fresh.db, 'Tbilisi');
      const id = offerByToken(fresh.db, makeOffer(fresh.db, city.id, NOW, '2026-03-02', '2026-03-03').token)!.id;
      expect(() => setOfferStatus(fresh.db, admin, { offerId: id, status: 'active' }, NOW)).toThrow('checklistEmpty');
    } finally {
      fresh.cleanup();
    }
  });

  it('turns away a host, and staff of another city as if the offer did not exist', () => {
    const id = idOf(makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09').token);
    const before = snapshot(sqlite);
    expect(refusal(() => setOfferStatus(db, host, { offerId: id, status: 'contacted' }, NOW))).toBe('notAllowed');
    expect(refusal(() => setOfferStatus(db, guideYerevan, { offerId: id, status: 'contacted' }, NOW))).toBe('notFound');
    expect(refusal(() => tickCheck(db, guideYerevan, { offerId: id, checkId: listChecks(db)[0].id }, NOW))).toBe('notFound');
    expect(snapshot(sqlite)).toEqual(before);
    expect(offerPage(db, host, id, 'en')).toBeNull();
    expect(offerPage(db, guideYerevan, id, 'en')).toBeNull();
  });

  it('takes no step on a withdrawn or declined offer', () => {
    const id = idOf(makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09').token);
    write(db, (tx) => setOfferStatus(tx, admin, { offerId: id, status: 'declined' }, NOW));
    expect(refusal(() => setOfferStatus(db, admin, { offerId: id, status: 'contacted' }, NOW))).toBe('offerOver');
    expect(refusal(() => tickCheck(db, admin, { offerId: id, checkId: listChecks(db)[0].id }, NOW))).toBe('offerOver');
  });

  it('loses an item’s ticks with the item', () => {
    write(db, (tx) => addCheck(tx, admin, { label: 'Met in person', twoPeople: false }, NOW));
    const met = listChecks(db).find((check) => check.label === 'Met in person')!;
    const id = idOf(makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09').token);
    write(db, (tx) => tickCheck(tx, guideA, { offerId: id, checkId: met.id }, NOW));
    write(db, (tx) => removeCheck(tx, admin, met.id, NOW));
    expect(sqlite.prepare('select count(*) from offer_ticks where check_id = ?').pluck().get(met.id)).toBe(0);
  });
});

describe('the offers’ queue', () => {
  const world = createTestDb();
  afterAll(world.cleanup);
  const city = makeCity(world.db, 'Istanbul', { timeZone: 'Europe/Istanbul' });
  const other = makeCity(world.db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
  const cityGuide = asStaff(makeUser(world.db, 'guide'), [], [city.id]);
  const otherGuide = asStaff(makeUser(world.db, 'guide'), [], [other.id]);
  const queueHost = asStaff(makeUser(world.db, 'host', { shelterIds: [] }), []);
  const sofa = makeOffer(world.db, city.id, NOW, '2026-03-02', '2026-03-05', {
    kind: 'sofa',
    capacity: 1,
    contact: '+90 (555) 111-22-33',
    note: 'Near the tram stop',
  });
  const flat = makeOffer(world.db, city.id, NOW, '2026-03-10', '2026-03-20', {
    kind: 'flat',
    capacity: 6,
    contact: '@flat_owner',
    note: 'Whole flat, cat at home',
  });
  makeOffer(world.db, other.id, NOW, '2026-03-02', '2026-03-05', { kind: 'room', contact: '@yerevan_host' });
  for (let i = 0; i < 30; i++) makeOffer(world.db, city.id, new Date(NOW.getTime() - (i + 1) * 60_000), '2026-03-02', '2026-03-03');
  const shown = (user: typeof cityGuide, params: Record<string, string>) =>
    offersQueuePage(world.db, user, offersQuery(params), 'en')?.offers.map((offer) => offer.reference);

  it('is the staff’s of the offers’ cities, never a host’s', () => {
    expect(offersQueuePage(world.db, queueHost, offersQuery({}), 'en')).toBeNull();
    expect(shown(otherGuide, {})).toHaveLength(1);
    expect(shown(otherGuide, { q: sofa.reference })).toEqual([]);
  });

  it('finds an offer by its reference, a phone typed another way, a handle or words of its note', () => {
    expect(shown(cityGuide, { q: sofa.reference.replace('-', '').toLowerCase() })).toEqual([sofa.reference]);
    expect(shown(cityGuide, { q: '555 111 22 33' })).toEqual([sofa.reference]);
    expect(shown(cityGuide, { q: '@flat_owner' })).toEqual([flat.reference]);
    expect(shown(cityGuide, { q: 'cat flat' })).toEqual([flat.reference]);
    expect(shown(cityGuide, { q: '100%' })).toEqual([]);
    // A handle shaped like a reference is still a handle.
    const handle = makeOffer(world.db, city.id, NOW, '2026-03-02', '2026-03-05', { contact: '@ab12cd' });
    expect(shown(cityGuide, { q: '@ab12cd' })).toEqual([handle.reference]);
  });

  it('filters by kind, capacity and a night the place is free', () => {
    expect(shown(cityGuide, { kind: 'flat' })).toEqual([flat.reference]);
    expect(shown(cityGuide, { capacity: '5' })).toEqual([flat.reference]);
    expect(shown(cityGuide, { on: '2026-03-15' })).toEqual([flat.reference]);
    expect(shown(cityGuide, { on: '2026-03-04', kind: 'sofa', q: 'tram' })).toEqual([sofa.reference]);
  });

  it('is paged, 25 an offer a page, newest first', () => {
    const first = offersQueuePage(world.db, cityGuide, offersQuery({}), 'en')!;
    expect(first).toMatchObject({ total: 33, pages: 2 });
    expect(first.offers).toHaveLength(25);
    const second = offersQueuePage(world.db, cityGuide, offersQuery({ page: '2' }), 'en')!;
    expect(second.offers).toHaveLength(8);
    expect(offersQueuePage(world.db, cityGuide, offersQuery({ page: '9' }), 'en')!.query.page).toBe(2);
  });
});

describe('erasure', () => {
  it('erases a withdrawn or declined offer’s contact, note and link after the retention period, and keeps the rest', () => {
    const DAY = 86_400_000;
    const old = makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09');
    const recent = makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09');
    const active = makeOffer(db, istanbul.id, NOW, '2026-03-02', '2026-03-09');
    sqlite.prepare("update offers set status = 'withdrawn', ended_at = ? where id = ?").run(NOW.getTime() - 15 * DAY, idOf(old.token));
    sqlite.prepare("update offers set status = 'declined', ended_at = ? where id = ?").run(NOW.getTime() - 13 * DAY, idOf(recent.token));
    const oldId = idOf(old.token);
    expect(purgeExpiredHouseholds(db, NOW)).toMatchObject({ offersErased: 1, retentionDays: 14 });
    expect(sqlite.prepare('select contact, note, token_hash, capacity, status from offers where id = ?').get(oldId)).toEqual({
      contact: null,
      note: null,
      token_hash: null,
      capacity: 2,
      status: 'withdrawn',
    });
    expect(offerByToken(db, old.token)).toBeNull();
    expect(offerByToken(db, recent.token)).not.toBeNull();
    expect(offerByToken(db, active.token)).not.toBeNull();
    expect(purgeExpiredHouseholds(db, NOW).offersErased).toBe(0);
  });
});
