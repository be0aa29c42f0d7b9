import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { createTestDb } from '../support/test-db';
import { checkReservations, ROOT, seedPairs, startWriter, until } from '../support/writers';

// `npm run backup` while three OS processes reserve beds as fast as they can: the copy, restored as
// the README says, is sound and holds every reservation acknowledged before the backup began.
const WRITERS = 3;
const PAIRS_PER_WRITER = 4000;

const test = createTestDb();
const dir = mkdtempSync(join(tmpdir(), 'waystation-backup-'));
afterAll(() => {
  test.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function runBackup(target: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'backup.ts'), target], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: test.path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('backup while serving', () => {
  it(`a backup taken during a burst of reservations by ${WRITERS} processes restores with every acknowledged reservation`, async () => {
    const { guideId, pairs } = seedPairs(test.db, WRITERS * PAIRS_PER_WRITER);
    // A slow reader (an export, say) keeps its snapshot from before the burst, so no reservation can be
    // checkpointed into the database file: they all live in the -wal, where a copy of the file misses them.
    const reader = new Database(test.path, { readonly: true });
    reader.exec('begin');
    reader.prepare('select count(*) from stays').get();
    const writers = Array.from({ length: WRITERS }, (_, i) =>
      startWriter(test.path, guideId, pairs.slice(i * PAIRS_PER_WRITER, (i + 1) * PAIRS_PER_WRITER), dir, `writer${i}`),
    );
    const acked = () => writers.flatMap((w) => w.acks());
    await until(() => acked().length >= 100, 'the burst to get going');

    // Everything in the logs now was committed before the backup process even started.
    const before = acked();
    const target = join(dir, 'backups', 'copy.db');
    const backup = await runBackup(target);
    const atBackupEnd = acked().length;
    writeFileSync(join(dir, 'stop'), '');
    const exits = await Promise.all(writers.map((w) => w.exited));
    reader.exec('commit');
    reader.close();

    expect(backup).toMatchObject({ code: 0, out: expect.stringContaining(`Backup written: ${target}`) });
    expect(exits.map(({ code, stderr }) => ({ code, stderr }))).toEqual(writers.map(() => ({ code: 0, stderr: '' })));
    // The writers kept committing while the backup ran: it was taken during the burst, not after it.
    expect(atBackupEnd).toBeGreaterThan(before.length);
    expect(acked().length).toBeLessThan(pairs.length);

    // Restore as the README says: the copy in place of the database file, no -wal or -shm, migrate on start.
    const restored = join(dir, 'restored', 'waystation.db');
    mkdirSync(dirname(restored));
    copyFileSync(target, restored);
    expect(existsSync(`${target}-wal`)).toBe(false);
    const { db, sqlite } = openDatabase(restored);
    migrateDatabase(db);
    const copy = checkReservations(sqlite, before);
    sqlite.close();
    expect(copy).toMatchObject({
      integrity: 'ok',
      foreignKeyProblems: 0,
      missing: [],
      doubleHeldBeds: 0,
      staysWithoutBed: 0,
      placedWithoutStay: 0,
    });
    expect(copy.stays).toBeGreaterThanOrEqual(before.length);
    expect(copy.stays).toBeLessThanOrEqual(atBackupEnd + WRITERS);

    // The live database lost nothing either.
    expect(checkReservations(test.sqlite, acked())).toMatchObject({ integrity: 'ok', missing: [], doubleHeldBeds: 0, staysWithoutBed: 0 });
    console.log(`backup: ${before.length} reservations acknowledged before it began, ${copy.stays} in the copy, ${acked().length} in all`);
  }, 60_000);
});
