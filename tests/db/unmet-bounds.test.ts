import { afterAll, describe, expect, it } from 'vitest';
import { addDays, dayWindows, localDay } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { totalUnmet, unmetHistory } from '@/lib/occupancy/unmet';
import { seedDemo } from '@/scripts/demo-data/seed';
import { makeArrival, makeRoom, makeShelter } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const NOW = new Date('2026-11-20T09:30:00Z');
const HOUR = 3_600_000;

/**
 * The households that could be waiting at `midnight`: here and registered before it, not ended by
 * it, and not checked out of a shelter before it (a guest who checked out has gone). Whoever waited
 * past that midnight without a bed is among them, so no day's count may exceed this.
 */
function couldWait(sqlite: ReturnType<typeof createTestDb>['sqlite'], midnight: number): number {
  return sqlite
    .prepare(
      `select count(*) from arrivals a
        where a.status not in ('not_genuine', 'mistaken') and max(a.created_at, a.arrived_at, coalesce(a.expected_at, 0)) < @midnight
          and (a.ended_at is null or a.ended_at > @midnight)
          and not exists (select 1 from stays s where s.arrival_id = a.id and s.checked_out_at <= @midnight)`,
    )
    .pluck()
    .get({ midnight }) as number;
}

const sum = (counts: { men: number; women: number; families: number }) => counts.men + counts.women + counts.families;

describe('the demo network’s history: waited past midnight without a bed', () => {
  const test = createTestDb();
  afterAll(test.cleanup);
  const { db, sqlite } = test;

  it('gives every household of the past its end', async () => {
    await seedDemo(db, { password: 'demo-password', now: NOW });
    expect(sqlite.prepare("select count(*) from arrivals where status in ('left', 'cancelled') and ended_at is null").pluck().get()).toBe(
      0,
    );
  });

  it('never counts more households on a night than could have been waiting then, stored or live', () => {
    const to = addDays(localDay(NOW.getTime(), NETWORK_TIME_ZONE), -1);
    const from = addDays(to, -29);
    const live = unmetHistory(db, from, to, NOW);
    rollUpOccupancy(db, NOW);
    const stored = unmetHistory(db, from, to, NOW);
    expect(stored).toEqual(live);
    const windows = dayWindows(from, to, NETWORK_TIME_ZONE, NOW.getTime());
    const nights = stored.map((day, i) => ({ day: day.day, waited: sum(day.waited), couldWait: couldWait(sqlite, windows[i].end) }));
    expect(nights.filter((night) => night.waited > night.couldWait)).toEqual([]);
    // A surge: some nights someone was still without a bed at midnight.
    expect(nights.some((night) => night.waited > 0)).toBe(true);
  });

  it('counts fewer household-nights over 7 days than 7 nights of everyone registered in them and waiting before', () => {
    const to = addDays(localDay(NOW.getTime(), NETWORK_TIME_ZONE), -1);
    const from = addDays(to, -6);
    const [window] = dayWindows(from, from, NETWORK_TIME_ZONE, NOW.getTime());
    const registered = sqlite
      .prepare('select count(*) from arrivals where created_at >= ? and created_at < ?')
      .pluck()
      .get(window.start, NOW.getTime()) as number;
    const { waited } = totalUnmet(unmetHistory(db, from, to, NOW));
    expect(sum(waited)).toBeLessThanOrEqual(7 * (registered + couldWait(sqlite, window.start)));
  });
});

describe('a database whose departed households carry no end', () => {
  const test = createTestDb();
  afterAll(test.cleanup);
  const { db, sqlite } = test;
  const shelter = makeShelter(db, { createdAt: new Date('2026-11-10T00:00:00Z') });
  const [bed] = makeRoom(db, shelter.id, 'mixed', 1).beds;
  // Registered at 20:00 Istanbul on the 14th, in a bed from 23:00 to the morning of the 16th.
  const gone = makeArrival(db, {
    adultMen: 1,
    status: 'left',
    createdAt: new Date('2026-11-14T17:00:00Z'),
    arrivedAt: new Date('2026-11-14T17:00:00Z'),
  });
  const stay = (createdAt: number, endedAt: number) =>
    sqlite
      .prepare(
        `insert into stays (id, arrival_id, shelter_id, status, hold_until, first_night, departure, checked_in_at, checked_out_at, ended_at, created_at)
         values ('s1', ?, ?, 'checked_out', ?, '2026-11-14', '2026-11-16', ?, ?, ?, ?)`,
      )
      .run(gone.id, shelter.id, createdAt + 6 * HOUR, createdAt + HOUR, endedAt, endedAt, createdAt);
  stay(new Date('2026-11-14T20:00:00Z').getTime(), new Date('2026-11-16T07:00:00Z').getTime());
  sqlite
    .prepare("insert into stay_beds (stay_id, bed_id, held_at, released_at) values ('s1', ?, ?, ?)")
    .run(bed.id, new Date('2026-11-14T20:00:00Z').getTime(), new Date('2026-11-16T07:00:00Z').getTime());

  const waitedOn = (from: string, to: string) => unmetHistory(db, from, to, NOW).map((day) => [day.day, sum(day.waited)]);

  it('does not count a guest who checked out as waiting on the nights after', () => {
    expect(waitedOn('2026-11-14', '2026-11-19')).toEqual([
      ['2026-11-14', 0],
      ['2026-11-15', 0],
      ['2026-11-16', 0],
      ['2026-11-17', 0],
      ['2026-11-18', 0],
      ['2026-11-19', 0],
    ]);
  });

  it('recounts stored days on the next roll-up and stamps the household’s end', () => {
    rollUpOccupancy(db, NOW);
    // A stored night counted the wrong way, as an older roll-up would have.
    sqlite.prepare("update occupancy_days set unmet_waited_men = 1 where scope = 'network' and day >= '2026-11-16'").run();
    sqlite.prepare('update arrivals set ended_at = null where id = ?').run(gone.id);
    rollUpOccupancy(db, NOW);
    expect(sqlite.prepare('select ended_at from arrivals where id = ?').pluck().get(gone.id)).toBe(
      new Date('2026-11-16T07:00:00Z').getTime(),
    );
    expect(sqlite.prepare("select sum(unmet_waited_men) from occupancy_days where scope = 'network'").pluck().get()).toBe(0);
    expect(waitedOn('2026-11-14', '2026-11-19').every(([, n]) => n === 0)).toBe(true);
  });
});
