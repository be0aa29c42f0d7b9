import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { write } from '@/db';
import { stays } from '@/db/schema';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { recordNoFit, totalUnmet, unmetHistory } from '@/lib/occupancy/unmet';
import { eraseHousehold } from '@/lib/privacy/erase';
import { makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { RequestContext } from '../support/request-context';
import { createTestDb } from '../support/test-db';

const context = vi.hoisted(() => ({ current: undefined as unknown as RequestContext }));
vi.mock('next/headers', () => ({ headers: async () => context.current.headers(), cookies: async () => context.current.cookies() }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'unmet-test-secret-unmet-test-secret-unmet';
context.current = new RequestContext();
const { db, sqlite } = test;
afterAll(test.cleanup);
afterEach(() => vi.useRealTimers());
// Imported once the secret is set: Auth.js reads it when the module loads.
const exportCsv = async (request: Request) => (await import('@/app/(staff)/occupancy/export/route')).GET(request);

const at = (iso: string) => new Date(iso);
// Istanbul is UTC+3 all year: its midnights ending the 24th and the 25th of October 2026 are 21:00Z.
// Berlin leaves summer time at 03:00 on the 25th: its midnights are 22:00Z on the 24th, 23:00Z on the 25th.
const NOW = at('2026-10-26T12:00:00Z');

const berlin = makeShelter(db, {
  name: 'Berlin Hall',
  district: 'Mitte',
  timeZone: 'Europe/Berlin',
  status: 'open',
  createdAt: at('2026-10-20T10:00:00Z'),
});
const istanbul = makeShelter(db, { name: 'Fatih House', district: 'Fatih', status: 'open', createdAt: at('2026-10-20T10:00:00Z') });
const berlinBeds = makeRoom(db, berlin.id, 'mixed', 4).beds;
makeRoom(db, istanbul.id, 'mixed', 2);

type Household = { adultMen?: number; adultWomen?: number; children?: number };
function household(composition: Household, registeredAt: string, values: Parameters<typeof makeArrival>[1] = {}) {
  return makeArrival(db, {
    adultMen: 0,
    adultWomen: 0,
    children: 0,
    ...composition,
    arrivedAt: at(registeredAt),
    createdAt: at(registeredAt),
    ...values,
  });
}

/** A stay written as the app writes it, with its bed-nights (the ledger), before the placement code books nights itself. */
function stay(
  arrivalId: string,
  values: {
    createdAt: string;
    holdUntil: string;
    status?: 'reserved' | 'checked_in';
    firstNight: string;
    departure: string;
    checkedInAt?: string;
  },
) {
  const row = db
    .insert(stays)
    .values({
      arrivalId,
      shelterId: berlin.id,
      status: values.status ?? 'reserved',
      createdAt: at(values.createdAt),
      holdUntil: at(values.holdUntil),
      checkedInAt: values.checkedInAt ? at(values.checkedInAt) : null,
      firstNight: values.firstNight,
      departure: values.departure,
    })
    .returning()
    .get();
  const bed = berlinBeds[sqlite.prepare('select count(*) from stays').pluck().get() as number];
  sqlite.prepare('insert into stay_beds (stay_id, bed_id, held_at) values (?, ?, ?)').run(row.id, bed.id, row.createdAt.getTime());
  sqlite.prepare("update arrivals set status = 'placed' where id = ?").run(arrivalId);
  return row;
}

// A: a woman who registered at 23:30 in Istanbul on the 24th and was never placed.
const alone = household({ adultWomen: 1 }, '2026-10-24T20:30:00Z');
// B: a man registered at the same time, reserved at 00:30 in Istanbul (23:30 on the 24th in Berlin):
// the network's midnight passed before his bed, though the shelter's had not.
const late = household({ adultMen: 1 }, '2026-10-24T20:30:00Z');
stay(late.id, {
  createdAt: '2026-10-24T21:30:00Z',
  holdUntil: '2026-10-25T21:00:00Z',
  status: 'checked_in',
  checkedInAt: '2026-10-24T22:30:00Z',
  firstNight: '2026-10-24',
  departure: '2026-10-27',
});
// C: a man and a woman (adults of both sexes: a family) registered at 00:30 on the 25th, withdrawn
// an hour after the midnight that ended the 25th.
const couple = household({ adultMen: 1, adultWomen: 1 }, '2026-10-24T21:30:00Z');
sqlite.prepare("update arrivals set status = 'cancelled', ended_at = ? where id = ?").run(at('2026-10-25T22:00:00Z').getTime(), couple.id);
// D: a man who asked before his flight; he lands on the 26th.
household({ adultMen: 1 }, '2026-10-23T10:00:00Z', { arrivedAt: at('2026-10-26T08:00:00Z') });
// E: a request a guide judged not genuine.
household({ adultWomen: 1 }, '2026-10-23T10:00:00Z', { status: 'not_genuine', endedAt: at('2026-10-27T10:00:00Z') });
// F: a mother and child whose hold passed at 23:00 Istanbul on the 24th; nothing has marked it expired yet.
const mother = household({ adultWomen: 1, children: 1 }, '2026-10-24T10:00:00Z');
stay(mother.id, {
  createdAt: '2026-10-24T12:00:00Z',
  holdUntil: '2026-10-24T20:00:00Z',
  firstNight: '2026-10-24',
  departure: '2026-10-27',
});
// G: a man who booked ahead: his bed is kept from the 26th, so he is not left without one.
const ahead = household({ adultMen: 1 }, '2026-10-24T10:00:00Z');
stay(ahead.id, { createdAt: '2026-10-24T11:00:00Z', holdUntil: '2026-10-26T20:00:00Z', firstNight: '2026-10-26', departure: '2026-10-29' });

// Searches that found nothing: A twice before the Istanbul midnight (one count) and once after; C once.
write(db, (tx) => {
  recordNoFit(tx, alone, at('2026-10-24T20:45:00Z'));
  recordNoFit(tx, alone, at('2026-10-24T20:50:00Z'));
  recordNoFit(tx, alone, at('2026-10-24T21:05:00Z'));
  recordNoFit(tx, couple, at('2026-10-24T22:00:00Z'));
});

const EXPECTED_24 = { waited: { men: 1, women: 1, families: 1 }, noFit: { men: 0, women: 1, families: 0 } };
const EXPECTED_25 = { waited: { men: 0, women: 1, families: 2 }, noFit: { men: 0, women: 1, families: 1 } };
const pick = (days: ReturnType<typeof unmetHistory>) => Object.fromEntries(days.map(({ day, waited, noFit }) => [day, { waited, noFit }]));

describe('unmet demand, on the network’s days (Istanbul) across Berlin’s clock change', () => {
  it('keeps one search per household per Istanbul day, by kind', () => {
    expect(sqlite.prepare('select day, kind from no_fit_searches order by day, kind').all()).toEqual([
      { day: '2026-10-24', kind: 'women' },
      { day: '2026-10-25', kind: 'families' },
      { day: '2026-10-25', kind: 'women' },
    ]);
  });

  it('counts households left without a bed at each Istanbul midnight before any rollup', () => {
    const days = pick(unmetHistory(db, '2026-10-24', '2026-10-26', NOW));
    expect(days['2026-10-24']).toEqual(EXPECTED_24);
    expect(days['2026-10-25']).toEqual(EXPECTED_25);
    // Today has no midnight behind it yet.
    expect(days['2026-10-26'].waited).toEqual({ men: 0, women: 0, families: 0 });
  });

  it('stores the same counts in the network rows, deletes the counted searches, and keeps today’s', () => {
    write(db, (tx) => recordNoFit(tx, alone, NOW));
    rollUpOccupancy(db, NOW);
    const network = sqlite
      .prepare(
        `select day, unmet_waited_men, unmet_waited_women, unmet_waited_families, no_fit_men, no_fit_women, no_fit_families
           from occupancy_days where scope = 'network' and day in ('2026-10-24', '2026-10-25') order by day`,
      )
      .raw()
      .all();
    expect(network).toEqual([
      ['2026-10-24', 1, 1, 1, 0, 1, 0],
      ['2026-10-25', 0, 1, 2, 0, 1, 1],
    ]);
    expect(sqlite.prepare('select day, kind from no_fit_searches').all()).toEqual([{ day: '2026-10-26', kind: 'women' }]);
    // Shelter rows stay on their own days and carry no unmet demand: it belongs to the network.
    // B's reservation at 21:30Z falls on Berlin's 24th (23:30 CEST), after Istanbul's midnight.
    expect(sqlite.prepare("select placed from occupancy_days where scope = ? and day = '2026-10-24'").pluck().get(berlin.id)).toBe(3);
    expect(
      sqlite
        .prepare(
          "select sum(unmet_waited_men + unmet_waited_women + unmet_waited_families + no_fit_men + no_fit_women + no_fit_families) from occupancy_days where scope <> 'network'",
        )
        .pluck()
        .get(),
    ).toBe(0);

    const days = unmetHistory(db, '2026-10-24', '2026-10-26', NOW);
    expect(pick(days)['2026-10-24']).toEqual(EXPECTED_24);
    expect(pick(days)['2026-10-25']).toEqual(EXPECTED_25);
    expect(pick(days)['2026-10-26'].noFit).toEqual({ men: 0, women: 1, families: 0 });
    expect(totalUnmet(days)).toEqual({ waited: { men: 1, women: 2, families: 3 }, noFit: { men: 0, women: 3, families: 1 } });
  });

  it('is idempotent: a second rollup changes nothing', () => {
    const before = sqlite.prepare("select * from occupancy_days where scope = 'network' order by day").all();
    rollUpOccupancy(db, NOW);
    expect(sqlite.prepare("select * from occupancy_days where scope = 'network' order by day").all()).toEqual(before);
  });

  it('unties an erased household’s searches from it, keeping the day’s count', () => {
    const gone = household({ adultMen: 1 }, '2026-10-26T09:00:00Z');
    write(db, (tx) => recordNoFit(tx, gone, NOW));
    write(db, (tx) => eraseHousehold(tx, gone.id, NOW, null));
    expect(sqlite.prepare('select count(*) from no_fit_searches where arrival_id = ?').pluck().get(gone.id)).toBe(0);
    expect(pick(unmetHistory(db, '2026-10-26', '2026-10-26', NOW))['2026-10-26'].noFit).toEqual({ men: 1, women: 1, families: 0 });
  });
});

describe('the CSV export', () => {
  it('adds the unmet columns, filled on one network total row per day and empty on the shelter rows', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await context.current.signInAs(makeUser(db, 'admin'), NOW.getTime() - 1000);
    const response = await exportCsv(
      new Request('http://localhost:3000/occupancy/export?from=2026-10-24&to=2026-10-25', { headers: context.current.headers() }),
    );
    expect(response.status).toBe(200);
    const [header, ...lines] = (await response.text()).trimEnd().split('\r\n');
    expect(header).toBe(
      'date,shelter,city,district,beds_in_service,occupied,reserved,arrivals,check_ins,check_outs,' +
        'unmet_waited_men,unmet_waited_women,unmet_waited_families,no_fit_men,no_fit_women,no_fit_families,total',
    );
    const rows = lines.map((line) => line.split(','));
    // The network's total rows: no shelter named, "network" in the last column.
    expect(rows.filter((row) => row[16] === 'network').map((row) => [row[0], row[1], ...row.slice(10)])).toEqual([
      ['2026-10-24', '', '1', '1', '1', '0', '1', '0', 'network'],
      ['2026-10-25', '', '0', '1', '2', '0', '1', '1', 'network'],
    ]);
    const shelterRows = rows.filter((row) => row[16] === '');
    expect(shelterRows).toHaveLength(4);
    for (const row of shelterRows) expect(row.slice(10, 16)).toEqual(['', '', '', '', '', '']);
    expect(lines.join('\n')).not.toContain(alone.id);
  });

  it('leaves the unmet columns empty in one shelter’s export', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await context.current.signInAs(makeUser(db, 'admin'), NOW.getTime() - 1000);
    const response = await exportCsv(
      new Request(`http://localhost:3000/occupancy/export?shelter=${berlin.id}&from=2026-10-24&to=2026-10-25`, {
        headers: context.current.headers(),
      }),
    );
    const lines = (await response.text()).trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith(',,,,,,'))).toBe(true);
  });
});
