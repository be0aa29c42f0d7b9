import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed, notFound } from '@/lib/errors';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { mayActOnHousehold } from '@/lib/privacy/shares';

/**
 * A household has one live link. One that asked for a place on the public form keeps the link it
 * asked with: that page shows its stay once it is placed (lib/guest-link/page-data.ts), so a reservation
 * gives it no second link, and a new or a revoked link is this one. Every other household's link is
 * its stay's (lib/placement/links.ts).
 */
export const linkIsRequestLink = (household: { selfRegistered: boolean }) => household.selfRegistered;

/** A stay link the household was given before its request link showed its stay stops working. */
function retireStayLinks(db: Db, arrivalId: string) {
  db.update(stays)
    .set({ linkTokenHash: null, linkExpiresAt: null })
    .where(and(eq(stays.arrivalId, arrivalId), isNotNull(stays.linkTokenHash)))
    .run();
}

/**
 * A new request link: the old one stops working at once (only the new hash is kept), and so does a
 * stay link the household was given before its request link showed its stay. Shown once, as a
 * stay's link is.
 */
export function issueRequestLink(db: Db, arrivalId: string, actorId: string, now: Date): string {
  const token = newLinkToken();
  db.update(arrivals)
    .set({ requestTokenHash: hashLinkToken(token) })
    .where(eq(arrivals.id, arrivalId))
    .run();
  retireStayLinks(db, arrivalId);
  recordAudit(db, { at: now, actorId, action: 'request_link.issue', entity: 'arrival', entityId: arrivalId });
  return token;
}

/** Turns a household's request link off (a lost phone); a new one can be issued later. */
export function revokeRequestLink(db: Db, household: { id: string; requestTokenHash: string | null }, actorId: string, now: Date) {
  if (!household.requestTokenHash) throw new DomainError('linkAlreadyRevoked');
  db.update(arrivals).set({ requestTokenHash: null }).where(eq(arrivals.id, household.id)).run();
  retireStayLinks(db, household.id);
  recordAudit(db, { at: now, actorId, action: 'request_link.revoke', entity: 'arrival', entityId: household.id });
}

/**
 * A new link for a household that asked for a place on the public form and lost the link it was
 * given. Guides and admins, for a household they may act on.
 */
export function reissueRequestLink(db: Db, user: StaffUser, arrivalId: string, now: Date): { token: string; languages: string[] } {
  if (!can(user, 'household.place')) throw notAllowed();
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival || !arrival.selfRegistered || arrival.erasedAt || !mayActOnHousehold(db, user, arrivalId)) throw notFound();
  return { token: issueRequestLink(db, arrival.id, user.id, now), languages: arrival.languages };
}
