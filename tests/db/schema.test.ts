import { afterAll, describe, expect, it } from 'vitest';
import { arrivals, bedNights, stays, users } from '@/db/schema';
import { makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const columns = (table: string) => (sqlite.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

describe('schema', () => {
  it('has no column for surname, nationality, passport, ID number, birth date or photo', () => {
    const forbidden = /surname|last_name|family_name|nationality|citizenship|passport|id_number|document|birth|dob|photo|picture/i;
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    for (const { name } of tables)
      expect(
        columns(name).filter((c) => forbidden.test(c)),
        name,
      ).toEqual([]);
  });

  it('stores emails lower-case only and refuses duplicates', () => {
    makeUser(db, 'admin');
    expect(() => db.insert(users).values({ email: 'Mixed@Case.test', name: 'x', passwordHash: 'x', role: 'admin' }).run()).toThrow(/CHECK/);
    db.insert(users).values({ email: 'one@x.test', name: 'x', passwordHash: 'x', role: 'host' }).run();
    expect(() => db.insert(users).values({ email: 'one@x.test', name: 'y', passwordHash: 'y', role: 'host' }).run()).toThrow(/UNIQUE/);
  });

  it('refuses an unknown role', () => {
    expect(() =>
      sqlite
        .prepare("insert into users (id, email, name, password_hash, role, created_at) values ('u', 'r@x.test', 'r', 'h', 'root', 0)")
        .run(),
    ).toThrow(/CHECK/);
  });

  it('refuses a bed in a room that does not exist', () => {
    expect(() => sqlite.prepare("insert into beds (id, room_id, label, created_at) values ('b', 'no-such-room', '1', 0)").run()).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('refuses a household of zero or of more than 30 people', () => {
    const base = { arrivedAt: new Date(), adultMen: 0, adultWomen: 0, children: 0 };
    expect(() => db.insert(arrivals).values(base).run()).toThrow(/CHECK/);
    expect(() =>
      db
        .insert(arrivals)
        .values({ ...base, adultMen: 31 })
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .insert(arrivals)
        .values({ ...base, adultWomen: -1, children: 2 })
        .run(),
    ).toThrow(/CHECK/);
  });

  it('lets the database itself refuse a second stay on one bed for the same night', () => {
    const shelter = makeShelter(db);
    const { beds } = makeRoom(db, shelter.id, 'mixed', 1);
    const stay = () => {
      const arrival = db.insert(arrivals).values({ arrivedAt: new Date(), adultMen: 1 }).returning().get();
      return db.insert(stays).values({ arrivalId: arrival.id, shelterId: shelter.id, holdUntil: new Date() }).returning().get();
    };
    const first = stay();
    const second = stay();
    db.insert(bedNights).values({ bedId: beds[0].id, night: '2026-12-01', stayId: first.id }).run();
    expect(() => db.insert(bedNights).values({ bedId: beds[0].id, night: '2026-12-01', stayId: second.id }).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    // The next night is another night: the same bed may be booked for it.
    expect(() => db.insert(bedNights).values({ bedId: beds[0].id, night: '2026-12-02', stayId: second.id }).run()).not.toThrow();
    // Once the first stay gives its night up, the bed can be booked for it again.
    sqlite.prepare('delete from bed_nights where stay_id = ?').run(first.id);
    expect(() => db.insert(bedNights).values({ bedId: beds[0].id, night: '2026-12-01', stayId: second.id }).run()).not.toThrow();
  });
});
