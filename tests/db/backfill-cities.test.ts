import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { backfillCities } from '@/db/backfills/0009-cities';
import { migrateDatabase } from '@/db/migrate';
import { migrationsUpTo } from '../support/migrations';

// A database as it stood at migration 0008, before cities: the real migrations up to there.
const dir = mkdtempSync(join(tmpdir(), 'waystation-backfill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-10-01T14:00:00Z');

describe('shelters and households from before cities', () => {
  const previous = process.env.WAYSTATION_DEFAULT_CITY;
  afterAll(() => {
    if (previous === undefined) delete process.env.WAYSTATION_DEFAULT_CITY;
    else process.env.WAYSTATION_DEFAULT_CITY = previous;
  });

  it('join one default city named by WAYSTATION_DEFAULT_CITY, in the zone most of them keep, with the network contact; a second run changes nothing', () => {
    const { db, sqlite } = openDatabase(join(dir, 'old.db'));
    migrate(db, { migrationsFolder: migrationsUpTo(dir, '0008_room_nights') });
    expect(sqlite.prepare("select count(*) from sqlite_master where name = 'cities'").pluck().get()).toBe(0);
    const shelter = sqlite.prepare("insert into shelters (id, name, district, time_zone, created_at) values (?, ?, 'Kentron', ?, 0)");
    shelter.run('s1', 'Kentron Flat', 'Asia/Yerevan');
    shelter.run('s2', 'Arabkir Hall', 'Asia/Yerevan');
    shelter.run('s3', 'Fatih House', 'Europe/Istanbul');
    const household = sqlite.prepare('insert into arrivals (id, alias, adult_women, arrived_at, created_at) values (?, ?, 1, 0, 0)');
    household.run('a1', 'Ani');
    household.run('a2', 'Gor');
    sqlite
      .prepare("insert into network_settings (id, contact_phone, contact_telegram) values (1, '+374 10 000000', '@network_help')")
      .run();

    process.env.WAYSTATION_DEFAULT_CITY = 'Yerevan';
    migrateDatabase(db, NOW);

    const cities = sqlite
      .prepare(
        'select id, slug, time_zone as zone, contact_phone as phone, contact_telegram as telegram, contact_whatsapp as whatsapp from cities',
      )
      .all() as { id: string }[];
    expect(cities).toEqual([
      { id: cities[0].id, slug: 'yerevan', zone: 'Asia/Yerevan', phone: '+374 10 000000', telegram: '@network_help', whatsapp: null },
    ]);
    expect(sqlite.prepare('select locale, name from city_names').all()).toEqual([{ locale: 'en', name: 'Yerevan' }]);
    expect(sqlite.prepare('select distinct city_id from shelters').pluck().all()).toEqual([cities[0].id]);
    expect(sqlite.prepare('select distinct city_id from arrivals').pluck().all()).toEqual([cities[0].id]);

    const before = sqlite.prepare('select * from cities').all();
    expect(backfillCities(db, new Date(NOW.getTime() + 86_400_000))).toBe(0);
    migrateDatabase(db, new Date(NOW.getTime() + 86_400_000));
    expect(sqlite.prepare('select * from cities').all()).toEqual(before);
    expect(sqlite.prepare('select count(*) from shelters where city_id is null').pluck().get()).toBe(0);
    sqlite.close();
  });

  it('join the oldest existing city when there is one, and a database with no shelters gets no city', () => {
    const { db, sqlite } = openDatabase(join(dir, 'fresh.db'));
    migrateDatabase(db, NOW);
    expect(sqlite.prepare('select count(*) from cities').pluck().get()).toBe(0);
    sqlite
      .prepare(
        "insert into cities (id, slug, time_zone, created_at) values ('old', 'tbilisi', 'Asia/Tbilisi', 1), ('new', 'baku', 'Asia/Baku', 2)",
      )
      .run();
    sqlite.prepare("insert into shelters (id, name, district, created_at) values ('orphan', 'Left behind', 'Vake', 0)").run();
    expect(backfillCities(db, NOW)).toBe(1);
    expect(sqlite.prepare("select city_id from shelters where id = 'orphan'").pluck().get()).toBe('old');
    expect(sqlite.prepare('select count(*) from cities').pluck().get()).toBe(2);
    sqlite.close();
  });
});
