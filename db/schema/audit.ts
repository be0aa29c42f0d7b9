import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './columns';

/** Who did what, when. Never a name or a contact: only ids and action names. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: id(),
    at: timestamp('at').notNull(),
    actorId: text('actor_id'),
    // A staff member (actor_id), the guest through their own link, or Waystation's own jobs.
    actorKind: text('actor_kind', { enum: ['staff', 'guest', 'system'] })
      .notNull()
      .default('staff'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    shelterId: text('shelter_id'),
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_shelter').on(t.shelterId, t.at),
    index('audit_events_actor').on(t.actorId, t.at),
    index('audit_events_action').on(t.action, t.at),
  ],
);
