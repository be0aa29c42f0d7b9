import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { auditEvents, beds, invitationCities, rooms, staffCities, stayBeds, stays, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { auditChoices, auditPage, auditReach } from '@/lib/audit-trail/trail';
import { DomainError } from '@/lib/errors';
import { occupancyArea } from '@/lib/occupancy/area';
import { occupancyHistory } from '@/lib/occupancy/history';
import { networkNow } from '@/lib/occupancy/now';
import { historyShelters, resolveScope } from '@/lib/occupancy/scope';
import { changeRole, disableAccount, staffList } from '@/lib/staff/accounts';
import { acceptInvitation, createInvitation, pendingInvitations, revokeInvitation } from '@/lib/staff/invitations';
import { resetSecondFactor } from '@/lib/staff/second-factor';
import { asStaff, makeArrival, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

// Two cities, each with a shelter, a guide and a host; an admin of each city, and one of all.
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-11-20T12:00:00Z');
const SINCE = new Date('2026-11-01T00:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' });
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });

function shelterWithBeds(cityId: string, name: string, bedCount: number, occupied: number) {
  const shelter = makeShelter(db, {
    cityId,
    name,
    timeZone: cityId === yerevan.id ? 'Asia/Yerevan' : 'Europe/Istanbul',
    createdAt: SINCE,
    lastConfirmedAt: NOW,
  });
  const room = db.insert(rooms).values({ shelterId: shelter.id, name: 'Hall', kind: 'mixed' }).returning().get();
  const bedIds = Array.from(
    { length: bedCount },
    (_, i) =>
      db
        .insert(beds)
        .values({ roomId: room.id, label: String(i + 1), createdAt: SINCE })
        .returning()
        .get().id,
  );
  for (let i = 0; i < occupied; i++) {
    const arrival = makeArrival(db, { cityId, status: 'placed', arrivedAt: SINCE, createdAt: new Date('2026-11-19T08:00:00Z') });
    const stay = db
      .insert(stays)
      .values({
        arrivalId: arrival.id,
        shelterId: shelter.id,
        status: 'checked_in',
        createdAt: new Date('2026-11-19T09:00:00Z'),
        holdUntil: new Date('2026-11-19T15:00:00Z'),
        checkedInAt: new Date('2026-11-19T10:00:00Z'),
      })
      .returning()
      .get();
    db.insert(stayBeds)
      .values({ stayId: stay.id, bedId: bedIds[i], heldAt: new Date('2026-11-19T09:00:00Z') })
      .run();
  }
  return shelter;
}

const fatih = shelterWithBeds(istanbul.id, 'Fatih', 4, 1);
const kentron = shelterWithBeds(yerevan.id, 'Kentron', 6, 2);
const everyCityAdmin = asStaff(makeUser(db, 'admin'));
const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul.id] }), [], [istanbul.id]);
const istanbulGuide = makeUser(db, 'guide', { cityIds: [istanbul.id] });
const yerevanGuide = makeUser(db, 'guide', { cityIds: [yerevan.id] });
const everyCityGuide = makeUser(db, 'guide');
const fatihHost = makeUser(db, 'host', { shelterIds: [fatih.id] });
const kentronHost = makeUser(db, 'host', { shelterIds: [kentron.id] });
// Still waiting: one in each city's queue.
makeArrival(db, { cityId: istanbul.id, arrivedAt: new Date('2026-11-20T11:00:00Z'), createdAt: new Date('2026-11-20T11:00:00Z') });
makeArrival(db, { cityId: yerevan.id, arrivedAt: new Date('2026-11-20T10:00:00Z'), createdAt: new Date('2026-11-20T10:00:00Z') });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}${error.field ? `@${error.field}` : ''}`;
    throw error;
  }
  return undefined;
}

/** A refusal writes nothing at all, not even an audit event. */
function refusedWithoutWriting(fn: () => unknown): string | undefined {
  const before = snapshot(sqlite);
  const code = codeOf(fn);
  expect(snapshot(sqlite)).toEqual(before);
  return code;
}

describe('staff of an admin of some cities', () => {
  it('lists only the staff within their cities; an all-city admin lists everyone', () => {
    const seen = staffList(db, istanbulAdmin).map((person) => person.id);
    expect(seen).toEqual(expect.arrayContaining([istanbulAdmin.id, istanbulGuide.id, fatihHost.id]));
    for (const hidden of [yerevanGuide, everyCityGuide, kentronHost, everyCityAdmin]) expect(seen).not.toContain(hidden.id);
    expect(staffList(db, everyCityAdmin).map((person) => person.id)).toEqual(
      expect.arrayContaining([yerevanGuide.id, everyCityGuide.id, kentronHost.id]),
    );
    expect(staffList(db, everyCityAdmin).find((person) => person.id === istanbulGuide.id)?.cities).toEqual([istanbul.id]);
    expect(staffList(db, everyCityAdmin).find((person) => person.id === everyCityGuide.id)?.cities).toBe('all');
  });

  it('refuses to touch staff of another city or of every city, writing nothing', () => {
    for (const other of [yerevanGuide, everyCityGuide, kentronHost]) {
      expect(
        refusedWithoutWriting(() =>
          changeRole(db, istanbulAdmin, { userId: other.id, role: 'guide', shelterIds: [], cityIds: [istanbul.id] }, NOW),
        ),
      ).toBe('notFound');
      expect(refusedWithoutWriting(() => disableAccount(db, istanbulAdmin, other.id, NOW))).toBe('notFound');
      expect(refusedWithoutWriting(() => resetSecondFactor(db, istanbulAdmin, other.id, NOW))).toBe('notFound');
    }
  });

  it('gives only cities they hold, never every city, and a host only their cities’ shelters', () => {
    const guide = makeUser(db, 'guide', { cityIds: [istanbul.id] });
    const change =
      (cityIds: string[], role: 'guide' | 'host' | 'admin' = 'guide', shelterIds: string[] = []) =>
      () =>
        changeRole(db, istanbulAdmin, { userId: guide.id, role, shelterIds, cityIds }, NOW);
    expect(refusedWithoutWriting(change([]))).toBe('allCitiesNotYours@cityIds');
    expect(refusedWithoutWriting(change([istanbul.id, yerevan.id]))).toBe('cityNotYoursToGive@cityIds');
    expect(refusedWithoutWriting(change([], 'host', [kentron.id]))).toBe('shelterNotYours@shelterIds');
    expect(codeOf(change([istanbul.id], 'admin'))).toBeUndefined();
    expect(db.select().from(users).where(eq(users.id, guide.id)).get()?.role).toBe('admin');
  });

  it('an all-city admin widens a guide to every city, and the trail records the change of cities', () => {
    const guide = makeUser(db, 'guide', { cityIds: [yerevan.id] });
    changeRole(db, everyCityAdmin, { userId: guide.id, role: 'guide', shelterIds: [], cityIds: [] }, NOW);
    expect(db.select().from(staffCities).where(eq(staffCities.userId, guide.id)).all()).toEqual([]);
    const actions = db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, guide.id))
      .all()
      .map((row) => row.action);
    expect(actions.sort()).toEqual(['user.cities', 'user.role']);
  });
});

describe('invitations with cities', () => {
  it('carry the cities to the account they make', () => {
    const { token } = createInvitation(
      db,
      istanbulAdmin,
      { email: 'guide.new@x.test', role: 'guide', shelterIds: [], cityIds: [istanbul.id] },
      NOW,
    );
    const { userId } = acceptInvitation(db, { token, name: 'Aram', passwordHash: 'hash' }, NOW);
    expect(db.select({ cityId: staffCities.cityId }).from(staffCities).where(eq(staffCities.userId, userId)).all()).toEqual([
      { cityId: istanbul.id },
    ]);
  });

  it('from a scoped admin: none ticked or another city is refused and nothing written', () => {
    const invite = (cityIds: string[]) => () =>
      createInvitation(db, istanbulAdmin, { email: 'nobody@x.test', role: 'admin', shelterIds: [], cityIds }, NOW);
    expect(refusedWithoutWriting(invite([]))).toBe('allCitiesNotYours@cityIds');
    expect(refusedWithoutWriting(invite([yerevan.id]))).toBe('cityNotYoursToGive@cityIds');
    expect(
      refusedWithoutWriting(() =>
        createInvitation(db, istanbulAdmin, { email: 'host@x.test', role: 'host', shelterIds: [kentron.id] }, NOW),
      ),
    ).toBe('shelterNotYours@shelterIds');
  });

  it('are listed and withdrawn only within the admin’s cities', () => {
    createInvitation(db, everyCityAdmin, { email: 'yerevan.guide@x.test', role: 'guide', shelterIds: [], cityIds: [yerevan.id] }, NOW);
    createInvitation(db, everyCityAdmin, { email: 'fatih.host@x.test', role: 'host', shelterIds: [fatih.id] }, NOW);
    const yerevanInvitation = db.select().from(invitationCities).where(eq(invitationCities.cityId, yerevan.id)).get()!.invitationId;
    const emails = pendingInvitations(db, istanbulAdmin, NOW).map((invitation) => invitation.email);
    expect(emails).toContain('fatih.host@x.test');
    expect(emails).not.toContain('yerevan.guide@x.test');
    expect(refusedWithoutWriting(() => revokeInvitation(db, istanbulAdmin, yerevanInvitation, NOW))).toBe('notFound');
    expect(pendingInvitations(db, everyCityAdmin, NOW).find((invitation) => invitation.email === 'yerevan.guide@x.test')?.cities).toEqual([
      yerevan.id,
    ]);
  });
});

describe('occupancy per city', () => {
  it('now: a city’s shelters, beds and queue only; the network’s for all-city callers', () => {
    const city = networkNow(db, NOW, [istanbul.id]);
    expect(city.shelters.map((shelter) => shelter.name)).toEqual(['Fatih']);
    expect(city.totals).toMatchObject({ total: 4, occupied: 1 });
    expect(city.waiting.households).toBe(1);
    const network = networkNow(db, NOW);
    expect(network.shelters.map((shelter) => shelter.name)).toEqual(['Fatih', 'Kentron']);
    expect(network.totals).toMatchObject({ total: 10, occupied: 3 });
    expect(network.waiting.households).toBe(2);
  });

  it('the area: a scoped caller gets their cities, one picked by slug or id, and an unknown or foreign city is named, not shown', () => {
    expect(occupancyArea(db, istanbulAdmin, undefined, 'en')).toMatchObject({
      cityIds: [istanbul.id],
      city: null,
      unknownCity: false,
      allCities: false,
    });
    expect(occupancyArea(db, everyCityAdmin, undefined, 'en')).toMatchObject({ cityIds: null, unknownCity: false, allCities: true });
    expect(occupancyArea(db, everyCityAdmin, yerevan.slug, 'en')).toMatchObject({ cityIds: [yerevan.id], city: { name: 'Yerevan' } });
    expect(occupancyArea(db, everyCityAdmin, istanbul.id, 'en').cityIds).toEqual([istanbul.id]);
    expect(occupancyArea(db, istanbulAdmin, yerevan.slug, 'en')).toMatchObject({ cityIds: [istanbul.id], city: null, unknownCity: true });
    expect(occupancyArea(db, everyCityAdmin, 'atlantis', 'en')).toMatchObject({ cityIds: null, unknownCity: true });
  });

  it('history: a city is the sum of its shelters with the households registered into its queue', () => {
    const area = occupancyArea(db, istanbulAdmin, undefined, 'en');
    const choices = historyShelters(db, istanbulAdmin, area.cityIds);
    expect(choices.map((choice) => choice.name)).toEqual(['Fatih']);
    // Another city's shelter cannot be asked for, and no network scope is given.
    expect(resolveScope(istanbulAdmin, choices, kentron.id, area)).toMatchObject({
      unknownShelter: true,
      scope: { cityIds: [istanbul.id], timeZone: 'Europe/Istanbul' },
    });
    expect(resolveScope(istanbulAdmin, choices, 'network', area).scope).toEqual({ cityIds: [istanbul.id], timeZone: 'Europe/Istanbul' });

    const [day] = occupancyHistory(db, { cityIds: [istanbul.id], timeZone: 'Europe/Istanbul' }, '2026-11-19', '2026-11-19', NOW);
    const [shelterDay] = occupancyHistory(db, { shelterId: fatih.id, timeZone: 'Europe/Istanbul' }, '2026-11-19', '2026-11-19', NOW);
    expect(day).toMatchObject({ bedsInService: 4, occupied: 1, checkedIn: 1, registered: 1 });
    expect({ ...day, registered: 0 }).toEqual(shelterDay);
    const [network] = occupancyHistory(db, 'network', '2026-11-19', '2026-11-19', NOW);
    expect(network).toMatchObject({ bedsInService: 10, occupied: 3, registered: 3 });
  });
});

describe('the audit trail of an admin of some cities', () => {
  it('keeps to events about their cities’ shelters, households and staff; events of no city are for all-city admins', () => {
    const at = new Date('2026-11-20T09:00:00Z');
    const istanbulHousehold = makeArrival(db, { cityId: istanbul.id });
    const yerevanHousehold = makeArrival(db, { cityId: yerevan.id });
    const nowhereHousehold = makeArrival(db, { cityId: null });
    const events: [string, { entity: string; entityId?: string; shelterId?: string }][] = [
      ['room.update', { entity: 'room', shelterId: fatih.id }],
      ['room.update', { entity: 'room', shelterId: kentron.id }],
      ['arrival.register', { entity: 'arrival', entityId: istanbulHousehold.id }],
      ['arrival.register', { entity: 'arrival', entityId: yerevanHousehold.id }],
      ['arrival.register', { entity: 'arrival', entityId: nowhereHousehold.id }],
      ['user.disable', { entity: 'user', entityId: istanbulGuide.id }],
      ['user.disable', { entity: 'user', entityId: yerevanGuide.id }],
      ['network.settings', { entity: 'network' }],
      ['occupancy.export', { entity: 'occupancy' }],
    ];
    const marked = events.map(([action, event], i) => {
      recordAudit(db, { at: new Date(at.getTime() + i * 1000), actorId: everyCityAdmin.id, action: `${action}.${i}`, ...event });
      return `${action}.${i}`;
    });
    const seenBy = (admin: typeof istanbulAdmin) => {
      const reach = auditReach(db, admin);
      return auditPage(db, { from: '2026-11-20', to: '2026-11-20' }, 1, reach)
        .rows.map((row) => row.action)
        .filter((action) => marked.includes(action));
    };
    expect(seenBy(istanbulAdmin).sort()).toEqual([marked[0], marked[2], marked[5]].sort());
    expect(seenBy(everyCityAdmin)).toHaveLength(marked.length);
    const choices = auditChoices(db, auditReach(db, istanbulAdmin), 'en');
    expect(choices.shelters.map((shelter) => shelter.name)).toEqual(['Fatih']);
    expect(choices.cities.map((city) => city.id)).toEqual([istanbul.id]);
    expect(choices.people.map((person) => person.id)).not.toContain(yerevanGuide.id);
  });
});
