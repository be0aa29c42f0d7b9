import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { DomainError } from '@/lib/errors';
import { reserveBatch } from '@/lib/placement/batch';
import { reserveBeds } from '@/lib/placement/reserve';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul: tonight's door is open.
const NOW = new Date('2026-10-01T12:00:00Z');
const guide = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));
const count = (query: string, ...args: unknown[]) => (sqlite.prepare(query).get(...args) as { n: number }).n;
const man = (alias: string) => makeArrival(db, { alias, adultMen: 1, adultWomen: 0, arrivedAt: new Date(NOW.getTime() - 3_600_000) });
const place = (user: typeof guide, arrivalIds: string[], shelterId: string) =>
  write(db, (tx) => reserveBatch(tx, user, { arrivalIds, shelterId }, NOW));
/** A refusal as the guide reads it: the shelter's reasons (as suggestions give them), or the error's key. */
const why = (o: { refusal: { code: string; reasons?: { code: string }[] } | null }) =>
  o.refusal ? (o.refusal.reasons?.map((reason) => reason.code).join() ?? o.refusal.code) : null;
const describeBeds = (beds: { roomName: string; label: string }[] | null) =>
  beds?.map((bed) => `${bed.roomName} ${bed.label}`).join(', ') ?? null;

/** Checked from the stays' own dates and beds: two live stays holding one bed never share a night. */
const bedNightsHeldTwice = () =>
  count(`select count(*) as n from stays a join stay_beds ab on ab.stay_id = a.id and ab.released_at is null
           join stay_beds bb on bb.bed_id = ab.bed_id and bb.released_at is null and bb.stay_id > a.id
           join stays b on b.id = bb.stay_id
          where a.status in ('reserved', 'checked_in') and b.status in ('reserved', 'checked_in')
            and a.first_night < b.departure and b.first_night < a.departure`);

describe('placing several households at once', () => {
  it('six single men into a shelter with five fitting beds: five stays of their own, the sixth told it is a bed short', () => {
    const shelter = makeShelter(db, { status: 'open', name: 'Fatih' });
    const dorm = makeRoom(db, shelter.id, 'men', 4).room;
    sqlite.prepare("update rooms set name = 'Men' where id = ?").run(dorm.id);
    makeRoom(db, shelter.id, 'women', 3);
    makeRoom(db, shelter.id, 'mixed', 1);
    const men = ['Anton', 'Boris', 'Cem', 'Deniz', 'Emre', 'Fatih'].map(man);
    const { shelterName, outcomes } = place(
      guide,
      men.map((m) => m.id),
      shelter.id,
    );

    expect(shelterName).toBe('Fatih');
    expect(outcomes.map((o) => [o.alias, describeBeds(o.beds), why(o)])).toEqual([
      ['Anton', 'Men 1', null],
      ['Boris', 'Men 2', null],
      ['Cem', 'Men 3', null],
      ['Deniz', 'Men 4', null],
      ['Emre', expect.stringMatching(/^Room \d+ 1$/), null],
      ['Fatih', null, 'bedsShort'],
    ]);
    expect(count("select count(*) as n from stays where shelter_id = ? and status = 'reserved'", shelter.id)).toBe(5);
    expect(count('select count(distinct arrival_id) as n from stays where shelter_id = ?', shelter.id)).toBe(5);
    expect(count("select count(*) as n from arrivals where id = ? and status = 'waiting'", men[5].id)).toBe(1);
    expect(count("select count(*) as n from audit_events where action = 'stay.reserve' and shelter_id = ?", shelter.id)).toBe(5);
    expect(bedNightsHeldTwice()).toBe(0);
  });

  it('one household placed meanwhile by someone else, or with a pet the shelter refuses, undoes none of the others', () => {
    const shelter = makeShelter(db, { status: 'open' });
    const { beds } = makeRoom(db, shelter.id, 'mixed', 6);
    const [first, taken, withPet, last] = [
      man('First'),
      man('Taken'),
      makeArrival(db, { alias: 'Pet', hasPet: true, arrivedAt: NOW }),
      man('Last'),
    ];
    write(db, (tx) => reserveBeds(tx, guide, { arrivalId: taken.id, bedIds: [beds[5].id] }, NOW));
    const { outcomes } = place(guide, [first.id, taken.id, withPet.id, last.id], shelter.id);
    expect(outcomes.map((o) => why(o) ?? 'placed')).toEqual(['placed', 'alreadyPlaced', 'noPets', 'placed']);
    // A household the guide no longer acts on comes back unnamed.
    expect(outcomes[1].alias).toBeNull();
    expect(count("select count(*) as n from stays where shelter_id = ? and status = 'reserved'", shelter.id)).toBe(3);
    expect(bedNightsHeldTwice()).toBe(0);
  });

  it('a bed-night refused after the stay was written leaves no half-made stay behind, and the rest stand', () => {
    const shelter = makeShelter(db, { status: 'open' });
    const { room } = makeRoom(db, shelter.id, 'mixed', 3);
    const [one, two] = [man('One'), man('Two')];
    // Someone else's booking lands on this room's beds at the very moment One's stay is written: the
    // ledger's key refuses One's bed-night after the stay row exists. (A trigger plays the other writer.)
    const elsewhere = makeShelter(db);
    const other = makeStay(db, {
      arrivalId: makeArrival(db).id,
      shelterId: elsewhere.id,
      bedIds: [makeRoom(db, elsewhere.id, 'mixed', 1).beds[0].id],
    });
    sqlite.prepare("update stays set status = 'cancelled' where id = ?").run(other.id);
    sqlite.prepare('delete from bed_nights where stay_id = ?').run(other.id);
    sqlite.exec(`create temp trigger steal after insert on stays when new.arrival_id = '${one.id}' begin
      insert into bed_nights (bed_id, night, stay_id) select id, new.first_night, '${other.id}' from beds where room_id = '${room.id}';
    end`);
    try {
      const { outcomes } = place(guide, [one.id, two.id], shelter.id);
      expect(outcomes.map((o) => why(o) ?? 'placed')).toEqual(['bedsTaken', 'placed']);
    } finally {
      sqlite.exec('drop trigger steal');
    }
    expect(count('select count(*) as n from stays where arrival_id = ?', one.id)).toBe(0);
    expect(count("select count(*) as n from arrivals where id = ? and status = 'waiting'", one.id)).toBe(1);
    expect(count("select count(*) as n from stays where arrival_id = ? and status = 'reserved'", two.id)).toBe(1);
    // The other writer's rows went with the savepoint too: the ledger holds Two's night alone.
    expect(count('select count(*) as n from bed_nights where stay_id = ?', other.id)).toBe(0);
  });

  it('an admin may place a batch, and is told the outcomes without a name', () => {
    const shelter = makeShelter(db, { status: 'open' });
    makeRoom(db, shelter.id, 'men', 2);
    const { outcomes } = place(admin, [man('Hidden').id], shelter.id);
    expect(outcomes).toEqual([expect.objectContaining({ alias: null, refusal: null })]);
  });

  it('refuses the whole batch, writing nothing, for an unknown or closed shelter, an id that names no household, or a host', () => {
    const open = makeShelter(db, { status: 'open' });
    makeRoom(db, open.id, 'men', 2);
    const paused = makeShelter(db, { status: 'paused' });
    makeRoom(db, paused.id, 'men', 2);
    const anton = man('Anton again');
    const host = asStaff(makeUser(db, 'host', { shelterIds: [open.id] }), [open.id]);
    const before = snapshot(sqlite);
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof DomainError ? [error.code, error.field ?? null] : String(error);
      }
      return 'no refusal';
    };
    expect(refusal(() => place(guide, [anton.id], 'no-such-shelter'))).toEqual(['notFound', 'shelterId']);
    expect(refusal(() => place(guide, [anton.id], paused.id))).toEqual(['shelterNotOpen', 'shelterId']);
    expect(refusal(() => place(guide, [anton.id, 'no-such-household'], open.id))).toEqual(['notFound', 'arrivalIds']);
    expect(refusal(() => place(guide, [], open.id))).toEqual(['chooseHouseholds', 'arrivalIds']);
    expect(refusal(() => place(host, [anton.id], open.id))).toEqual(['notAllowed', null]);
    expect(snapshot(sqlite)).toEqual(before);
  });
});
