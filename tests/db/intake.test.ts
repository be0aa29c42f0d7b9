import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { DomainError } from '@/lib/errors';
import { registerArrival } from '@/lib/households/intake';
import { languagesByUse, orderByUse } from '@/lib/households/languages';
import { arrivalSchema } from '@/lib/validation/arrival';
import { asStaff, makeArrival, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T18:00:00Z');
const DAY = 24 * 3600_000;
const guide = asStaff(makeUser(db, 'guide'));
const otherGuide = asStaff(makeUser(db, 'guide'));

const intake = (intakeKey: string, alias = 'Elmar') =>
  arrivalSchema.parse({ alias, adultMen: '1', adultWomen: '0', children: '0', languages: ['ru'], intakeKey });
const households = (alias: string) => (sqlite.prepare('select count(*) as n from arrivals where alias = ?').get(alias) as { n: number }).n;
const registrations = () =>
  (sqlite.prepare("select count(*) as n from audit_events where action = 'arrival.register'").get() as { n: number }).n;

describe('a retried intake send', () => {
  it('a send whose reply was lost, sent again with the same key, yields the one household the first send wrote', () => {
    const key = randomUUID();
    const first = write(db, (tx) => registerArrival(tx, guide, intake(key, 'Lost reply'), NOW));
    const audited = registrations();
    const again = write(db, (tx) => registerArrival(tx, guide, intake(key, 'Lost reply'), new Date(NOW.getTime() + 60_000)));
    expect(again).toBe(first);
    expect(households('Lost reply')).toBe(1);
    expect(registrations()).toBe(audited);
  });

  it('a new draft (a new key) registers a new household', () => {
    write(db, (tx) => registerArrival(tx, guide, intake(randomUUID(), 'Twins'), NOW));
    write(db, (tx) => registerArrival(tx, guide, intake(randomUUID(), 'Twins'), NOW));
    expect(households('Twins')).toBe(2);
  });

  it("another guide's key is refused with a message that names nobody, and nothing is written", () => {
    const key = randomUUID();
    write(db, (tx) => registerArrival(tx, guide, intake(key, 'Mine'), NOW));
    const before = snapshot(sqlite);
    let code = '';
    try {
      write(db, (tx) => registerArrival(tx, otherGuide, intake(key, 'Theirs'), NOW));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      code = error.code;
    }
    expect(code).toBe('intakeKeyUsed');
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('a key that is not a random UUID is refused by the form', () => {
    expect(arrivalSchema.safeParse({ alias: 'A', adultMen: '1', adultWomen: '0', children: '0', intakeKey: "x' or 1=1" }).success).toBe(
      false,
    );
    expect(arrivalSchema.safeParse({ alias: 'A', adultMen: '1', adultWomen: '0', children: '0', intakeKey: '' }).success).toBe(true);
  });
});

describe("the intake's language order", () => {
  it('puts the languages ticked most in the last 30 days first, the rest in the usual order', () => {
    expect(orderByUse({}).slice(0, 4)).toEqual(['ru', 'uk', 'en', 'tr']);
    expect(orderByUse({ fa: 3, ar: 3, ru: 1 }).slice(0, 4)).toEqual(['ar', 'fa', 'ru', 'uk']);
  });

  it('counts households guides registered recently, not old ones nor requests people sent themselves', () => {
    const fresh = createTestDb();
    try {
      const by = makeUser(fresh.db, 'guide').id;
      for (let i = 0; i < 3; i += 1)
        makeArrival(fresh.db, { languages: ['fa', 'en'], registeredBy: by, createdAt: new Date(NOW.getTime() - 2 * DAY) });
      makeArrival(fresh.db, { languages: ['ka'], registeredBy: by, createdAt: new Date(NOW.getTime() - DAY) });
      for (let i = 0; i < 5; i += 1)
        makeArrival(fresh.db, { languages: ['de'], registeredBy: by, createdAt: new Date(NOW.getTime() - 40 * DAY) });
      for (let i = 0; i < 5; i += 1)
        makeArrival(fresh.db, { languages: ['hy'], selfRegistered: true, createdAt: new Date(NOW.getTime() - DAY) });
      expect(languagesByUse(fresh.db, NOW).slice(0, 4)).toEqual(['en', 'fa', 'ka', 'ru']);
    } finally {
      fresh.cleanup();
    }
  });
});
