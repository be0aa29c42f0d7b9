import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { loadStaffUser } from '@/lib/auth/staff';
import { acceptInvitation, hashToken, openInvitation } from '@/lib/staff/invitations';
import { migrationsUpTo } from '../support/migrations';

// A database as it stood at migration 0018, when the guide's role was stored as 'coordinator': the
// real migrations up to there, then today's.
const dir = mkdtempSync(join(tmpdir(), 'waystation-role-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-12-07T10:00:00Z');
const SIGNED_IN = NOW.getTime() - 3600_000;

describe("the guide's role, stored as 'guide' from migration 0019", () => {
  const { db, sqlite } = openDatabase(join(dir, 'old.db'));
  migrate(db, { migrationsFolder: migrationsUpTo(dir, '0018_stay_extensions') });
  const add = (table: string, values: Record<string, unknown>) =>
    sqlite
      .prepare(
        `insert into ${table} (${Object.keys(values).join(', ')}) values (${Object.keys(values)
          .map(() => '?')
          .join(', ')})`,
      )
      .run(...Object.values(values));
  add('cities', { id: 'c1', slug: 'yerevan', time_zone: 'Asia/Yerevan', created_at: 0 });
  add('shelters', { id: 's1', name: 'Kentron Flat', district: 'Kentron', time_zone: 'Asia/Yerevan', city_id: 'c1', created_at: 0 });
  const person = (id: string, role: string) =>
    add('users', { id, email: `${id}@x.test`, name: id, password_hash: 'x', role, created_at: 0 });
  person('anna', 'coordinator');
  person('boris', 'host');
  person('vera', 'admin');
  add('staff_cities', { user_id: 'anna', city_id: 'c1' });
  add('shelter_members', { user_id: 'boris', shelter_id: 's1' });
  add('recovery_codes', { id: 'r1', user_id: 'anna', code_hash: 'h', created_at: 0 });
  add('invitations', {
    id: 'i1',
    token_hash: hashToken('token-1'),
    email: 'new@x.test',
    role: 'coordinator',
    invited_by: 'vera',
    expires_at: NOW.getTime() + 86_400_000,
    created_at: 0,
  });
  add('invitation_cities', { invitation_id: 'i1', city_id: 'c1' });
  const countOf = (table: string) => sqlite.prepare(`select count(*) from ${table}`).pluck().get();
  const before = Object.fromEntries(['staff_cities', 'shelter_members', 'recovery_codes', 'invitation_cities'].map((t) => [t, countOf(t)]));

  migrateDatabase(db, NOW);

  it("turns every 'coordinator' into 'guide', in accounts and invitations, and leaves the others as they were", () => {
    expect(sqlite.prepare('select id, role from users order by id').all()).toEqual([
      { id: 'anna', role: 'guide' },
      { id: 'boris', role: 'host' },
      { id: 'vera', role: 'admin' },
    ]);
    expect(sqlite.prepare('select role, invited_by as invitedBy from invitations').get()).toEqual({ role: 'guide', invitedBy: 'vera' });
    expect(() => person('old', 'coordinator')).toThrow(/CHECK constraint failed: users_role/);
  });

  it('keeps every row that points at an account: cities held, shelters, recovery codes, an invitation’s cities', () => {
    expect(Object.fromEntries(Object.keys(before).map((t) => [t, countOf(t)]))).toEqual(before);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('lets a session from before the upgrade go on, as a guide of the same city', () => {
    expect(loadStaffUser(db, { userId: 'anna', signedInAt: SIGNED_IN }, NOW)).toMatchObject({ role: 'guide', cityIds: ['c1'] });
    expect(loadStaffUser(db, { userId: 'boris', signedInAt: SIGNED_IN }, NOW)).toMatchObject({ role: 'host', shelterIds: ['s1'] });
  });

  it('lets an invitation sent before the upgrade make a guide', () => {
    expect(openInvitation(db, 'token-1', NOW)).toMatchObject({ role: 'guide' });
    expect(acceptInvitation(db, { token: 'token-1', name: 'New guide', passwordHash: 'x' }, NOW)).toMatchObject({ role: 'guide' });
    expect(
      sqlite.prepare("select city_id from staff_cities where user_id = (select id from users where email = 'new@x.test')").pluck().all(),
    ).toEqual(['c1']);
  });

  it('still cascades as before once migrated: removing an account removes what was only theirs', () => {
    sqlite.prepare("delete from users where id = 'boris'").run();
    expect(countOf('shelter_members')).toBe(0);
  });
});
