import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/db';
import { addDays, localDay } from '@/lib/calendar/days';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { reserveBeds } from '@/lib/placement/reserve';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { db, path, cleanup } = createTestDb();
afterAll(() => cleanup());

// 18:00 in Istanbul on Friday 4 Dec 2026.
const now = new Date('2026-12-04T15:00:00Z');
const tonight = tonightIn('Europe/Istanbul', now);

// Next loads the instrumentation hook apart from the routes, each with its own copy of every module:
// here `vi.resetModules()` gives the second copy, as the routes' is to the hook's.
describe('reading ahead when a server process starts', () => {
  const admin = asStaff(makeUser(db, 'admin'));
  const shelter = makeShelter(db, { timeZone: 'Europe/Istanbul' });
  const room = makeRoom(db, shelter.id, 'mixed', 3);
  const arrival = makeArrival(db, { adultMen: 1, adultWomen: 0, children: 0, status: 'waiting' });
  reserveBeds(db, admin, { arrivalId: arrival.id, bedIds: [room.beds[0].id], firstNight: tonight, departure: addNights(tonight, 2) }, now);

  it('leaves the stays kept where the pages find them: their first forecast reads none again, and is the same', async () => {
    const { warmUp } = await import('@/lib/warm-up');
    warmUp(() => db, now);
    vi.resetModules();
    const pages = { ...(await import('@/lib/forecast/load')), ...(await import('@/lib/forecast/maths')) };
    const prepared: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    const spy = vi.spyOn(db.$client, 'prepare').mockImplementation((source: string) => (prepared.push(source), prepare(source)));
    const kept = pages.forecast(pages.loadForecastInput(db, now));
    spy.mockRestore();
    expect(prepared.length).toBeGreaterThan(0);
    expect(prepared.filter((sql) => /from stays s left join arrivals/.test(sql))).toEqual([]);

    const { db: other, sqlite } = openDatabase(path);
    try {
      expect(kept).toEqual(pages.forecast(pages.loadForecastInput(other, now)));
    } finally {
      sqlite.close();
    }
  });

  it("leaves the beds with two guests and today's history where the pages find them", async () => {
    const { warmUp } = await import('@/lib/warm-up');
    warmUp(() => db, now);
    vi.resetModules();
    const { bedConflicts } = await import('@/lib/nights/overdue');
    const { occupancyHistory } = await import('@/lib/occupancy/history');
    const prepared: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    const spy = vi.spyOn(db.$client, 'prepare').mockImplementation((source: string) => (prepared.push(source), prepare(source)));
    bedConflicts(db, null, now);
    // Yesterday and today, as the warm-up reads them (nothing is rolled up here: both are live).
    const today = localDay(now.getTime(), NETWORK_TIME_ZONE);
    occupancyHistory(db, 'network', addDays(today, -1), today, now);
    spy.mockRestore();
    expect(prepared.length).toBeGreaterThan(0);
    // Neither the pairs of stays on one bed nor the stays of today are read again.
    expect(prepared.filter((sql) => /"ob"/.test(sql) || /from "stays" "s"\s+where/.test(sql))).toEqual([]);
  });

  it('never stops a server from starting: on a database with no tables it says what failed and returns', async () => {
    const { warmUp } = await import('@/lib/warm-up');
    const empty = openDatabase(path.replace(/test\.db$/, 'empty.db'));
    const errors: unknown[][] = [];
    try {
      expect(() => warmUp(() => empty.db, now, { error: (...args: unknown[]) => errors.push(args) })).not.toThrow();
    } finally {
      empty.sqlite.close();
    }
    expect(errors).toHaveLength(1);
    expect(String(errors[0][0])).toBe('[warm-up] reading ahead failed:');
    expect(String(errors[0][1])).toMatch(/no such table/);
  });
});
