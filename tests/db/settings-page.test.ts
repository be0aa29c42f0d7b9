import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { saveIdleMinutes } from '@/lib/auth/idle-setting';
import { settingsPage } from '@/lib/auth/settings-page';
import { saveSecondFactorPolicy } from '@/lib/requests/settings';
import { asStaff, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T12:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const shelter = makeShelter(db, { cityId: istanbul });
const admin = asStaff(makeUser(db, 'admin'));
const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul] }), [], [istanbul]);
const guide = asStaff(makeUser(db, 'guide'));
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);

describe("the settings page's view", () => {
  it('gives an admin of every city what every city lives by, as last saved', () => {
    write(db, (tx) => saveIdleMinutes(tx, admin, 45, NOW));
    write(db, (tx) => saveSecondFactorPolicy(tx, admin, 'admins', NOW));
    const { network } = settingsPage(db, admin)!;
    expect(network).toMatchObject({ idleMinutes: 45, settings: { secondFactor: 'admins' } });
    expect(network!.requestsPerAddress).toBeGreaterThan(0);
    expect(network!.requestsPerSharedAddress).toBeGreaterThan(network!.requestsPerAddress);
  });

  it('gives an admin of some cities none of it: only the way to their cities and meeting points', () => {
    expect(settingsPage(db, istanbulAdmin)).toEqual({ network: null });
  });

  it('is nothing for a guide or a host', () => {
    expect(settingsPage(db, guide)).toBeNull();
    expect(settingsPage(db, host)).toBeNull();
  });
});
