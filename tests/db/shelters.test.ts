import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { arrivals, shelters, stayBeds, stays } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { shelterBoard } from '@/lib/shelters/board';
import { shelterList } from '@/lib/shelters/list';
import { confirmAvailability, updateShelterProfile } from '@/lib/shelters/profile';
import { addBeds, addRoom, removeBed, renameBed, returnBedToService, setBedOutOfService } from '@/lib/shelters/rooms';
import { shelterProfileSchema, type ShelterProfileInput } from '@/lib/validation/shelter';
import { asStaff, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-03-01T18:30:00Z');

/** A shelter with its own host and one room of 4 beds added through the real function. */
function hostedShelter(status: 'open' | 'paused' | 'closed' = 'open') {
  const shelter = makeShelter(db, { status });
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  const roomId = addRoom(db, host, { shelterId: shelter.id, name: 'Dorm A', kind: 'mixed', accessible: false, beds: 4 }, NOW);
  const board = () => shelterBoard(db, shelter.id, NOW);
  const room = () => board().rooms.find((r) => r.id === roomId)!;
  const bedId = (label: string) => room().beds.find((b) => b.label === label)!.id;
  return { shelter, host, roomId, board, room, bedId };
}

/** The profile form as its page posts it, with only the required fields filled. */
const profileForm = (shelterId: string): Record<string, string> => ({
  shelterId,
  name: 'Renamed shelter',
  district: 'Kadıköy',
  checkInFrom: '14:00',
  checkInUntil: '23:00',
  holdHours: '6',
  usualNights: '3',
  checkOutBy: '11:00',
  timeZone: 'Europe/Istanbul',
  status: 'open',
});

function profile(shelterId: string, overrides: Partial<ShelterProfileInput> = {}): ShelterProfileInput {
  return { ...shelterProfileSchema.parse(profileForm(shelterId)), ...overrides };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  return 'no error';
}

const labels = (room: { beds: { label: string }[] }) => room.beds.map((b) => b.label);

describe('rooms and beds', () => {
  it('adds a room with numbered beds and counts a bed taken out of service', () => {
    const { host, room, board, bedId } = hostedShelter();
    expect(labels(room())).toEqual(['1', '2', '3', '4']);
    expect(board().counts).toMatchObject({ total: 4, free: 4, outOfService: 0 });

    setBedOutOfService(db, host, { bedId: bedId('2'), reason: 'Broken frame' }, NOW);
    expect(board().counts).toMatchObject({ total: 4, free: 3, outOfService: 1, reserved: 0, occupied: 0 });
    expect(room().beds.find((b) => b.label === '2')).toMatchObject({ state: 'out_of_service', outOfServiceReason: 'Broken frame' });

    returnBedToService(db, host, bedId('2'), NOW);
    expect(board().counts).toMatchObject({ total: 4, free: 4, outOfService: 0 });
  });

  it('numbers added beds after the existing ones', () => {
    const { host, roomId, room } = hostedShelter();
    addBeds(db, host, { roomId, count: 2 }, NOW);
    expect(labels(room())).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('refuses to give a bed the label of another bed in the same room', () => {
    const { host, room, bedId } = hostedShelter();
    expect(codeOf(() => renameBed(db, host, { bedId: bedId('3'), label: '1' }, NOW))).toBe('bedLabelTaken');
    renameBed(db, host, { bedId: bedId('3'), label: 'Window' }, NOW);
    expect(labels(room())).toEqual(['1', '2', '4', 'Window']);
  });

  it('removes a never-used bed but keeps one that has stay history', () => {
    const { shelter, host, room, bedId } = hostedShelter();
    removeBed(db, host, bedId('4'), NOW);
    expect(labels(room())).toEqual(['1', '2', '3']);

    const used = bedId('1');
    const arrival = db.insert(arrivals).values({ arrivedAt: NOW, adultWomen: 1 }).returning().get();
    const stay = db
      .insert(stays)
      .values({ arrivalId: arrival.id, shelterId: shelter.id, status: 'checked_out', holdUntil: NOW })
      .returning()
      .get();
    db.insert(stayBeds).values({ stayId: stay.id, bedId: used, releasedAt: NOW }).run();

    const before = snapshot(sqlite);
    expect(codeOf(() => removeBed(db, host, used, NOW))).toBe('bedHasHistory');
    expect(snapshot(sqlite)).toBe(before);
    expect(room().beds.find((b) => b.id === used)).toMatchObject({ label: '1', everUsed: true, state: 'free' });
  });
});

describe('who may edit a shelter', () => {
  it('refuses a host of another shelter every change, and writes nothing', () => {
    const ours = hostedShelter();
    const theirs = hostedShelter();
    const bed = ours.bedId('1');
    const before = snapshot(sqlite);
    const calls: Record<string, () => unknown> = {
      addRoom: () => addRoom(db, theirs.host, { shelterId: ours.shelter.id, name: 'Sneaky', kind: 'men', accessible: false, beds: 2 }, NOW),
      addBeds: () => addBeds(db, theirs.host, { roomId: ours.roomId, count: 1 }, NOW),
      renameBed: () => renameBed(db, theirs.host, { bedId: bed, label: 'X' }, NOW),
      setBedOutOfService: () => setBedOutOfService(db, theirs.host, { bedId: bed, reason: 'x' }, NOW),
      returnBedToService: () => returnBedToService(db, theirs.host, bed, NOW),
      removeBed: () => removeBed(db, theirs.host, bed, NOW),
      updateShelterProfile: () => updateShelterProfile(db, theirs.host, profile(ours.shelter.id), NOW),
      confirmAvailability: () => confirmAvailability(db, theirs.host, ours.shelter.id, NOW),
    };
    for (const [name, call] of Object.entries(calls)) expect(codeOf(call), name).toBe('notAllowed');
    expect(snapshot(sqlite)).toBe(before);
  });

  it('answers an unknown id exactly like somebody else’s id', () => {
    const { host } = hostedShelter();
    const before = snapshot(sqlite);
    expect(codeOf(() => addRoom(db, host, { shelterId: 'no-such-id', name: 'R', kind: 'men', accessible: false, beds: 1 }, NOW))).toBe(
      'notAllowed',
    );
    expect(codeOf(() => addBeds(db, host, { roomId: 'no-such-id', count: 1 }, NOW))).toBe('notAllowed');
    expect(codeOf(() => renameBed(db, host, { bedId: 'no-such-id', label: 'X' }, NOW))).toBe('notAllowed');
    expect(codeOf(() => removeBed(db, host, 'no-such-id', NOW))).toBe('notAllowed');
    expect(codeOf(() => confirmAvailability(db, host, 'no-such-id', NOW))).toBe('notAllowed');
    expect(codeOf(() => updateShelterProfile(db, host, profile('no-such-id'), NOW))).toBe('notAllowed');
    expect(snapshot(sqlite)).toBe(before);
  });

  it('lets a guide see but not edit an open shelter', () => {
    const { shelter, roomId, bedId } = hostedShelter('open');
    const guide = asStaff(makeUser(db, 'guide'));
    const before = snapshot(sqlite);
    expect(codeOf(() => addRoom(db, guide, { shelterId: shelter.id, name: 'R', kind: 'men', accessible: false, beds: 1 }, NOW))).toBe(
      'notAllowed',
    );
    expect(codeOf(() => addBeds(db, guide, { roomId, count: 1 }, NOW))).toBe('notAllowed');
    expect(codeOf(() => setBedOutOfService(db, guide, { bedId: bedId('1'), reason: 'x' }, NOW))).toBe('notAllowed');
    expect(codeOf(() => confirmAvailability(db, guide, shelter.id, NOW))).toBe('notAllowed');
    expect(codeOf(() => updateShelterProfile(db, guide, profile(shelter.id), NOW))).toBe('notAllowed');
    expect(snapshot(sqlite)).toBe(before);
  });

  it('lets an admin edit any shelter without being a member', () => {
    const { shelter, roomId, room, board } = hostedShelter('paused');
    const admin = asStaff(makeUser(db, 'admin'));
    addBeds(db, admin, { roomId, count: 1 }, NOW);
    expect(labels(room())).toEqual(['1', '2', '3', '4', '5']);
    addRoom(db, admin, { shelterId: shelter.id, name: 'Family 1', kind: 'family', accessible: true, beds: 3 }, NOW);
    expect(board().counts.total).toBe(8);
    updateShelterProfile(db, admin, profile(shelter.id, { name: 'Admin-edited', status: 'paused' }), NOW);
    expect(db.select().from(shelters).where(eq(shelters.id, shelter.id)).get()?.name).toBe('Admin-edited');
  });
});

describe('shelter profile', () => {
  it('records the confirmation of availability at the current time', () => {
    const { shelter, host } = hostedShelter();
    confirmAvailability(db, host, shelter.id, NOW);
    expect(db.select().from(shelters).where(eq(shelters.id, shelter.id)).get()?.lastConfirmedAt).toEqual(NOW);
  });

  it('refuses a latitude without a longitude, and saves nothing', () => {
    const { shelter, host } = hostedShelter();
    const before = snapshot(sqlite);
    const error = (() => {
      try {
        updateShelterProfile(db, host, profile(shelter.id, { latitude: 41.0082, longitude: null }), NOW);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('coordinatesPair');
    expect(error?.field).toBe('longitude');
    expect(snapshot(sqlite)).toBe(before);
  });

  it('saves a full profile with both coordinates', () => {
    const { shelter, host } = hostedShelter();
    updateShelterProfile(db, host, profile(shelter.id, { latitude: 41.0082, longitude: 28.9784, holdHours: 12 }), NOW);
    expect(db.select().from(shelters).where(eq(shelters.id, shelter.id)).get()).toMatchObject({
      name: 'Renamed shelter',
      district: 'Kadıköy',
      latitude: 41.0082,
      longitude: 28.9784,
      holdHours: 12,
    });
  });

  it('saves the usual and longest stay and the check-out time; an empty longest stay means no limit of its own', () => {
    const { shelter, host } = hostedShelter();
    updateShelterProfile(db, host, profile(shelter.id, { usualNights: 4, longestNights: 10, checkOutBy: '10:30' }), NOW);
    expect(db.select().from(shelters).where(eq(shelters.id, shelter.id)).get()).toMatchObject({
      usualNights: 4,
      longestNights: 10,
      checkOutBy: '10:30',
    });
    const blank = shelterProfileSchema.parse({ ...profileForm(shelter.id), usualNights: '2', longestNights: ' ', checkOutBy: '12:00' });
    updateShelterProfile(db, host, blank, NOW);
    expect(db.select().from(shelters).where(eq(shelters.id, shelter.id)).get()).toMatchObject({
      usualNights: 2,
      longestNights: null,
      checkOutBy: '12:00',
    });
  });

  it('refuses stays out of 1..90 nights, a longest stay below the usual one and a check-out time that is not one, each by its field', () => {
    const { shelter, host } = hostedShelter();
    const fieldsOf = (values: Record<string, string>) => {
      const parsed = shelterProfileSchema.safeParse({ ...profileForm(shelter.id), ...values });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
    };
    expect(fieldsOf({ usualNights: '0' })).toEqual({ usualNights: 'stayNightsRange' });
    expect(fieldsOf({ usualNights: '91' })).toEqual({ usualNights: 'stayNightsRange' });
    expect(fieldsOf({ longestNights: '120' })).toEqual({ longestNights: 'stayNightsRange' });
    expect(fieldsOf({ longestNights: '2.5' })).toEqual({ longestNights: 'invalidNumber' });
    expect(fieldsOf({ checkOutBy: '25:00' })).toEqual({ checkOutBy: 'invalidTime' });

    const before = snapshot(sqlite);
    expect(codeOf(() => updateShelterProfile(db, host, profile(shelter.id, { usualNights: 5, longestNights: 4 }), NOW))).toBe(
      'longestBelowUsual',
    );
    expect(snapshot(sqlite)).toBe(before);
  });
});

describe('shelterList', () => {
  it('shows a host their own, a guide the open ones, an admin all', () => {
    const open = hostedShelter('open');
    const paused = hostedShelter('paused');
    const closed = hostedShelter('closed');
    const ids = (list: { id: string }[]) => list.map((s) => s.id);

    const hostView = shelterList(db, paused.host, NOW).rows;
    expect(ids(hostView)).toEqual([paused.shelter.id]);
    expect(hostView[0]).toMatchObject({ editable: true, counts: { total: 4, free: 4 } });

    const guideView = shelterList(db, asStaff(makeUser(db, 'guide')), NOW).rows;
    expect(ids(guideView)).toContain(open.shelter.id);
    expect(ids(guideView)).not.toContain(paused.shelter.id);
    expect(ids(guideView)).not.toContain(closed.shelter.id);
    expect(guideView.every((s) => s.status === 'open' && !s.editable)).toBe(true);

    const adminView = shelterList(db, asStaff(makeUser(db, 'admin')), NOW).rows;
    const all = db.select({ id: shelters.id }).from(shelters).all();
    expect(ids(adminView).sort()).toEqual(ids(all).sort());
    expect(adminView.every((s) => s.editable)).toBe(true);
  });

  it('lists a large network fifty shelters a page, each counted as its bed board counts it', () => {
    const admin = asStaff(makeUser(db, 'admin'));
    // Enough shelters for three pages, one of them with beds, names sorting apart from the others.
    const withBeds = hostedShelter('open');
    for (let i = db.select({ id: shelters.id }).from(shelters).all().length; i < 120; i++)
      makeShelter(db, { name: `Zz ${String(i).padStart(3, '0')}` });
    const byName = db
      .select({ id: shelters.id, name: shelters.name })
      .from(shelters)
      .all()
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((shelter) => shelter.id);

    const pages = [1, 2, 3].map((page) => shelterList(db, admin, NOW, { page }));
    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect(pages.every((page) => page.pages === 3 && page.total === 120 && !page.pageOutOfRange)).toBe(true);
    expect(pages.flatMap((page) => page.rows.map((shelter) => shelter.id))).toEqual(byName);
    const listed = pages.flatMap((page) => page.rows).find((shelter) => shelter.id === withBeds.shelter.id)!;
    expect(listed.counts).toEqual(withBeds.board().counts);
    expect(listed.counts.free).toBe(4);

    // A page past the last shows the last, and says so.
    expect(shelterList(db, admin, NOW, { page: 9 })).toMatchObject({ page: 3, pages: 3, pageOutOfRange: true });
  });
});
