import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { arrivals, auditEvents, stays } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { arrivalPageData } from '@/lib/guest-link/page-data';
import { expireHolds } from '@/lib/placement/expiry';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay, checkIn, checkOut, moveStay, renewStayLink, revokeStayLink } from '@/lib/placement/stays';
import { shelterBoard } from '@/lib/shelters/board';
import { arrivalSchema } from '@/lib/validation/arrival';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T18:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const guide = asStaff(makeUser(db, 'guide'));

function network() {
  const shelter = makeShelter(db, { status: 'open', holdHours: 6, acceptsFamilies: true });
  const family = makeRoom(db, shelter.id, 'family', 4);
  const men = makeRoom(db, shelter.id, 'men', 3);
  const host = makeUser(db, 'host', { shelterIds: [shelter.id] });
  return { shelter, family, men, host: asStaff(host, [shelter.id]) };
}

/** Runs a domain call in its transaction and returns the refusal code, proving nothing was written. */
function refusal(fn: () => unknown): string {
  const before = snapshot(sqlite);
  try {
    write(db, fn);
  } catch (error) {
    expect(snapshot(sqlite)).toEqual(before);
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reserving', () => {
  it('holds the beds until tonight’s door closes, places the household, and issues a working link', () => {
    const { shelter, family } = network();
    const arrival = makeArrival(db, { adultMen: 1, adultWomen: 1, children: 2 });
    const result = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: family.beds.map((b) => b.id) }, NOW));
    // 21:00 in Istanbul: the door closes at 23:00, later than six hours after it opened at 14:00.
    expect(result.holdUntil).toEqual(new Date('2026-10-01T20:00:00Z'));
    expect(result.token!.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(db.select().from(arrivals).where(eq(arrivals.id, arrival.id)).get()?.status).toBe('placed');
    expect(arrivalPageData(db, result.token!, at(1))?.shelter.name).toBe(shelter.name);
    expect(JSON.stringify(db.select().from(stays).all())).not.toContain(result.token!);
    expect(shelterBoard(db, shelter.id, at(1)).rooms[0].counts).toMatchObject({ reserved: 4, free: 0 });
  });

  it('refuses bad choices with a reason and writes nothing', () => {
    const { family, men } = network();
    const other = network();
    const arrival = makeArrival(db, { adultMen: 1, adultWomen: 0, children: 0 });
    const family2 = makeArrival(db, { adultMen: 1, adultWomen: 1, children: 2 });
    const reserve = (arrivalId: string, bedIds: string[]) => () => reserveBeds(db, guide, { arrivalId, bedIds }, NOW);
    expect(refusal(reserve(arrival.id, ['no-such-bed']))).toBe('unknownBeds');
    expect(refusal(reserve(arrival.id, [men.beds[0].id, men.beds[1].id]))).toBe('bedCountMismatch');
    expect(refusal(reserve(family2.id, [family.beds[0].id, family.beds[1].id, other.family.beds[0].id, other.family.beds[1].id]))).toBe(
      'bedsInSeveralShelters',
    );
    expect(refusal(reserve(family2.id, [family.beds[0].id, men.beds[0].id, men.beds[1].id, men.beds[2].id]))).toBe('bedsBreakRules');
    sqlite.prepare("update beds set out_of_service_reason = 'broken' where id = ?").run(men.beds[2].id);
    expect(refusal(reserve(arrival.id, [men.beds[2].id]))).toBe('bedOutOfService');
    expect(refusal(() => reserveBeds(db, asStaff(makeUser(db, 'host')), { arrivalId: arrival.id, bedIds: [men.beds[0].id] }, NOW))).toBe(
      'notAllowed',
    );

    write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [men.beds[0].id] }, NOW));
    expect(refusal(reserve(arrival.id, [men.beds[1].id]))).toBe('alreadyPlaced');
    const second = makeArrival(db, { adultMen: 1, adultWomen: 0 });
    expect(refusal(reserve(second.id, [men.beds[0].id]))).toBe('bedsTaken');
  });

  it('refuses households of nobody, of more than 30, with negative counts, or of children alone', () => {
    const base = { alias: 'A', adultMen: '0', adultWomen: '0', children: '0' };
    const messages = (input: Record<string, string>) => arrivalSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(messages(base)).toContain('nobody');
    expect(messages({ ...base, adultMen: '20', adultWomen: '20' })).toContain('tooMany');
    expect(messages({ ...base, adultMen: '-1', adultWomen: '2' })).toContain('countRange');
    expect(messages({ ...base, children: '2' })).toContain('needsAdult');
    expect(arrivalSchema.safeParse({ ...base, adultWomen: '1', children: '2' }).success).toBe(true);
  });
});

describe('after reserving', () => {
  it('check-in, then check-out frees the beds at once and the household has left', () => {
    const { shelter, men, host } = network();
    const arrival = makeArrival(db, { adultMen: 1, adultWomen: 0 });
    const { stayId } = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [men.beds[0].id] }, NOW));
    write(db, (tx) => checkIn(tx, host, stayId, at(30)));
    expect(shelterBoard(db, shelter.id, at(31)).counts).toMatchObject({ occupied: 1 });
    expect(refusal(() => checkIn(db, host, stayId, at(40)))).toBe('stayNotReserved');
    write(db, (tx) => checkOut(tx, host, stayId, at(60 * 20)));
    expect(shelterBoard(db, shelter.id, at(60 * 20)).counts).toMatchObject({ occupied: 0, free: 7 });
    expect(db.select().from(arrivals).where(eq(arrivals.id, arrival.id)).get()?.status).toBe('left');
  });

  it('a hold not checked in by its time expires: beds free, household back in the queue, check-in refused', () => {
    const { shelter, men, host } = network();
    const arrival = makeArrival(db, { adultMen: 1, adultWomen: 0 });
    const { stayId } = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [men.beds[0].id] }, NOW));
    expect(refusal(() => checkIn(db, host, stayId, at(6 * 60 + 1)))).toBe('stayExpired');
    expect(write(db, (tx) => expireHolds(tx, at(6 * 60 + 1)))).toBeGreaterThanOrEqual(1);
    expect(db.select().from(stays).where(eq(stays.id, stayId)).get()?.status).toBe('expired');
    expect(db.select().from(arrivals).where(eq(arrivals.id, arrival.id)).get()?.status).toBe('waiting');
    expect(shelterBoard(db, shelter.id, at(6 * 60 + 2)).counts.reserved).toBe(0);
    // Idempotent: a second sweep changes nothing.
    const before = snapshot(sqlite);
    expect(write(db, (tx) => expireHolds(tx, at(6 * 60 + 3)))).toBe(0);
    expect(snapshot(sqlite)).toEqual(before);
    // And the bed can be reserved again.
    const next = makeArrival(db, { adultMen: 1, adultWomen: 0 });
    expect(() => write(db, (tx) => reserveBeds(tx, guide, { arrivalId: next.id, bedIds: [men.beds[0].id] }, at(6 * 60 + 5)))).not.toThrow();
  });

  it('cancel frees the beds and returns the household to the queue; its link then says the reservation ended', () => {
    const { men } = network();
    const arrival = makeArrival(db, { adultMen: 1, adultWomen: 0 });
    const { stayId, token } = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [men.beds[0].id] }, NOW));
    write(db, (tx) => cancelStay(tx, guide, stayId, at(5)));
    expect(db.select().from(arrivals).where(eq(arrivals.id, arrival.id)).get()?.status).toBe('waiting');
    expect(arrivalPageData(db, token!, at(6))?.status).toEqual({ kind: 'ended' });
  });

  it('move within a shelter swaps beds; move to another shelter keeps the same link working', () => {
    const a = network();
    const b = network();
    const arrival = makeArrival(db, { adultMen: 1, adultWomen: 0 });
    const { stayId, token } = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [a.men.beds[0].id] }, NOW));
    write(db, (tx) => moveStay(tx, a.host, { stayId, bedIds: [a.men.beds[1].id] }, at(1)));
    expect(shelterBoard(db, a.shelter.id, at(2)).rooms[1].beds.map((bed) => bed.state)).toEqual(['free', 'reserved', 'free']);
    expect(refusal(() => moveStay(db, a.host, { stayId, bedIds: [b.men.beds[0].id] }, at(3)))).toBe('notAllowed');
    const moved = write(db, (tx) => moveStay(tx, guide, { stayId, bedIds: [b.men.beds[0].id] }, at(3)));
    expect(arrivalPageData(db, token!, at(4))?.shelter.id).toBe(moved.shelterId);
    expect(shelterBoard(db, a.shelter.id, at(4)).counts.reserved).toBe(0);
  });

  it('a renewed link replaces the old; a revoked link stops working', () => {
    const { men } = network();
    const arrival = makeArrival(db, { adultMen: 1, adultWomen: 0 });
    const { stayId, token } = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [men.beds[0].id] }, NOW));
    const renewed = write(db, (tx) => renewStayLink(tx, guide, stayId, at(1)));
    expect(arrivalPageData(db, token!, at(2))).toBeNull();
    expect(arrivalPageData(db, renewed.token, at(2))?.status).toMatchObject({ kind: 'held', beds: 1 });
    write(db, (tx) => revokeStayLink(tx, guide, stayId, at(3)));
    expect(arrivalPageData(db, renewed.token, at(4))).toBeNull();
  });

  it('the audit trail records every step with ids only, never a name or contact', () => {
    const rows = db.select().from(auditEvents).all();
    const actions = new Set(rows.map((row) => row.action));
    for (const action of [
      'stay.reserve',
      'link.issue',
      'link.revoke',
      'stay.check_in',
      'stay.check_out',
      'stay.cancel',
      'stay.move',
      'stay.expire',
    ]) {
      expect(actions).toContain(action);
    }
    const aliases = db
      .select({ alias: arrivals.alias })
      .from(arrivals)
      .all()
      .map((row) => row.alias!);
    const dump = JSON.stringify(rows);
    for (const alias of aliases) expect(dump).not.toContain(alias);
  });
});
