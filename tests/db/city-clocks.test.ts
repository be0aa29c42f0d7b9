import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { updateCity } from '@/lib/cities/manage';
import { DomainError } from '@/lib/errors';
import { registerArrival } from '@/lib/households/intake';
import { moveHouseholdTo } from '@/lib/meeting-points/household';
import { createMeetingPoint } from '@/lib/meeting-points/manage';
import { listMeetingPoints } from '@/lib/meeting-points/points';
import { nightsToSearch } from '@/lib/nights/wanted';
import { arrivalSchema } from '@/lib/validation/arrival';
import { updateCitySchema } from '@/lib/validation/city';
import { createMeetingPointSchema } from '@/lib/validation/meeting-point';
import { asStaff, makeArrival, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// Istanbul is UTC+3 all year, Yerevan UTC+4; Warsaw is UTC+2 until 01:00 UTC on 25 Oct 2026, then UTC+1.
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' });
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
const warsaw = makeCity(db, 'Warsaw', { timeZone: 'Europe/Warsaw' });
const admin = asStaff(makeUser(db, 'admin'));
const staffIn = (...cityIds: string[]) => asStaff(makeUser(db, 'guide', { cityIds }), [], cityIds);
const yerevanGuide = staffIn(yerevan.id);
const twoCityGuide = staffIn(istanbul.id, yerevan.id);
const warsawGuide = staffIn(warsaw.id);

const NOW = new Date('2026-10-01T20:30:00Z'); // 23:30 in Istanbul, 00:30 on 2 Oct in Yerevan
const household = (values: Record<string, unknown>) =>
  arrivalSchema.parse({
    alias: 'Anna',
    adultMen: '0',
    adultWomen: '1',
    children: '0',
    languages: ['ru'],
    intakeKey: randomUUID(),
    ...values,
  });
const times = (id: string) =>
  sqlite.prepare('select arrived_at as arrivedAt, expected_at as expectedAt, city_id as cityId from arrivals where id = ?').get(id) as {
    arrivedAt: number;
    expectedAt: number | null;
    cityId: string;
  };
const at = (iso: string) => new Date(iso).getTime();

function refusal(fn: () => unknown): { code: string; field?: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, ...(error.field ? { field: error.field } : {}) };
    throw error;
  }
  return undefined;
}

describe('a guide’s intake, on the clock of the household’s city', () => {
  it('a Yerevan guide’s "00:15" is 00:15 in Yerevan (20:15 UTC), not an Istanbul time an hour later', () => {
    const id = write(db, (tx) => registerArrival(tx, yerevanGuide, household({ arrivedAt: '2026-10-02T00:15' }), NOW));
    expect(times(id)).toMatchObject({ cityId: yerevan.id, arrivedAt: at('2026-10-01T20:15:00Z') });
  });

  it('a guide of two cities: the same typed time reads on the clock of the city chosen on the form', () => {
    const inIstanbul = write(db, (tx) =>
      registerArrival(tx, twoCityGuide, household({ cityId: istanbul.id, arrivedAt: '2026-10-01T23:15' }), NOW),
    );
    const inYerevan = write(db, (tx) =>
      registerArrival(tx, twoCityGuide, household({ cityId: yerevan.id, arrivedAt: '2026-10-01T23:15' }), NOW),
    );
    expect(times(inIstanbul).arrivedAt).toBe(at('2026-10-01T20:15:00Z'));
    expect(times(inYerevan).arrivedAt).toBe(at('2026-10-01T19:15:00Z'));
  });

  it('an expected landing across the Warsaw clock change reads each side of it on its own offset', () => {
    const before = write(db, (tx) => registerArrival(tx, warsawGuide, household({ expectedAt: '2026-10-24T23:30' }), NOW));
    const after = write(db, (tx) => registerArrival(tx, warsawGuide, household({ expectedAt: '2026-10-25T12:00' }), NOW));
    expect(times(before).expectedAt).toBe(at('2026-10-24T21:30:00Z')); // UTC+2, summer time
    expect(times(after).expectedAt).toBe(at('2026-10-25T11:00:00Z')); // UTC+1, after the change
  });

  it('the nights looked for start on the household’s own calendar: past midnight in Yerevan is the next night', () => {
    const night = (cityId: string) => nightsToSearch(db, { expectedAt: null, nightsWanted: 2, cityId }, NOW);
    expect(night(yerevan.id)).toEqual({ firstNight: '2026-10-02', departure: '2026-10-04' });
    expect(night(istanbul.id)).toEqual({ firstNight: '2026-10-01', departure: '2026-10-03' });
  });

  it('a landing expected on the night of the Warsaw clock change searches from that night', () => {
    const landing = new Date('2026-10-24T22:30:00Z'); // 00:30 on 25 Oct in Warsaw (still summer time), 01:30 in Istanbul
    expect(nightsToSearch(db, { expectedAt: landing, nightsWanted: 1, cityId: warsaw.id }, NOW).firstNight).toBe('2026-10-25');
    expect(nightsToSearch(db, { expectedAt: new Date('2026-10-24T21:30:00Z'), nightsWanted: 1, cityId: warsaw.id }, NOW).firstNight).toBe(
      '2026-10-24',
    );
  });
});

describe('meeting points belong to a city', () => {
  const add = (name: string, cityId: string, latitude: number, longitude: number) =>
    write(db, (tx) =>
      createMeetingPoint(
        tx,
        admin,
        createMeetingPointSchema.parse({ name, cityId, latitude: String(latitude), longitude: String(longitude) }),
        NOW,
      ),
    );
  const airport = add('Istanbul Airport', istanbul.id, 41.2753, 28.7519);
  const zvartnots = add('Zvartnots Airport', yerevan.id, 40.1473, 44.3959);

  it('a Yerevan guide is offered Yerevan’s points only; a guide of both cities, both', () => {
    expect(listMeetingPoints(db, yerevanGuide).map((point) => point.name)).toEqual(['Zvartnots Airport']);
    expect(listMeetingPoints(db, twoCityGuide).map((point) => point.name)).toEqual(['Istanbul Airport', 'Zvartnots Airport']);
  });

  it('a household in Yerevan cannot be put at Istanbul’s airport: refused next to the field, nothing written', () => {
    const before = snapshot(sqlite);
    expect(
      refusal(() => write(db, (tx) => registerArrival(tx, twoCityGuide, household({ cityId: yerevan.id, meetingPointId: airport }), NOW))),
    ).toEqual({
      code: 'meetingPointOtherCity',
      field: 'meetingPointId',
    });
    const waiting = makeArrival(db, { cityId: yerevan.id });
    const withIt = snapshot(sqlite);
    expect(refusal(() => write(db, (tx) => moveHouseholdTo(tx, twoCityGuide, waiting.id, airport, NOW)))).toEqual({
      code: 'meetingPointOtherCity',
      field: 'meetingPointId',
    });
    expect(snapshot(sqlite)).toEqual(withIt);
    write(db, (tx) => moveHouseholdTo(tx, twoCityGuide, waiting.id, zvartnots, NOW));
    expect(sqlite.prepare('select meeting_point_id from arrivals where id = ?').pluck().get(waiting.id)).toBe(zvartnots);
    expect(before).not.toEqual(withIt);
  });

  it('migration 0014 puts each existing point in the city of its nearest shelter', () => {
    makeShelter(db, { cityId: istanbul.id, latitude: 41.01, longitude: 28.97 });
    makeShelter(db, { cityId: yerevan.id, latitude: 40.18, longitude: 44.51 });
    sqlite.prepare('update meeting_points set city_id = null').run();
    const [, backfill] = readFileSync('db/migrations/0014_meeting_point_cities.sql', 'utf8').split('--> statement-breakpoint');
    sqlite.exec(backfill);
    const cityOf = (id: string) => sqlite.prepare('select city_id from meeting_points where id = ?').pluck().get(id);
    expect([cityOf(airport), cityOf(zvartnots)]).toEqual([istanbul.id, yerevan.id]);
  });

  it('with several cities, a new point must say its city', () => {
    const input = createMeetingPointSchema.parse({ name: 'Bus station', latitude: '41.0', longitude: '28.9' });
    expect(refusal(() => write(db, (tx) => createMeetingPoint(tx, admin, input, NOW)))).toEqual({ code: 'chooseCity', field: 'cityId' });
  });
});

describe('a city’s clock changed while households wait', () => {
  it('moves the shelters that were on the city’s clock, keeps a shelter with its own zone, and keeps every time as the same moment', () => {
    const tbilisi = makeCity(db, 'Tbilisi', { timeZone: 'Europe/Istanbul' });
    const onCityClock = makeShelter(db, { cityId: tbilisi.id, timeZone: 'Europe/Istanbul' });
    const ownZone = makeShelter(db, { cityId: tbilisi.id, timeZone: 'Asia/Yerevan' });
    const waiting = makeArrival(db, { cityId: tbilisi.id, arrivedAt: new Date('2026-10-01T19:00:00Z') });
    const change = write(db, (tx) =>
      updateCity(
        tx,
        admin,
        updateCitySchema.parse({ cityId: tbilisi.id, nameEn: 'Tbilisi', slug: 'tbilisi', timeZone: 'asia/tbilisi' }),
        NOW,
      ),
    );
    expect(change).toEqual({ timeZone: 'Asia/Tbilisi', shelters: 1, households: 1 });
    const zoneOf = (id: string) => sqlite.prepare('select time_zone from shelters where id = ?').pluck().get(id);
    expect(zoneOf(onCityClock.id)).toBe('Asia/Tbilisi');
    expect(zoneOf(ownZone.id)).toBe('Asia/Yerevan');
    expect(times(waiting.id).arrivedAt).toBe(at('2026-10-01T19:00:00Z'));
    // Saving it again with the same clock changes nothing and says plainly "saved".
    expect(
      write(db, (tx) =>
        updateCity(
          tx,
          admin,
          updateCitySchema.parse({ cityId: tbilisi.id, nameEn: 'Tbilisi', slug: 'tbilisi', timeZone: 'Asia/Tbilisi' }),
          NOW,
        ),
      ),
    ).toBeNull();
  });

  it('a zone that is not an IANA name is refused next to the field', () => {
    for (const timeZone of ['Yerevan', 'GMT+4', 'Asia/Nowhere', 'Europe/Istanbul; drop table cities']) {
      const parsed = updateCitySchema.safeParse({ cityId: yerevan.id, nameEn: 'Yerevan', timeZone });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['timeZone', 'invalidTimeZone']]);
    }
  });
});
