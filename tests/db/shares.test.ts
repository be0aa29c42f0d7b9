import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { checkIn, cancelStay, renewStayLink } from '@/lib/placement/stays';
import { reserveBeds } from '@/lib/placement/reserve';
import { forgetHousehold } from '@/lib/privacy/forget';
import { guideMayOpen, revealedTo, revealHousehold, seesGuestAt, seesHousehold } from '@/lib/privacy/shares';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const { db, sqlite, cleanup } = createTestDb();
afterAll(cleanup);
const NOW = new Date('2026-11-26T18:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const shelter = makeShelter(db, { status: 'open' });
const { beds } = makeRoom(db, shelter.id, 'mixed', 4);
const guideA = asStaff(makeUser(db, 'coordinator'));
const guideB = asStaff(makeUser(db, 'coordinator'));
const admin = asStaff(makeUser(db, 'admin'));
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
const otherHost = asStaff(makeUser(db, 'host'), []);

const placedByA = makeArrival(db, { alias: 'Placed by A' });
const stayId = write(db, (tx) => reserveBeds(tx, guideA, { arrivalId: placedByA.id, bedIds: [beds[0].id] }, NOW)).stayId;
const stay = () => sqlite.prepare('select status, reserved_by as reservedBy from stays where id = ?').get(stayId) as { status: string; reservedBy: string };
const waiting = makeArrival(db, { alias: 'Waiting one' });

describe('each role sees its share', () => {
  it('a guide sees the waiting list and their own placements until check-in', () => {
    expect(seesHousehold(guideB, { status: 'waiting' }, null, false)).toBe(true);
    expect(seesHousehold(guideA, { status: 'placed' }, stay(), false)).toBe(true);
    expect(seesHousehold(guideB, { status: 'placed' }, stay(), false)).toBe(false);
    expect(guideMayOpen(guideB, { status: 'placed' }, stay())).toBe(false);
    expect(seesGuestAt(guideA, shelter.id, stay())).toBe(true);
    expect(seesGuestAt(host, shelter.id, stay())).toBe(true);
    expect(seesGuestAt(otherHost, shelter.id, stay())).toBe(false);
    expect(seesGuestAt(admin, shelter.id, stay())).toBe(false);
  });

  it('another guide can neither change nor erase a placement that is not theirs, and writes nothing trying', () => {
    const before = snapshot(sqlite);
    expect(() => write(db, (tx) => cancelStay(tx, guideB, stayId, NOW))).toThrow('notAllowed');
    expect(() => write(db, (tx) => renewStayLink(tx, guideB, stayId, NOW))).toThrow('notAllowed');
    expect(() => write(db, (tx) => forgetHousehold(tx, guideB, placedByA.id, NOW))).toThrow('notFound');
    expect(snapshot(sqlite)).toBe(before);
  });

  it('once checked in, the household is the hosts\u2019: its guide no longer sees or changes it', () => {
    write(db, (tx) => checkIn(tx, host, stayId, later(30)));
    expect(seesHousehold(guideA, { status: 'placed' }, stay(), false)).toBe(false);
    expect(seesGuestAt(guideA, shelter.id, stay())).toBe(false);
    expect(() => write(db, (tx) => renewStayLink(tx, guideA, stayId, later(31)))).toThrow('notAllowed');
  });

  it('an admin sees details only after asking, which is audited, and only for a while', () => {
    expect(seesHousehold(admin, { status: 'waiting' }, null, revealedTo(db, admin, waiting.id, NOW))).toBe(false);
    expect(() => write(db, (tx) => revealHousehold(tx, guideA, waiting.id, NOW))).toThrow('notAllowed');
    write(db, (tx) => revealHousehold(tx, admin, waiting.id, NOW));
    const audit = sqlite.prepare("select actor_id, entity_id from audit_events where action = 'household.reveal'").all();
    expect(audit).toEqual([{ actor_id: admin.id, entity_id: waiting.id }]);
    expect(revealedTo(db, admin, waiting.id, later(14))).toBe(true);
    expect(revealedTo(db, admin, waiting.id, later(16))).toBe(false);
    expect(revealedTo(db, admin, placedByA.id, later(1))).toBe(false);
  });

  it('a guide erases a waiting household at once; it leaves the queue, and a second try finds nothing', () => {
    write(db, (tx) => forgetHousehold(tx, guideB, waiting.id, NOW));
    const row = sqlite.prepare('select alias, status, erased_at from arrivals where id = ?').get(waiting.id);
    expect(row).toEqual({ alias: null, status: 'cancelled', erased_at: NOW.getTime() });
    expect(() => write(db, (tx) => forgetHousehold(tx, guideB, waiting.id, NOW))).toThrow('notFound');
    expect(() => write(db, (tx) => forgetHousehold(tx, host, placedByA.id, NOW))).toThrow('notAllowed');
  });
});
