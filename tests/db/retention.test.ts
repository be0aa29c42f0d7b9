import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { write } from '@/db';
import { registerArrival } from '@/lib/households/intake';
import { occupancyHistory } from '@/lib/occupancy/history';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay, checkIn, checkOut } from '@/lib/placement/stays';
import { eraseHousehold } from '@/lib/privacy/erase';
import { purgeExpiredHouseholds } from '@/lib/privacy/retention';
import { markNotGenuine } from '@/lib/requests/self-register';
import type { ArrivalInput } from '@/lib/validation/arrival';
import { asStaff, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const { db, sqlite, cleanup } = createTestDb();
afterAll(cleanup);
const DAY = 86_400_000;
const START = new Date('2026-10-01T09:00:00Z');
const day = (n: number, hours = 0) => new Date(START.getTime() + n * DAY + hours * 3600_000);
const NOW = day(40);

const shelter = makeShelter(db, { name: 'Fatih', createdAt: day(-1) });
const { beds } = makeRoom(db, shelter.id, 'mixed', 6);
sqlite.prepare('update beds set created_at = ?').run(day(-1).getTime());
const guide = asStaff(makeUser(db, 'guide'));
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);

const secrets = (name: string) => ({ alias: `Alias-${name}`, contact: `@contact_${name}`, needNote: `Note about ${name}` });
const household = (name: string): ArrivalInput =>
  ({
    ...secrets(name),
    adultMen: 1,
    adultWomen: 0,
    children: 0,
    languages: ['ru'],
    needsWheelchair: false,
    hasPet: false,
    arrivedAt: undefined,
  }) as unknown as ArrivalInput;

function register(name: string, at: Date) {
  return write(db, (tx) => registerArrival(tx, guide, household(name), at));
}
function place(arrivalId: string, bed: number, at: Date) {
  return write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds: [beds[bed].id] }, at)).stayId;
}

const ids: Record<string, string> = {};
const logs: string[] = [];

beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error'] as const)
    vi.spyOn(console, method).mockImplementation((...args) => void logs.push(args.join(' ')));
  // Left 20 days before NOW: due.
  ids.leftLongAgo = register('leftLongAgo', day(10));
  const a = place(ids.leftLongAgo, 0, day(10, 1));
  write(db, (tx) => checkIn(tx, host, a, day(10, 2)));
  write(db, (tx) => checkOut(tx, host, a, day(20)));
  // Left 10 days before NOW: kept for now.
  ids.leftRecently = register('leftRecently', day(25));
  const b = place(ids.leftRecently, 1, day(25, 1));
  write(db, (tx) => checkIn(tx, host, b, day(25, 2)));
  write(db, (tx) => checkOut(tx, host, b, day(30)));
  // Reservation cancelled 15 days ago, still waiting since: due, and leaves the queue.
  ids.cancelledWaiting = register('cancelledWaiting', day(24));
  write(db, (tx) => cancelStay(tx, guide, place(ids.cancelledWaiting, 2, day(25)), day(25, 1)));
  // Waiting, never placed: kept.
  ids.neverPlaced = register('neverPlaced', day(5));
  // Marked not genuine 15 days ago: due.
  ids.notGenuine = register('notGenuine', day(24));
  sqlite.prepare('update arrivals set self_registered = 1 where id = ?').run(ids.notGenuine);
  write(db, (tx) => markNotGenuine(tx, guide, ids.notGenuine, day(25)));
  // Staying now: kept.
  ids.staying = register('staying', day(2));
  const f = place(ids.staying, 3, day(2, 1));
  write(db, (tx) => checkIn(tx, host, f, day(2, 2)));
  // Reserved now: kept.
  ids.reserved = register('reserved', NOW);
  place(ids.reserved, 4, NOW);
});

const due = ['leftLongAgo', 'cancelledWaiting', 'notGenuine'];
const kept = ['leftRecently', 'neverPlaced', 'staying', 'reserved'];
const history = () => occupancyHistory(db, { shelterId: shelter.id, timeZone: 'Europe/Istanbul' }, '2026-09-30', '2026-11-10', NOW);
const network = () => occupancyHistory(db, 'network', '2026-09-30', '2026-11-10', NOW);

describe('the retention purge', () => {
  it('erases what identifies households 14 days after they end, and every occupancy figure stays the same', () => {
    const before = { shelter: history(), network: network() };
    expect(before.shelter.some((d) => d.occupied > 0)).toBe(true);
    expect(purgeExpiredHouseholds(db, NOW)).toEqual({ erased: 3, offersErased: 0, retentionDays: 14, needsEnded: 0 });
    expect(history()).toEqual(before.shelter);
    expect(network()).toEqual(before.network);
    rollUpOccupancy(db, NOW);
    expect(history()).toEqual(before.shelter);
  });

  it('leaves no trace of the erased in any table, the audit trail or the logs', () => {
    const dump = snapshot(sqlite);
    for (const name of due) for (const secret of Object.values(secrets(name))) expect(dump).not.toContain(secret);
    for (const name of kept) expect(dump).toContain(secrets(name).alias);
    const audit = JSON.stringify(sqlite.prepare('select * from audit_events').all());
    for (const name of [...due, ...kept]) expect(audit).not.toContain(secrets(name).alias);
    for (const name of due) expect(logs.join('\n')).not.toContain(secrets(name).contact);
  });

  it('keeps counts, dates, party size and shelter; deletes ended links; takes the erased out of the queue', () => {
    const row = sqlite.prepare('select * from arrivals where id = ?').get(ids.cancelledWaiting) as Record<string, unknown>;
    expect(row).toMatchObject({ alias: null, contact: null, need_note: null, adult_men: 1, status: 'cancelled', erased_at: NOW.getTime() });
    const links = sqlite
      .prepare('select count(*) from stays where arrival_id = ? and link_token_hash is not null')
      .pluck()
      .get(ids.leftLongAgo);
    expect(links).toBe(0);
    const staying = sqlite
      .prepare('select count(*) from stays where arrival_id = ? and link_token_hash is not null')
      .pluck()
      .get(ids.staying);
    expect(staying).toBe(1);
  });

  it('is idempotent, and follows the period an admin sets', () => {
    const before = snapshot(sqlite);
    expect(purgeExpiredHouseholds(db, NOW).erased).toBe(0);
    expect(snapshot(sqlite)).toBe(before);
    sqlite.prepare('insert into network_settings (id, retention_days) values (1, 5)').run();
    // Left 10 days ago: due under a five-day period.
    expect(purgeExpiredHouseholds(db, NOW)).toEqual({ erased: 1, offersErased: 0, retentionDays: 5, needsEnded: 0 });
    expect(sqlite.prepare('select erased_at from arrivals where id = ?').pluck().get(ids.leftRecently)).toBe(NOW.getTime());
  });

  it('erases a household at once when asked, once', () => {
    expect(write(db, (tx) => eraseHousehold(tx, ids.neverPlaced, NOW, guide.id))).toBe(true);
    expect(write(db, (tx) => eraseHousehold(tx, ids.neverPlaced, NOW, guide.id))).toBe(false);
    expect(snapshot(sqlite)).not.toContain(secrets('neverPlaced').alias);
  });
});
