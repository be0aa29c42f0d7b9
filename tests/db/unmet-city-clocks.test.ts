import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { recordNoFit, unmetHistory } from '@/lib/occupancy/unmet';
import { makeArrival, makeCity, makeRoom, makeShelter } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const at = (iso: string) => new Date(iso);
// Midnights: Istanbul's (UTC+3) at 21:00Z; Yerevan's (UTC+4) at 20:00Z; Warsaw's at 22:00Z until its
// clocks go back in the night of 24–25 Oct, 23:00Z after.
const istanbul = makeCity(db, 'Istanbul', { createdAt: at('2026-10-01T00:00:00Z') });
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan', createdAt: at('2026-10-01T00:00:00Z') });
const warsaw = makeCity(db, 'Warsaw', { timeZone: 'Europe/Warsaw', createdAt: at('2026-10-01T00:00:00Z') });
for (const city of [istanbul, yerevan, warsaw])
  makeRoom(db, makeShelter(db, { cityId: city.id, timeZone: city.timeZone, createdAt: at('2026-10-20T00:00:00Z') }).id, 'mixed', 2);

const NOW = at('2026-10-27T12:00:00Z');
/** A lone woman, here from `from` until she was placed (or left) at `until`. */
const waitedBetween = (cityId: string, from: string, until: string) =>
  makeArrival(db, {
    adultMen: 0,
    adultWomen: 1,
    children: 0,
    cityId,
    arrivedAt: at(from),
    createdAt: at(from),
    status: 'cancelled',
    endedAt: at(until),
  });

// Yerevan: came at 00:15 on the 23rd, Yerevan time (20:15Z on the 22nd), placed at 21:30Z: she never
// waited past a Yerevan midnight, though she did past Istanbul's (21:00Z).
waitedBetween(yerevan.id, '2026-10-22T20:15:00Z', '2026-10-22T21:30:00Z');
// Warsaw, the night the clocks go back: here at 23:30 (21:30Z), placed at 00:30 (22:30Z): past Warsaw's midnight only.
waitedBetween(warsaw.id, '2026-10-24T21:30:00Z', '2026-10-24T22:30:00Z');
// Warsaw, the next night (25 hours long): here at 23:30 winter time (22:30Z), placed at 00:30 (23:30Z).
waitedBetween(warsaw.id, '2026-10-25T22:30:00Z', '2026-10-25T23:30:00Z');

const cityDays = (cityId: string) =>
  Object.fromEntries(
    sqlite
      .prepare('select day, waited_women from unmet_city_days where city_id = ? and waited_women > 0 order by day')
      .raw()
      .all(cityId) as [string, number][],
  );
const waitedWomen = (cityId: string, from: string, to: string) =>
  Object.fromEntries(
    unmetHistory(db, from, to, NOW, [cityId])
      .filter((day) => day.waited.women > 0)
      .map((day) => [day.day, day.waited.women]),
  );

describe('"waited past midnight" is the midnight of the household’s own city', () => {
  it('before the rollup: a city’s figures count its own midnights, across the Warsaw clock change', () => {
    expect(waitedWomen(yerevan.id, '2026-10-20', '2026-10-26')).toEqual({});
    expect(waitedWomen(warsaw.id, '2026-10-20', '2026-10-26')).toEqual({ '2026-10-24': 1, '2026-10-25': 1 });
  });

  it('the rollup stores each city’s days on its own clock', () => {
    rollUpOccupancy(db, NOW);
    expect(cityDays(yerevan.id)).toEqual({});
    expect(cityDays(warsaw.id)).toEqual({ '2026-10-24': 1, '2026-10-25': 1 });
    // The network's own row keeps the network's days: the Yerevan woman was waiting at Istanbul's midnight.
    expect(
      sqlite.prepare("select unmet_waited_women from occupancy_days where scope = 'network' and day = '2026-10-22'").pluck().get(),
    ).toBe(1);
  });

  it('a search that found nothing counts on the day of the household’s city: 00:30 in Yerevan is the next day', () => {
    const household = makeArrival(db, { adultMen: 1, adultWomen: 0, children: 0, cityId: yerevan.id });
    write(db, (tx) => recordNoFit(tx, household, at('2026-10-26T20:30:00Z')));
    expect(sqlite.prepare('select day from no_fit_searches where arrival_id = ?').pluck().get(household.id)).toBe('2026-10-27');
  });
});
