import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { invitationCities, invitations, invitationShelters, shelterMembers, shelters, staffCities, users, type Role } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { cityScopeOf } from '@/lib/cities/scope';
import { DomainError, notAllowed } from '@/lib/errors';
import { assertGivableCities, assertGivableShelters, invitationReach, withinScope } from './scope';

export const INVITATION_DAYS = 7;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

function assertShelters(db: Db, shelterIds: string[]) {
  if (shelterIds.length === 0) return;
  const found = db.select({ id: shelters.id }).from(shelters).where(inArray(shelters.id, shelterIds)).all();
  if (found.length !== shelterIds.length) throw new DomainError('invalid', 'shelterIds');
}

/**
 * Creates a one-time invitation and returns its token: only its hash is stored. The inviter is an
 * admin, or 'operator' for whoever runs the server (`npm run invite-admin`), which is how a new
 * installation gets its first admin. A guide or admin is invited for some cities or (none) all of
 * them; an admin of some cities invites only into those.
 */
export function createInvitation(
  db: Db,
  inviter: StaffUser | 'operator',
  input: { email: string; role: Role; shelterIds: string[]; cityIds?: string[] },
  now: Date,
): { token: string; expiresAt: Date } {
  if (inviter !== 'operator' && !can(inviter, 'staff.manage')) throw notAllowed();
  const inviterId = inviter === 'operator' ? null : inviter.id;
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    throw new DomainError('emailTaken', 'email');
  }
  const shelterIds = input.role === 'host' ? input.shelterIds : [];
  const cityIds = input.role === 'host' ? [] : (input.cityIds ?? []);
  assertShelters(db, shelterIds);
  if (inviter !== 'operator') {
    assertGivableShelters(db, inviter, shelterIds);
    if (input.role !== 'host') assertGivableCities(db, inviter, cityIds);
  }
  // A new invitation replaces any earlier one still open for the same email.
  db.update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .run();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000);
  const invitation = db
    .insert(invitations)
    .values({ tokenHash: hashToken(token), email: input.email, role: input.role, invitedBy: inviterId, expiresAt, createdAt: now })
    .returning()
    .get();
  if (shelterIds.length > 0) {
    db.insert(invitationShelters)
      .values(shelterIds.map((shelterId) => ({ invitationId: invitation.id, shelterId })))
      .run();
  }
  if (cityIds.length > 0)
    db.insert(invitationCities)
      .values(cityIds.map((cityId) => ({ invitationId: invitation.id, cityId })))
      .run();
  recordAudit(db, { at: now, actorId: inviterId, action: 'invitation.create', entity: 'invitation', entityId: invitation.id });
  return { token, expiresAt };
}

/** The invitation behind a token if it can still be used; unknown, used, revoked and expired look alike. */
export function openInvitation(db: Db, token: string, now: Date) {
  return db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .get();
}

export function acceptInvitation(
  db: Db,
  input: { token: string; name: string; passwordHash: string; email?: string },
  now: Date,
): { userId: string; email: string; role: Role } {
  const invitation = openInvitation(db, input.token, now);
  if (!invitation) throw new DomainError('invitationInvalid');
  // An invitation naming no address (a home's host) lets its holder choose the one they sign in with.
  const email = invitation.email || input.email;
  if (!email) throw new DomainError('required', 'email');
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new DomainError(invitation.email ? 'invitationInvalid' : 'emailTaken', invitation.email ? undefined : 'email');
  }
  const user = db
    .insert(users)
    .values({ email, name: input.name, passwordHash: input.passwordHash, role: invitation.role, createdAt: now })
    .returning()
    .get();
  const shelterIds = db
    .select({ shelterId: invitationShelters.shelterId })
    .from(invitationShelters)
    .where(eq(invitationShelters.invitationId, invitation.id))
    .all();
  if (shelterIds.length > 0) {
    db.insert(shelterMembers)
      .values(shelterIds.map(({ shelterId }) => ({ userId: user.id, shelterId })))
      .run();
  }
  const cityIds = db
    .select({ cityId: invitationCities.cityId })
    .from(invitationCities)
    .where(eq(invitationCities.invitationId, invitation.id))
    .all();
  if (cityIds.length > 0 && user.role !== 'host') {
    db.insert(staffCities)
      .values(cityIds.map(({ cityId }) => ({ userId: user.id, cityId })))
      .run();
  }
  db.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'invitation.accept', entity: 'invitation', entityId: invitation.id });
  return { userId: user.id, email: user.email, role: user.role };
}

export function revokeInvitation(db: Db, admin: StaffUser, invitationId: string, now: Date): void {
  if (!can(admin, 'staff.manage')) throw notAllowed();
  if (!withinScope(cityScopeOf(admin), invitationReach(db).get(invitationId))) throw new DomainError('notFound');
  const result = db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .run();
  if (result.changes === 0) throw new DomainError('notFound');
  recordAudit(db, { at: now, actorId: admin.id, action: 'invitation.revoke', entity: 'invitation', entityId: invitationId });
}

/** Open invitations the admin may see: those into the admin's cities only, for an admin of some cities. */
export function pendingInvitations(db: Db, admin: StaffUser, now: Date) {
  const scope = cityScopeOf(admin);
  const reach = invitationReach(db);
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .all()
    .filter((invitation) => withinScope(scope, reach.get(invitation.id)))
    .map((invitation) => ({ ...invitation, cities: invitation.role === 'host' ? [] : (reach.get(invitation.id) ?? 'all') }));
}

/** The cities an open invitation gives (none: every city), for the invitation page. */
export const invitationCityIds = (db: Db, invitationId: string) =>
  db
    .select({ id: invitationCities.cityId })
    .from(invitationCities)
    .where(eq(invitationCities.invitationId, invitationId))
    .all()
    .map((row) => row.id);
