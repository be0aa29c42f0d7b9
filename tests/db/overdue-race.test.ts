import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { createTestDb } from '../support/test-db';
import { workerScript } from '../support/worker-script';

// Guides in several OS processes, each with its own connection, race for the bed of a guest past
// their departure (and for the one free bed beside it, so that the race is real): nobody gets the
// guest's bed, exactly one gets the free one.
const GUIDES = 4;
// 00:30 on 7 Dec 2026 in Istanbul, just past midnight: tonight is 7 Dec; the guest was due out on the 6th.
const NOW = new Date('2026-12-06T21:30:00Z');

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const guide = makeUser(db, 'guide');
const shelter = makeShelter(db, { status: 'open', timeZone: 'Europe/Istanbul', checkInFrom: '12:00', checkInUntil: '04:00' });
const { beds } = makeRoom(db, shelter.id, 'mixed', 2);
makeDatedStay(db, {
  shelterId: shelter.id,
  bedIds: [beds[0].id],
  status: 'checked_in',
  firstNight: '2026-12-03',
  departure: '2026-12-06',
  alias: 'Nikolai',
  holdUntil: new Date('2027-01-01T00:00:00Z'),
});
const households = Array.from({ length: GUIDES }, (_, i) => makeArrival(db, { alias: `Racer ${i}` }).id);

function runGuide(arrivalId: string): Promise<{ overdueBed: string; freeBed: string }> {
  const worker = join(__dirname, '..', 'support', 'overdue-race-worker.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [workerScript(worker), test.path, guide.id, arrivalId, beds[0].id, beds[1].id, NOW.toISOString()],
      {
        cwd: join(__dirname, '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`guide exited ${code}: ${err}`))));
  });
}

describe('guides racing for the bed of a guest past their departure', () => {
  it(`${GUIDES} processes at once: none gets it, each is told why, and exactly one gets the free bed beside it`, async () => {
    const results = await Promise.all(households.map(runGuide));
    expect(results.map((r) => r.overdueBed)).toEqual(households.map(() => 'guestStillInBed'));
    expect(results.filter((r) => r.freeBed === 'reserved')).toHaveLength(1);
    expect(results.filter((r) => r.freeBed !== 'reserved').map((r) => r.freeBed)).toEqual(Array(GUIDES - 1).fill('bedsTaken'));
    expect(sqlite.prepare('select count(*) from bed_nights where bed_id = ?').pluck().get(beds[0].id)).toBe(3);
  }, 120_000);
});
