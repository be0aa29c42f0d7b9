import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { invitations, invitationShelters, shelterMembers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hashToken, INVITATION_DAYS } from '@/lib/staff/invitations';

/**
 * A one-time invitation for the person who offered the home, to sign in as its host: staff pass the
 * link on by phone or Telegram (an offer has no e-mail), so the invitation names none (empty) and
 * whoever opens it chooses the address they sign in with. Issued while the home has no host yet; a new
 * one replaces the home's earlier open one. Returns the token, which only its hash outlives.
 */
export function inviteHomeHost(db: Db, actorId: string, shelterId: string, now: Date): string | null {
  if (db.select({ userId: shelterMembers.userId }).from(shelterMembers).where(eq(shelterMembers.shelterId, shelterId)).get()) return null;
  const earlier = db
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(invitationShelters, eq(invitationShelters.invitationId, invitations.id))
    .where(
      and(
        eq(invitationShelters.shelterId, shelterId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .all()
    .map((row) => row.id);
  if (earlier.length > 0) db.update(invitations).set({ revokedAt: now }).where(inArray(invitations.id, earlier)).run();
  const token = randomBytes(32).toString('base64url');
  const invitation = db
    .insert(invitations)
    .values({
      tokenHash: hashToken(token),
      email: '',
      role: 'host',
      invitedBy: actorId,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000),
      createdAt: now,
    })
    .returning({ id: invitations.id })
    .get();
  db.insert(invitationShelters).values({ invitationId: invitation.id, shelterId }).run();
  recordAudit(db, { at: now, actorId, action: 'invitation.create', entity: 'invitation', entityId: invitation.id, shelterId });
  return token;
}
