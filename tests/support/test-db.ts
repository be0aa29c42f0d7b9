import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';

/** A fresh SQLite file with the real migrations, removed when the test file is done. */
export function createTestDb() {
  const dir = mkdtempSync(join(tmpdir(), 'waystation-test-'));
  const path = join(dir, 'test.db');
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  return {
    db,
    sqlite,
    path,
    cleanup() {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, for proving that a refused call wrote nothing. */
export function snapshot(sqlite: ReturnType<typeof openDatabase>['sqlite'], ignore: string[] = []): string {
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .all() as { name: string }[];
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    if (ignore.includes(name)) continue;
    // A WITHOUT ROWID table (room_nights) has no rowid; its own scan follows its primary key.
    const withoutRowid = (sqlite.prepare('select "wr" from pragma_table_list where name = ?').pluck().get(name) ?? 0) === 1;
    dump[name] = sqlite.prepare(`select * from "${name}"${withoutRowid ? '' : ' order by rowid'}`).all();
  }
  return JSON.stringify(dump);
}

/**
 * How many transactions other connections have committed to the file since `sqlite` opened it
 * (SQLite's data_version): the same before and after a server action (which writes through the app's
 * own connection) means the action committed nothing at all, a stricter test than comparing every
 * row, and one that costs nothing however many rows earlier tests left behind.
 */
export function commitsSeen(sqlite: ReturnType<typeof openDatabase>['sqlite']): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}
