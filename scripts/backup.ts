import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '../db';

// `npm run backup [-- path]`: a consistent copy of DATABASE_PATH while the app keeps serving, made
// with SQLite's online backup API (readers and writers carry on; the copy is one moment's state),
// then checked with PRAGMA integrity_check. Without a path, or with a directory, the copy is named
// waystation-YYYYMMDD-HHMMSS.db (UTC) under ./backups or that directory.

const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/-|:/g, '')
    .replace('T', '-');

export function backupPath(argument: string | undefined, now: Date): string {
  const name = `waystation-${stamp(now)}.db`;
  if (!argument) return resolve('backups', name);
  const path = resolve(argument);
  return existsSync(path) && statSync(path).isDirectory() ? join(path, name) : path;
}

export async function backupDatabase(source: string, target: string): Promise<{ path: string; bytes: number }> {
  if (!existsSync(source)) throw new Error(`No database at ${source} (set DATABASE_PATH).`);
  if (existsSync(target)) throw new Error(`${target} exists already; a backup never overwrites a file.`);
  mkdirSync(dirname(target), { recursive: true });
  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    // Every page in one step (the first step only counts them). A step is one read transaction, so
    // writers carry on; copying in small steps instead would restart whenever another process writes
    // in between, and a busy app could starve the backup.
    await live.backup(target, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new Database(target);
  try {
    // One self-contained file: no -wal beside it.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The copy at ${target} failed integrity_check: ${String(check)}`);
  } catch (error) {
    copy.close();
    rmSync(target, { force: true });
    throw error;
  }
  copy.close();
  return { path: target, bytes: statSync(target).size };
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('scripts/backup.ts')) {
  const target = backupPath(process.argv[2], new Date());
  backupDatabase(databasePath(), target).then(
    ({ path, bytes }) => console.log(`Backup written: ${path} (${(bytes / 1024).toFixed(0)} KiB, integrity ok)`),
    (error: Error) => {
      console.error(`Backup failed: ${error.message}`);
      process.exit(1);
    },
  );
}
