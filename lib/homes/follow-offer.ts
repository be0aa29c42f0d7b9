import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters, type OfferRow } from '@/db/schema';
import type { OfferStatus } from '@/db/schema/enums';
import { recordAudit } from '@/lib/audit';
import { homeOf } from './make-home';

/**
 * The home follows its offer out of "active": paused while the offer may come back (paused, sent back
 * to contacted or verified), closed once it is over (withdrawn, declined). Either way it takes no new
 * booking, and the bookings it has stay: their guides see it at once on their queue (lib/homes/alerts.ts).
 */
export function homeLeavesActive(db: Db, offer: Pick<OfferRow, 'shelterId'>, status: OfferStatus, actorId: string | null, now: Date): void {
  if (status === 'active') return;
  const home = homeOf(db, offer);
  if (!home) return;
  const next = status === 'withdrawn' || status === 'declined' ? 'closed' : 'paused';
  if (home.status === next || home.status === 'closed') return;
  db.update(shelters).set({ status: next }).where(eq(shelters.id, home.id)).run();
  recordAudit(db, {
    at: now,
    actorId,
    actorKind: actorId ? 'staff' : 'guest',
    action: `home.${next === 'closed' ? 'close' : 'pause'}`,
    entity: 'shelter',
    entityId: home.id,
    shelterId: home.id,
  });
}
