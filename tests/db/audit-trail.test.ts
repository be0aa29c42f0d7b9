import { readFileSync } from 'node:fs';
import { createFormatter, createTranslator } from 'next-intl';
import { afterAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@/lib/audit';
import { auditEntries, type AuditEntry } from '@/lib/audit-trail/entries';
import { AUDIT_PAGE_SIZE, auditChoices, auditPage, auditReach, parseAuditFilters } from '@/lib/audit-trail/trail';
import { entryWords, WORDED_ACTIONS } from '@/lib/audit-trail/words';
import { tellShelter } from '@/lib/guest-link/guest-said';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import tr from '@/lib/i18n/messages/tr.json';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { db, cleanup } = createTestDb();
afterAll(cleanup);

const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' });
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
const warsaw = makeCity(db, 'Warsaw', { timeZone: 'Europe/Warsaw' });
const fatih = makeShelter(db, { name: 'Fatih', cityId: istanbul.id });
const kentron = makeShelter(db, { name: 'Kentron', cityId: yerevan.id });
const praga = makeShelter(db, { name: 'Praga', cityId: warsaw.id });
const eva = makeUser(db, 'guide', { email: 'eva@example.org' });
db.$client.prepare('update users set name = ? where id = ?').run('Eva', eva.id);
const host = makeUser(db, 'host', { shelterIds: [kentron.id] });
const yerevanAdmin = makeUser(db, 'admin', { cityIds: [yerevan.id] });
const networkAdmin = makeUser(db, 'admin');
const beds = makeRoom(db, fatih.id, 'mixed', 2).beds.map((bed) => bed.id);
const household = makeArrival(db, { cityId: istanbul.id });
const stay = makeStay(db, {
  arrivalId: household.id,
  shelterId: fatih.id,
  bedIds: beds,
  firstNight: '2026-12-07',
  departure: '2026-12-09',
  holdUntil: new Date('2026-12-07T15:00:00Z'),
});
const yerevanHousehold = makeArrival(db, { cityId: yerevan.id });

// Eva books Fatih for 7–9 Dec at 10:00 Istanbul; the guest says "on my way" through their link.
recordAudit(db, {
  at: new Date('2026-12-07T07:00:00Z'),
  actorId: eva.id,
  action: 'stay.reserve',
  entity: 'stay',
  entityId: stay.id,
  shelterId: fatih.id,
});
if (tellShelter(db, stay.id, { intent: 'on_my_way' }, new Date('2026-12-07T09:00:00Z')) !== 'recorded') throw new Error('not said');
// The host checks someone in at Kentron at 00:30 on 8 Dec, Yerevan time (20:30 UTC the day before).
recordAudit(db, { at: new Date('2026-12-07T20:30:00Z'), actorId: host.id, action: 'stay.check_in', entity: 'stay', shelterId: kentron.id });
recordAudit(db, {
  at: new Date('2026-12-07T21:00:00Z'),
  actorId: eva.id,
  action: 'arrival.register',
  entity: 'arrival',
  entityId: yerevanHousehold.id,
});
recordAudit(db, { at: new Date('2026-12-07T22:00:00Z'), actorId: null, action: 'stay.expire', entity: 'stay', shelterId: kentron.id });
recordAudit(db, { at: new Date('2026-12-08T08:00:00Z'), actorId: networkAdmin.id, action: 'network.settings', entity: 'network' });
// Warsaw leaves summer time on 25 Oct 2026: 00:30 and 23:30 that day are both its day.
for (const at of ['2026-10-24T21:30:00Z', '2026-10-24T22:30:00Z', '2026-10-25T22:30:00Z', '2026-10-25T23:30:00Z'])
  recordAudit(db, { at: new Date(at), actorId: eva.id, action: 'bed.create', entity: 'room', shelterId: praga.id });

const messages = { en, ru, tr } as const;
type Locale = keyof typeof messages;
const sentence = (locale: Locale, entry: AuditEntry) => {
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'audit' });
  const format = createFormatter({ locale, timeZone: 'UTC' });
  const translate = (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
  const { key, values } = entryWords(translate, format, entry);
  // Thin and narrow spaces, which Intl puts around a range's dash and before AM/PM, as plain ones.
  return t.markup(key as never, { ...values, who: (chunks: string) => `[${chunks}]` } as never).replace(/[\u2009\u202f]/g, ' ');
};
const readAs = (admin: typeof networkAdmin, filters = {}, page = 1) => {
  const user = asStaff(admin, [], admin.id === yerevanAdmin.id ? [yerevan.id] : null);
  const reach = auditReach(db, user);
  const choices = auditChoices(db, reach, 'en');
  const result = auditPage(db, filters, page, reach);
  return { ...result, choices, entries: auditEntries(db, result.rows, reach, new Map(choices.cities.map((c) => [c.id, c.name]))) };
};
const sample = (action: string): AuditEntry => ({
  id: 'x',
  at: 0,
  timeZone: 'Europe/Istanbul',
  city: 'Istanbul',
  action,
  who: { kind: 'staff', role: 'guide', name: 'Eva', href: '/staff#person-x' },
  shelter: { name: 'Fatih', href: '/shelters/x' },
  householdHref: '/arrivals/x',
  staff: { name: 'Ali', href: '/staff#person-y' },
  beds: 2,
  nights: { first: '2026-12-07', departure: '2026-12-09' },
});

describe('the audit trail in plain words', () => {
  it('says a booking the way an admin would: who, where, how many beds, which nights', () => {
    const booking = readAs(networkAdmin).entries.find((entry) => entry.action === 'stay.reserve')!;
    expect(sentence('en', booking)).toBe('[Guide Eva] booked Fatih, 2 beds, Dec 7 – 9');
    expect(sentence('ru', booking)).toBe('[Координатор Eva]: бронь в «Fatih», 2 места, 7–9 дек.');
    expect(sentence('tr', booking)).toBe('[Rehber Eva]: Fatih için rezervasyon, 2 yatak, 7 – 9 Ara');
    expect(booking.who).toMatchObject({ kind: 'staff', href: `/staff#person-${eva.id}` });
    expect(booking).toMatchObject({
      householdHref: `/arrivals/${household.id}`,
      shelter: { name: 'Fatih', href: `/shelters/${fatih.id}` },
    });
  });

  it.each(['en', 'ru', 'tr'] as const)('has its own words in %s for every action Waystation records', (locale) => {
    const recorded = [...WORDED_ACTIONS];
    expect(recorded.length).toBeGreaterThan(50);
    const said = recorded.map((action) => sentence(locale, sample(action)));
    for (const [i, text] of said.entries()) {
      expect(text, recorded[i]).toMatch(/^\[.+\]/);
      expect(text, recorded[i]).not.toMatch(/[{}]|\.(reserve|create|update|delete)|_/);
    }
    // No two actions read alike.
    expect(new Set(said).size).toBe(said.length);
  });

  it('attributes what the guest did through their link to the guest, linked to their household, and the hold’s end to Waystation', () => {
    const { entries } = readAs(networkAdmin);
    const onTheWay = entries.find((entry) => entry.action === 'stay.guest_on_my_way')!;
    expect(onTheWay.who).toEqual({ kind: 'guest', href: `/arrivals/${household.id}` });
    expect(sentence('en', onTheWay)).toBe('[The guest] said they are on their way to Fatih');
    expect(sentence('ru', onTheWay)).toBe('[Гость]: отмечено «уже в пути», приют «Fatih»');
    expect(sentence('tr', onTheWay)).toBe('[Misafir]: Fatih barınağına “yoldayım” dedi');
    const expired = entries.find((entry) => entry.action === 'stay.expire')!;
    expect(sentence('en', expired)).toMatch(/^\[Waystation \(automatic\)\] released the beds held at Kentron/);
    // An erased household is no longer linked: the guest is still the guest.
    db.$client.prepare('update arrivals set erased_at = 1 where id = ?').run(household.id);
    expect(readAs(networkAdmin).entries.find((entry) => entry.action === 'stay.guest_on_my_way')!.who).toEqual({
      kind: 'guest',
      href: null,
    });
    db.$client.prepare('update arrivals set erased_at = null where id = ?').run(household.id);
    // Nor one that has left: its page no longer opens (the rule the household page keeps, mayActOn).
    const status = db.$client.prepare('select status from arrivals where id = ?').pluck().get(household.id);
    db.$client.prepare("update arrivals set status = 'left' where id = ?").run(household.id);
    expect(readAs(networkAdmin).entries.find((entry) => entry.action === 'stay.guest_on_my_way')!.householdHref).toBeNull();
    db.$client.prepare('update arrivals set status = ? where id = ?').run(status, household.id);
  });

  it('tells guests and Waystation apart in events recorded before actors had kinds', () => {
    const migration = readFileSync('db/migrations/0017_audit_actor_kind.sql', 'utf8').split('--> statement-breakpoint')[1];
    const old = (action: string) => {
      recordAudit(db, { at: new Date('2026-01-01T00:00:00Z'), actorId: null, action, entity: 'stay', shelterId: fatih.id });
      return db.$client.prepare('select rowid from audit_events order by rowid desc limit 1').pluck().get() as number;
    };
    const rows = ['stay.guest_late', 'arrival.self_register', 'stay.expire', 'household.erase'].map(old);
    // As the column's default left them: every old row "staff", whoever acted.
    db.$client.prepare(`update audit_events set actor_kind = 'staff' where rowid in (${rows.join(',')})`).run();
    db.$client.exec(migration);
    expect(rows.map((rowid) => db.$client.prepare('select actor_kind from audit_events where rowid = ?').pluck().get(rowid))).toEqual([
      'guest',
      'guest',
      'system',
      'system',
    ]);
    db.$client.prepare(`delete from audit_events where rowid in (${rows.join(',')})`).run();
  });

  it('shows each time on the clock of the city it happened in', () => {
    const checkIn = readAs(networkAdmin).entries.find((entry) => entry.action === 'stay.check_in')!;
    expect(checkIn).toMatchObject({ timeZone: 'Asia/Yerevan', city: 'Yerevan' });
    expect(
      createFormatter({ locale: 'en', timeZone: 'UTC' }).dateTime(new Date(checkIn.at), {
        timeZone: checkIn.timeZone,
        timeStyle: 'short',
        dateStyle: 'medium',
      }),
    ).toBe('Dec 8, 2026, 12:30 AM');
    // Something of no city, the network's settings, keeps the network's clock.
    expect(readAs(networkAdmin).entries.find((entry) => entry.action === 'network.settings')).toMatchObject({
      timeZone: 'Europe/Istanbul',
      city: null,
    });
  });
});

describe('filtering the trail', () => {
  it('by person: a staff member, the guests, or Waystation', () => {
    expect(readAs(networkAdmin, { person: host.id }).entries.map((e) => e.action)).toEqual(['stay.check_in']);
    expect(readAs(networkAdmin, { person: 'guest' }).entries.map((e) => e.action)).toEqual(['stay.guest_on_my_way']);
    expect(readAs(networkAdmin, { person: 'system' }).entries.map((e) => e.action)).toEqual(['stay.expire']);
  });

  it('by kind, shelter and city together', () => {
    expect(readAs(networkAdmin, { kind: 'bookings', city: istanbul.id }).entries.map((e) => e.action)).toEqual([
      'stay.guest_on_my_way',
      'stay.reserve',
    ]);
    expect(readAs(networkAdmin, { kind: 'bookings', shelter: kentron.id }).entries.map((e) => e.action)).toEqual([
      'stay.expire',
      'stay.check_in',
    ]);
    // A household's event is its city's even with no shelter.
    expect(readAs(networkAdmin, { city: yerevan.id, kind: 'households' }).entries.map((e) => e.action)).toEqual(['arrival.register']);
    expect(readAs(networkAdmin, { kind: 'settings' }).total).toBe(1);
  });

  it('by the days of the chosen city, across the night summer time ends', () => {
    expect(readAs(networkAdmin, { city: warsaw.id, from: '2026-10-25', to: '2026-10-25' }).total).toBe(2);
    expect(readAs(networkAdmin, { city: warsaw.id, from: '2026-10-24', to: '2026-10-24' }).total).toBe(1);
  });

  it('drops what it cannot use and names it, and pages fifty at a time', () => {
    const { choices } = readAs(networkAdmin);
    const parsed = parseAuditFilters(
      { person: 'nobody', kind: 'drop.tables', shelter: 'x', city: 'atlantis', from: '2026-11-30', to: '2026-11-01', page: 'two' },
      choices,
    );
    expect(parsed).toEqual({
      filters: {},
      page: 1,
      problems: ['unknownPerson', 'unknownKind', 'unknownShelter', 'unknownCity', 'reversed', 'badPage'],
    });
    expect(parseAuditFilters({ person: 'guest', kind: 'bookings', city: yerevan.id }, choices).filters).toEqual({
      person: 'guest',
      kind: 'bookings',
      city: yerevan.id,
    });
    for (let i = 0; i < AUDIT_PAGE_SIZE; i++)
      recordAudit(db, {
        at: new Date(Date.UTC(2026, 0, 1) + i),
        actorId: eva.id,
        action: 'city.update',
        entity: 'city',
        entityId: istanbul.id,
      });
    expect(readAs(networkAdmin, {}, 2)).toMatchObject({ pages: 2, page: 2 });
    expect(readAs(networkAdmin, {}, 9)).toMatchObject({ page: 2, pageOutOfRange: true });
    db.$client.prepare(`delete from audit_events where action = 'city.update'`).run();
  });
});

describe('a city admin’s trail', () => {
  it('holds only their cities’ entries and choices, and names nobody they may not see', () => {
    const theirs = readAs(yerevanAdmin);
    expect(theirs.entries.map((entry) => entry.action).sort()).toEqual(['arrival.register', 'stay.check_in', 'stay.expire']);
    expect(theirs.choices.cities.map((city) => city.name)).toEqual(['Yerevan']);
    expect(theirs.choices.shelters.map((shelter) => shelter.name)).toEqual(['Kentron']);
    expect(theirs.choices.people.map((person) => person.id).sort()).toEqual([host.id, yerevanAdmin.id].sort());
    // Eva guides in every city: she is not on their staff page, so the entry says "A guide".
    const registered = theirs.entries.find((entry) => entry.action === 'arrival.register')!;
    expect(registered.who).toEqual({ kind: 'staff', role: 'guide', name: null, href: null });
    expect(sentence('en', registered)).toBe('[A guide] registered a household');
    expect(registered.householdHref).toBe(`/arrivals/${yerevanHousehold.id}`);
    // What belongs to no city (a staff member of theirs enabled again) is told on their city's clock, not Istanbul's.
    recordAudit(db, {
      at: new Date('2026-12-07T21:00:00Z'),
      actorId: yerevanAdmin.id,
      action: 'user.enable',
      entity: 'user',
      entityId: host.id,
    });
    expect(readAs(yerevanAdmin).entries.find((entry) => entry.action === 'user.enable')).toMatchObject({ timeZone: 'Asia/Yerevan' });
    db.$client.prepare(`delete from audit_events where action = 'user.enable'`).run();
    // Another city, asked for by id, is not theirs to filter by.
    expect(parseAuditFilters({ city: istanbul.id }, theirs.choices).problems).toEqual(['unknownCity']);
  });
});
