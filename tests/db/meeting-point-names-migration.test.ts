import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, write } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { newId } from '@/db/schema/columns';
import { updateMeetingPoint } from '@/lib/meeting-points/manage';
import { listMeetingPoints } from '@/lib/meeting-points/points';
import { inLocale } from '@/lib/shelters/room-names';
import { asStaff, defaultCityOf, makeUser } from '../support/fixtures';
import { migrationsUpTo } from '../support/migrations';

// A network's database as it stood at migration 0015: rooms and meeting points each with one name.
const dir = mkdtempSync(join(tmpdir(), 'waystation-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-12-07T09:00:00Z');

describe('migration 0016 on a database with rooms and meeting points', () => {
  const { db, sqlite } = openDatabase(join(dir, 'at-0015.db'));
  migrate(db, { migrationsFolder: migrationsUpTo(dir, '0015_shelter_updated_at') });
  // Written as SQL of 0015's schema, as the fixtures write today's.
  const cityId = defaultCityOf(db);
  const shelterId = newId();
  const roomId = newId();
  const pointId = newId();
  sqlite
    .prepare(
      "insert into shelters (id, name, district, city_id, status, time_zone, created_at) values (?, 'Fatih Free Shelter', 'Fatih', ?, 'open', 'Europe/Istanbul', ?)",
    )
    .run(shelterId, cityId, NOW.getTime());
  sqlite
    .prepare("insert into rooms (id, shelter_id, name, kind, accessible, created_at) values (?, ?, 'Men''s dorm', 'men', 0, ?)")
    .run(roomId, shelterId, NOW.getTime());
  sqlite.prepare("insert into room_names (room_id, locale, name) values (?, 'ru', 'Мужская комната')").run(roomId);
  sqlite
    .prepare(
      "insert into meeting_points (id, name, city_id, latitude, longitude, created_at) values (?, 'Sabiha Gökçen', ?, 40.8986, 29.3092, ?)",
    )
    .run(pointId, cityId, NOW.getTime());
  migrateDatabase(db, NOW);
  afterAll(() => sqlite.close());

  it('keeps every name as the default name, and each room’s translations, with no translation invented', () => {
    expect(sqlite.prepare('select name from meeting_points').pluck().all()).toEqual(['Sabiha Gökçen']);
    expect(sqlite.prepare('select count(*) from meeting_point_names').pluck().get()).toBe(0);
    expect(listMeetingPoints(db, undefined, 'ru').map((point) => point.name)).toEqual(['Sabiha Gökçen']);
    const room = { id: roomId, name: "Men's dorm" };
    expect(inLocale(db, [room], 'ru')[0].name).toBe('Мужская комната');
    expect(inLocale(db, [room], 'tr')[0].name).toBe("Men's dorm");
  });

  it('takes translations for a point that existed before it', () => {
    const admin = asStaff(makeUser(db, 'admin'));
    const names = { en: null, ru: 'Аэропорт Сабиха Гёкчен', tr: 'Sabiha Gökçen Havalimanı', uk: null };
    write(db, (tx) =>
      updateMeetingPoint(
        tx,
        admin,
        { meetingPointId: pointId, name: 'Sabiha Gökçen', cityId, latitude: 40.8986, longitude: 29.3092, names },
        NOW,
      ),
    );
    expect(listMeetingPoints(db, undefined, 'ru').map((point) => point.name)).toEqual(['Аэропорт Сабиха Гёкчен']);
    expect(listMeetingPoints(db, undefined, 'uk').map((point) => point.name)).toEqual(['Sabiha Gökçen']);
    // A point removed takes its translations with it.
    sqlite.prepare('delete from meeting_points where id = ?').run(pointId);
    expect(sqlite.prepare('select count(*) from meeting_point_names').pluck().get()).toBe(0);
  });
});
