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
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
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
