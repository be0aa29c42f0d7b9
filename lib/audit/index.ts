import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { auditEvents } from '@/db/schema';
import { newId } from '@/db/schema/columns';

export type AuditActorKind = 'staff' | 'guest' | 'system';

export type AuditInput = {
  at: Date;
  actorId: string | null;
  /** Who acted when no staff member did: the guest through their own link, else Waystation itself. */
  actorKind?: AuditActorKind;
  action: string;
  entity: string;
  entityId?: string | null;
  shelterId?: string | null;
};

const insertEvent = (db: Db) =>
  db
    .insert(auditEvents)
    .values({
      id: sql.placeholder('id'),
      at: sql.placeholder('at'),
      actorId: sql.placeholder('actorId'),
      actorKind: sql.placeholder('actorKind'),
      action: sql.placeholder('action'),
      entity: sql.placeholder('entity'),
      entityId: sql.placeholder('entityId'),
      shelterId: sql.placeholder('shelterId'),
    })
    .prepare();

/**
 * Records who did what. Takes ids only: a name or contact has no place in the audit trail. Every
 * write records one or two events, so the insert is compiled once per connection.
 */
export function recordAudit(db: Db, event: AuditInput): void {
  prepared(db, insertEvent).run({
    ...event,
    id: newId(),
    actorKind: event.actorKind ?? (event.actorId ? 'staff' : 'system'),
    entityId: event.entityId ?? null,
    shelterId: event.shelterId ?? null,
  });
}
