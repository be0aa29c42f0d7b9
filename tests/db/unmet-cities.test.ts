import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { write } from '@/db';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { recordNoFit, totalUnmet, unmetByCityFrom, unmetHistory } from '@/lib/occupancy/unmet';
import { eraseHousehold } from '@/lib/privacy/erase';
import { makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { RequestContext } from '../support/request-context';
import { createTestDb } from '../support/test-db';

const context = vi.hoisted(() => ({ current: undefined as unknown as RequestContext }));
vi.mock('next/headers', () => ({ headers: async () => context.current.headers(), cookies: async () => context.current.cookies() }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'unmet-cities-secret-unmet-cities-secret-x';
context.current = new RequestContext();
const { db, sqlite } = test;
afterAll(test.cleanup);
afterEach(() => vi.useRealTimers());
const exportCsv = async (request: Request) => (await import('@/app/(staff)/occupancy/export/route')).GET(request);

const at = (iso: string) => new Date(iso);
// Network days are Istanbul's (UTC+3): the midnight that ends the 24th of November is 21:00Z.
const NOW = at('2026-11-26T12:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { createdAt: at('2026-11-01T00:00:00Z') });
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan', createdAt: at('2026-11-02T00:00:00Z') });
makeRoom(db, makeShelter(db, { cityId: istanbul.id, createdAt: at('2026-11-20T00:00:00Z') }).id, 'mixed', 2);
makeRoom(db, makeShelter(db, { cityId: yerevan.id, timeZone: 'Asia/Yerevan', createdAt: at('2026-11-20T00:00:00Z') }).id, 'mixed', 2);

const waiting = (composition: { adultMen?: number; adultWomen?: number; children?: number }, cityId: string | null) =>
  makeArrival(db, {
    adultMen: 0,
    adultWomen: 0,
    children: 0,
    ...composition,
    cityId,
    arrivedAt: at('2026-11-24T10:00:00Z'),
    createdAt: at('2026-11-24T10:00:00Z'),
  });

// Never placed, from the 24th: a man in Istanbul, a woman and a family in Yerevan, a man in no city yet.
const man = waiting({ adultMen: 1 }, istanbul.id);
const woman = waiting({ adultWomen: 1 }, yerevan.id);
const family = waiting({ adultWomen: 1, children: 2 }, yerevan.id);
waiting({ adultMen: 1 }, null);
// Suggestions that found nothing on the 24th: the Yerevan woman's and the man's in no city.
write(db, (tx) => {
  recordNoFit(tx, woman, at('2026-11-24T12:00:00Z'));
  recordNoFit(tx, { ...man, cityId: null, id: 'no-city-household' }, at('2026-11-24T12:00:00Z'));
});

const kinds = (men: number, women: number, families: number) => ({ men, women, families });
const dayOf = (days: ReturnType<typeof unmetHistory>, day: string) => days.find((d) => d.day === day)!;

describe('households turned away, city by city', () => {
  it('counts each city’s own households before any rollup, and the network counts everyone', () => {
    const inIstanbul = dayOf(unmetHistory(db, '2026-11-24', '2026-11-25', NOW, [istanbul.id]), '2026-11-24');
    const inYerevan = dayOf(unmetHistory(db, '2026-11-24', '2026-11-25', NOW, [yerevan.id]), '2026-11-24');
    const network = dayOf(unmetHistory(db, '2026-11-24', '2026-11-25', NOW), '2026-11-24');
    expect(inIstanbul).toMatchObject({ waited: kinds(1, 0, 0), noFit: kinds(0, 0, 0) });
    expect(inYerevan).toMatchObject({ waited: kinds(0, 1, 1), noFit: kinds(0, 1, 0) });
    // The household in no city is in the network's count only.
    expect(network).toMatchObject({ waited: kinds(2, 1, 1), noFit: kinds(1, 1, 0) });
  });

  it('stores a row per city and day, zeros included, and reads the same figures back', () => {
    const before = totalUnmet(unmetHistory(db, '2026-11-24', '2026-11-25', NOW, [yerevan.id]));
    rollUpOccupancy(db, NOW);
    expect(sqlite.prepare("select count(*) from unmet_city_days where day in ('2026-11-24', '2026-11-25')").pluck().get()).toBe(4);
    expect(
      sqlite
        .prepare('select waited_men, waited_women, waited_families, no_fit_women from unmet_city_days where city_id = ? and day = ?')
        .raw()
        .get(yerevan.id, '2026-11-24'),
    ).toEqual([0, 1, 1, 1]);
    expect(totalUnmet(unmetHistory(db, '2026-11-24', '2026-11-25', NOW, [yerevan.id]))).toEqual(before);
    // Both cities together, as an admin of both reads them.
    expect(totalUnmet(unmetHistory(db, '2026-11-24', '2026-11-25', NOW, [istanbul.id, yerevan.id])).waited).toEqual(kinds(2, 2, 2));
    expect(unmetByCityFrom(db, '2026-11-20', '2026-11-25')).toBeNull();
  });

  it('keeps an erased household’s search in its city', () => {
    write(db, (tx) => recordNoFit(tx, family, NOW));
    write(db, (tx) => eraseHousehold(tx, family.id, NOW, null));
    expect(dayOf(unmetHistory(db, '2026-11-26', '2026-11-26', NOW, [yerevan.id]), '2026-11-26').noFit).toEqual(kinds(0, 0, 1));
  });

  it('names the first day known by city when the range holds days stored before cities were counted', () => {
    // As after an upgrade: the network's days of the 24th were stored before migration 0011.
    sqlite.prepare("delete from unmet_city_days where day <= '2026-11-24'").run();
    expect(unmetByCityFrom(db, '2026-11-20', '2026-11-25')).toBe('2026-11-25');
    expect(unmetByCityFrom(db, '2026-11-25', '2026-11-25')).toBeNull();
  });
});

describe('a city admin’s CSV export', () => {
  it('has a row per day for their city’s households turned away, and no network or other city rows', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await context.current.signInAs(makeUser(db, 'admin', { cityIds: [yerevan.id] }), NOW.getTime() - 1000);
    const response = await exportCsv(
      new Request('http://localhost:3000/occupancy/export?from=2026-11-25&to=2026-11-25', { headers: context.current.headers() }),
    );
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','));
    const totals = rows.filter((row) => row[16] !== '');
    // On the 25th the Yerevan woman and family still waited at midnight; nobody searched.
    expect(totals.map((row) => [row[0], row[1], row[2], ...row.slice(10)])).toEqual([
      ['2026-11-25', '', 'Yerevan', '0', '1', '1', '0', '0', '0', 'city'],
    ]);
  });
});
