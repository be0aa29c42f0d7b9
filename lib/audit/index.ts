import type { Db } from '@/db';
import { auditEvents } from '@/db/schema';

export type AuditInput = {
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  shelterId?: string | null;
};

/** Records who did what. Takes ids only: a name or contact has no place in the audit trail. */
export function recordAudit(db: Db, event: AuditInput): void {
  db.insert(auditEvents)
    .values({ ...event, entityId: event.entityId ?? null, shelterId: event.shelterId ?? null })
    .run();
}
