import { eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { arrivals, auditEvents, stayBeds, stays } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { markMistaken } from '@/lib/households/mistaken';
import { occupancyHistory } from '@/lib/occupancy/history';
import { householdsDue } from '@/lib/privacy/retention';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

// Fifteen intakes in a row: one household registered twice. The guide takes the second one out.
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-05T21:00:00Z');
const DAY = '2026-10-05';
const guide = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));
const shelter = makeShelter(db);
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
const room = makeRoom(db, shelter.id, 'mixed', 4);

const statusOf = (id: string) => db.select().from(arrivals).where(eq(arrivals.id, id)).get()!;
const registeredOn = () => occupancyHistory(db, 'network', DAY, DAY, NOW)[0].registered;
const refusal = (fn: () => void) => {
  try {
    write(db, fn as never);
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return null;
};

describe('registered by mistake', () => {
  it('ends a waiting household, audited, and it is no longer counted as registered that day', () => {
    const first = makeArrival(db, { createdAt: new Date('2026-10-05T20:00:00Z'), arrivedAt: new Date('2026-10-05T20:00:00Z') });
    const twice = makeArrival(db, { createdAt: new Date('2026-10-05T20:01:00Z'), arrivedAt: new Date('2026-10-05T20:01:00Z') });
    expect(registeredOn()).toBe(2);
    write(db, (tx) => markMistaken(tx, guide, twice.id, NOW));
    expect(statusOf(twice.id)).toMatchObject({ status: 'mistaken', endedAt: NOW });
    expect(statusOf(first.id).status).toBe('waiting');
    expect(registeredOn()).toBe(1);
    const audit = db.select().from(auditEvents).where(eq(auditEvents.entityId, twice.id)).all();
    expect(audit).toEqual([expect.objectContaining({ action: 'arrival.mistaken', actorId: guide.id })]);
    // Retention erases it like any ended household.
    expect(householdsDue(db, new Date(NOW.getTime() + 15 * 86_400_000), 14)).toContain(twice.id);
    expect(householdsDue(db, new Date(NOW.getTime() + 13 * 86_400_000), 14)).not.toContain(twice.id);
  });

  it('frees the beds a reservation held for it at once', () => {
    const arrival = makeArrival(db, { createdAt: NOW, arrivedAt: NOW });
    const stay = makeStay(db, {
      arrivalId: arrival.id,
      shelterId: shelter.id,
      bedIds: room.beds.slice(0, 2).map((bed) => bed.id),
      holdUntil: new Date(NOW.getTime() + 6 * 3600_000),
    });
    // The guide who reserved it.
    db.update(stays).set({ reservedBy: guide.id }).where(eq(stays.id, stay.id)).run();
    write(db, (tx) => markMistaken(tx, guide, arrival.id, NOW));
    expect(db.select().from(stays).where(eq(stays.id, stay.id)).get()).toMatchObject({ status: 'cancelled', endedAt: NOW });
    expect(
      db
        .select()
        .from(stayBeds)
        .where(eq(stayBeds.stayId, stay.id))
        .all()
        .filter((row) => row.releasedAt === null),
    ).toEqual([]);
    expect(sqlite.prepare('select count(*) from bed_nights where stay_id = ?').pluck().get(stay.id)).toBe(0);
    expect(statusOf(arrival.id).status).toBe('mistaken');
  });

  it('is refused for a guest already checked in, for an ended household, and to hosts; nothing is written', () => {
    const guest = makeArrival(db);
    makeStay(db, { arrivalId: guest.id, shelterId: shelter.id, bedIds: [room.beds[3].id], status: 'checked_in' });
    const ended = makeArrival(db);
    write(db, (tx) => markMistaken(tx, admin, ended.id, NOW));
    const waiting = makeArrival(db);
    const before = snapshot(sqlite);
    expect(refusal(() => markMistaken(db, admin, guest.id, NOW))).toBe('alreadyCheckedIn');
    expect(refusal(() => markMistaken(db, guide, ended.id, NOW))).toBe('notFound');
    expect(refusal(() => markMistaken(db, host, waiting.id, NOW))).toBe('notAllowed');
    expect(refusal(() => markMistaken(db, guide, 'no-such-household', NOW))).toBe('notFound');
    expect(snapshot(sqlite)).toEqual(before);
    expect(
      db
        .select()
        .from(arrivals)
        .where(isNull(arrivals.endedAt))
        .all()
        .map((a) => a.id),
    ).toContain(waiting.id);
  });
});
