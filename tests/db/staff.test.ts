import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditEvents, invitations, shelterMembers, users } from '@/db/schema';
import { loadStaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { changeRole, disableAccount, enableAccount, endSessions } from '@/lib/staff/accounts';
import { acceptInvitation, createInvitation, openInvitation } from '@/lib/staff/invitations';
import { asStaff, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T12:00:00Z');
const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);
const admin = asStaff(makeUser(db, 'admin'));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('inviting staff', () => {
  it('a host invitation becomes an account bound to the chosen shelters, once', () => {
    const shelter = makeShelter(db);
    const { token, expiresAt } = createInvitation(db, admin, { email: 'ayse@example.test', role: 'host', shelterIds: [shelter.id] }, NOW);
    expect(expiresAt).toEqual(later(7 * 24));
    expect(token.length).toBeGreaterThanOrEqual(43);
    // Only a hash of the token is stored.
    expect(JSON.stringify(db.select().from(invitations).all())).not.toContain(token);

    const { userId } = acceptInvitation(db, { token, name: 'Ayşe', passwordHash: 'hash' }, later(1));
    const user = db.select().from(users).where(eq(users.id, userId)).get();
    expect(user).toMatchObject({ email: 'ayse@example.test', name: 'Ayşe', role: 'host' });
    expect(db.select().from(shelterMembers).where(eq(shelterMembers.userId, userId)).all()).toEqual([{ userId, shelterId: shelter.id }]);

    const before = snapshot(sqlite);
    expect(codeOf(() => acceptInvitation(db, { token, name: 'Again', passwordHash: 'hash' }, later(2)))).toBe('invitationInvalid');
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('an invitation expires after 7 days', () => {
    const { token } = createInvitation(db, admin, { email: 'late@example.test', role: 'guide', shelterIds: [] }, NOW);
    expect(openInvitation(db, token, later(7 * 24 - 1))).toBeDefined();
    expect(openInvitation(db, token, later(7 * 24))).toBeUndefined();
    expect(codeOf(() => acceptInvitation(db, { token, name: 'Late', passwordHash: 'h' }, later(7 * 24 + 1)))).toBe('invitationInvalid');
  });

  it('a new invitation for the same email replaces the open one', () => {
    const first = createInvitation(db, admin, { email: 'twice@example.test', role: 'guide', shelterIds: [] }, NOW);
    const second = createInvitation(db, admin, { email: 'twice@example.test', role: 'guide', shelterIds: [] }, later(1));
    expect(openInvitation(db, first.token, later(2))).toBeUndefined();
    expect(openInvitation(db, second.token, later(2))).toBeDefined();
  });

  it('refuses an email that already has an account, an unknown shelter, and a non-admin inviter', () => {
    const existing = makeUser(db, 'guide');
    expect(codeOf(() => createInvitation(db, admin, { email: existing.email, role: 'host', shelterIds: [] }, NOW))).toBe('emailTaken');
    expect(codeOf(() => createInvitation(db, admin, { email: 'x@example.test', role: 'host', shelterIds: ['nope'] }, NOW))).toBe('invalid');
    const host = asStaff(makeUser(db, 'host'));
    expect(codeOf(() => createInvitation(db, host, { email: 'y@example.test', role: 'admin', shelterIds: [] }, NOW))).toBe('notAllowed');
  });
});

describe('disabling and signing out', () => {
  it('a disabled account is refused at its next request even with a session issued before', () => {
    const host = makeUser(db, 'host');
    const session = { userId: host.id, signedInAt: NOW.getTime() };
    expect(loadStaffUser(db, session, later(4))?.id).toBe(host.id);
    disableAccount(db, admin, host.id, later(1));
    expect(loadStaffUser(db, session, later(4))).toBeNull();
    expect(
      db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, host.id))
        .all()
        .map((e) => e.action),
    ).toEqual(['user.disable']);

    // Enabled again, the old session stays void: the person signs in afresh.
    enableAccount(db, admin, host.id, later(2));
    expect(loadStaffUser(db, session, later(4))).toBeNull();
    expect(loadStaffUser(db, { userId: host.id, signedInAt: later(3).getTime() }, later(4))?.id).toBe(host.id);
  });

  it('signing out voids every session issued before, not later ones', () => {
    const guide = makeUser(db, 'guide');
    endSessions(db, guide.id, later(1));
    expect(loadStaffUser(db, { userId: guide.id, signedInAt: NOW.getTime() }, later(4))).toBeNull();
    expect(loadStaffUser(db, { userId: guide.id, signedInAt: later(2).getTime() }, later(4))?.role).toBe('guide');
  });

  it('a role change takes effect at the next request and resets shelter membership', () => {
    const shelter = makeShelter(db);
    const user = makeUser(db, 'guide');
    changeRole(db, admin, { userId: user.id, role: 'host', shelterIds: [shelter.id] }, NOW);
    expect(loadStaffUser(db, { userId: user.id, signedInAt: NOW.getTime() }, later(4))).toMatchObject({
      role: 'host',
      shelterIds: [shelter.id],
    });
    changeRole(db, admin, { userId: user.id, role: 'guide', shelterIds: [shelter.id] }, NOW);
    expect(loadStaffUser(db, { userId: user.id, signedInAt: NOW.getTime() }, later(4))).toMatchObject({
      role: 'guide',
      shelterIds: [],
    });
  });

  it('an admin cannot disable or demote themselves', () => {
    expect(codeOf(() => disableAccount(db, admin, admin.id, NOW))).toBe('notYourself');
    expect(codeOf(() => changeRole(db, admin, { userId: admin.id, role: 'host', shelterIds: [] }, NOW))).toBe('notYourself');
  });
});

describe('a new installation', () => {
  it('gets its first admin through an invitation the operator creates', () => {
    const { token } = createInvitation(db, 'operator', { email: 'first-admin@example.test', role: 'admin', shelterIds: [] }, NOW);
    const { userId, role } = acceptInvitation(db, { token, name: 'First', passwordHash: 'hash' }, later(1));
    expect(role).toBe('admin');
    expect(db.select().from(invitations).where(eq(invitations.email, 'first-admin@example.test')).get()?.invitedBy).toBeNull();
    expect(
      db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'invitation.create'))
        .all()
        .some((e) => e.actorId === null),
    ).toBe(true);
    expect(loadStaffUser(db, { userId, signedInAt: later(2).getTime() }, later(4))?.role).toBe('admin');
  });
});
