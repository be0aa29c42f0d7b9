import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed, notFound } from '@/lib/errors';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { mayActOnHousehold } from '@/lib/privacy/shares';

/**
 * A new link for a household that asked for a place on the public form and lost the link it was
 * given: the old one stops working at once (only the new hash is kept), the new one is shown once,
 * as a stay's link is (lib/placement/links.ts). Guides and admins, for a household they may act on.
 */
export function reissueRequestLink(db: Db, user: StaffUser, arrivalId: string, now: Date): { token: string; languages: string[] } {
  if (user.role !== 'coordinator' && user.role !== 'admin') throw notAllowed();
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival || !arrival.selfRegistered || arrival.erasedAt || !mayActOnHousehold(db, user, arrivalId)) throw notFound();
  const token = newLinkToken();
  db.update(arrivals)
    .set({ requestTokenHash: hashLinkToken(token) })
    .where(eq(arrivals.id, arrival.id))
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'request_link.issue', entity: 'arrival', entityId: arrival.id });
  return { token, languages: arrival.languages };
}
