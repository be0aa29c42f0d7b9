import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { write } from '@/db';
import { invitations, networkSettings, offerTicks, shelterMembers, users, vettingChecks } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { can, PERMISSIONS, type Permission, type Target } from '@/lib/auth/policy';
import { sealSecret } from '@/lib/auth/totp';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { utcToZonedWallClock } from '@/lib/calendar/zones';
import { slugOf } from '@/lib/cities/slug';
import { idleState, type FormState } from '@/lib/forms';
import { offerByToken } from '@/lib/offers/own-offer';
import { oneMoreNight } from '@/lib/placement/one-more-night';
import { serverActions, type Action } from '../support/app-tree';
import { asStaff, FIXTURE_PASSWORD, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { datedStay } from '../support/host-day';
import { makeOffer } from '../support/offers';
import { PAGE_DOORS, SHOWN_BY } from '../support/policy-coverage';
import { RequestContext } from '../support/request-context';
import { commitsSeen, createTestDb, snapshot } from '../support/test-db';

// Every server action of the app, called as every kind of caller: only the rightful ones change anything.
const context = vi.hoisted(() => ({ current: undefined as unknown as RequestContext }));
vi.mock('next/headers', () => ({ headers: async () => context.current.headers(), cookies: async () => context.current.cookies() }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'access-test-secret-access-test-secret';
context.current = new RequestContext();
const { db, sqlite } = test;
afterAll(test.cleanup);

// cityGuide and cityAdmin hold the world's city (its shelter's, its households'); outGuide and
// outAdmin hold another city only, so whatever they are refused, only the city refuses.
const CALLERS = [
  'anonymous',
  'disabled',
  'signedOut',
  'otherHost',
  'guide',
  'host',
  'admin',
  'cityGuide',
  'outGuide',
  'cityAdmin',
  'outAdmin',
] as const;
type Caller = (typeof CALLERS)[number];
type Form = Record<string, string | string[]>;

const ENROLMENT_KEY = new Secret({ size: 20 }).base32;
/** Enrolment finished at some earlier time, for the actions that need a second factor on. */
const secondFactorOn = (...people: { id: string }[]) => {
  for (const person of people)
    db.update(users)
      .set({ totpEnabledAt: new Date(Date.now() - 60_000) })
      .where(eq(users.id, person.id))
      .run();
};

/** A fresh little network per call, so that one call's writes never decide another's outcome. */
function makeWorld() {
  const shelter = makeShelter(db, { status: 'open' });
  const other = makeShelter(db, { status: 'open' });
  const here = shelter.cityId!;
  // Address words made from the random ids as the app makes them ("_" and "--" are no part of one).
  const citySlug = (word: string) => slugOf(`${word} ${shelter.id}`);
  const elsewhere = makeCity(db, `Elsewhere ${shelter.id}`, { slug: citySlug('elsewhere') }).id;
  const { room, beds } = makeRoom(db, shelter.id, 'mixed', 3);
  const emptyRoom = makeRoom(db, shelter.id, 'family', 0).room;
  sqlite.prepare("update beds set out_of_service_reason = 'leak' where id = ?").run(beds[2].id);
  const callers: Record<Exclude<Caller, 'anonymous'>, typeof users.$inferSelect> = {
    disabled: makeUser(db, 'host', { shelterIds: [shelter.id], disabled: true }),
    signedOut: makeUser(db, 'host', { shelterIds: [shelter.id] }),
    otherHost: makeUser(db, 'host', { shelterIds: [other.id] }),
    guide: makeUser(db, 'guide'),
    host: makeUser(db, 'host', { shelterIds: [shelter.id] }),
    admin: makeUser(db, 'admin'),
    cityGuide: makeUser(db, 'guide', { cityIds: [here] }),
    outGuide: makeUser(db, 'guide', { cityIds: [elsewhere] }),
    cityAdmin: makeUser(db, 'admin', { cityIds: [here] }),
    outAdmin: makeUser(db, 'admin', { cityIds: [elsewhere] }),
  };
  const target = makeUser(db, 'guide');
  const disabledTarget = makeUser(db, 'guide', { disabled: true });
  const invitation = db
    .insert(invitations)
    .values({
      tokenHash: `hash-${shelter.id}`,
      email: `pending-${shelter.id.toLowerCase()}@x.test`,
      role: 'guide',
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning()
    .get();
  const stayRoom = makeRoom(db, shelter.id, 'mixed', 3);
  // Every household is in the shelter's city, where it waits or was placed.
  const waiting = makeArrival(db, { cityId: here });
  const request = makeArrival(db, { selfRegistered: true, contact: '@someone', cityId: here });
  const reserved = makeStay(db, { arrivalId: makeArrival(db, { cityId: here }).id, shelterId: shelter.id, bedIds: [stayRoom.beds[0].id] });
  // The guide who made the reservation is the guide who may change it.
  sqlite.prepare('update stays set reserved_by = ? where id = ?').run(callers.guide.id, reserved.id);
  const checkedIn = {
    ...makeStay(db, {
      arrivalId: makeArrival(db, { cityId: here }).id,
      shelterId: shelter.id,
      bedIds: [stayRoom.beds[1].id],
      status: 'checked_in',
    }),
    bedId: stayRoom.beds[1].id,
  };
  const freeStayBed = stayRoom.beds[2];
  const closure = (
    sqlite
      .prepare(
        "insert into shelter_closures (id, shelter_id, room_id, first_night, last_night, created_at) values (lower(hex(randomblob(8))), ?, ?, '2099-01-01', '2099-01-02', 0) returning id",
      )
      .get(shelter.id, room.id) as { id: string }
  ).id;
  // A mat laid out far ahead, to end early (decision 0026).
  const surgeBed = (
    sqlite
      .prepare(
        "insert into beds (id, room_id, label, surge_kind, surge_first_night, surge_last_night, created_at) values (lower(hex(randomblob(8))), ?, 'Mat 1', 'mat', '2099-01-01', '2099-01-05', 0) returning id",
      )
      .get(room.id) as { id: string }
  ).id;
  // Every caller has begun enrolling a second factor with the same key, so a code confirms it.
  for (const user of [...Object.values(callers), target]) {
    db.update(users)
      .set({ totpSecret: sealSecret(ENROLMENT_KEY, user.id) })
      .where(eq(users.id, user.id))
      .run();
  }
  const laterDeparture = addNights(reserved.departure!, 1);
  const meetingPoint = (
    sqlite
      .prepare(
        'insert into meeting_points (id, name, city_id, latitude, longitude, created_at) values (lower(hex(randomblob(8))), ?, ?, 41.2753, 28.7519, 0) returning id',
      )
      .get(`Airport ${shelter.id}`, here) as { id: string }
  ).id;
  const notice = (
    sqlite
      .prepare('insert into notices (id, shelter_id, ends_at, created_at) values (lower(hex(randomblob(8))), ?, ?, 0) returning id')
      .get(shelter.id, Date.now() + 3600_000) as { id: string }
  ).id;
  const need = (
    sqlite
      .prepare(
        "insert into shelter_needs (id, shelter_id, kind, last_day, created_at) values (lower(hex(randomblob(8))), ?, 'blankets', '2099-01-01', 0) returning id",
      )
      .get(shelter.id) as { id: string }
  ).id;
  const city = makeCity(db, `City ${shelter.id}`, { slug: citySlug('city') });
  const emptyCity = makeCity(db, `Empty ${shelter.id}`, { slug: citySlug('empty') });
  const tomorrow = addNights(tonightIn('Europe/Istanbul', new Date()), 1);
  const offer = offerByToken(db, makeOffer(db, here, new Date(), tomorrow, addNights(tomorrow, 5)).token)!.id;
  return {
    shelter,
    other,
    room,
    surgeBed,
    beds,
    emptyRoom,
    callers,
    target,
    disabledTarget,
    invitation,
    waiting,
    request,
    reserved,
    checkedIn,
    freeStayBed,
    closure,
    laterDeparture,
    meetingPoint,
    notice,
    need,
    city,
    emptyCity,
    offer,
  };
}
type World = ReturnType<typeof makeWorld>;

/** The network's vetting checklist holds one item for every world's offer (items are network-wide). */
const vettingCheck = db.insert(vettingChecks).values({ label: 'Called', position: 1 }).returning().get().id;

const SCOPED: Caller[] = ['cityGuide', 'outGuide', 'cityAdmin', 'outAdmin'];
const EVERY_SIGNED_IN: Caller[] = ['otherHost', 'guide', 'host', 'admin', ...SCOPED];

/**
 * Each signed-in caller as the policy sees them, the way makeWorld makes them: the world's shelter is
 * "shelter" in the city "here"; outGuide and outAdmin hold "elsewhere"; otherHost keeps "other".
 */
const AS_POLICY_SEES: Partial<Record<Caller, Parameters<typeof can>[0]>> = {
  otherHost: { id: 'otherHost', role: 'host', cityIds: null, shelterIds: ['other'] },
  guide: { id: 'guide', role: 'guide', cityIds: null, shelterIds: [] },
  host: { id: 'host', role: 'host', cityIds: null, shelterIds: ['shelter'] },
  admin: { id: 'admin', role: 'admin', cityIds: null, shelterIds: [] },
  cityGuide: { id: 'cityGuide', role: 'guide', cityIds: ['here'], shelterIds: [] },
  outGuide: { id: 'outGuide', role: 'guide', cityIds: ['elsewhere'], shelterIds: [] },
  cityAdmin: { id: 'cityAdmin', role: 'admin', cityIds: ['here'], shelterIds: [] },
  outAdmin: { id: 'outAdmin', role: 'admin', cityIds: ['elsewhere'], shelterIds: [] },
};
const here = { status: 'placed', erasedAt: null, cityId: 'here' };
/** What the form of a case names, as the policy sees it; `reserved` as actAs leaves it for the caller. */
const TARGETS = {
  anywhere: () => undefined,
  /** The world's city. */
  here: () => ({ city: 'here' }),
  /** A city made in the world that no scoped caller holds. */
  otherCity: () => ({ city: 'other' }),
  /** A person or an invitation that reaches every city: for all-city admins only. */
  everyCity: () => ({ city: null }),
  shelter: () => ({ shelter: { id: 'shelter', cityId: 'here', status: 'open' } }),
  waiting: () => ({ household: { ...here, status: 'waiting' }, stay: null }),
  reserved: (caller: Caller) => ({ household: here, stay: { status: 'reserved', reservedBy: reserverOf(caller), shelterId: 'shelter' } }),
} satisfies Record<string, (caller: Caller) => Target | undefined>;

/** Who the policy lets do what a case does (`only` narrows it further, for a rule about the very thing). */
const rightfulFor = (spec: Case, caller: Caller) =>
  !!AS_POLICY_SEES[caller] &&
  can(AS_POLICY_SEES[caller], spec.permission, TARGETS[spec.on](caller)) &&
  (!spec.only || spec.only.includes(caller));

const profileForm = (w: World): Form => ({
  shelterId: w.shelter.id,
  name: 'Renamed shelter',
  district: 'Fatih',
  address: 'Somewhere 1',
  latitude: '41.01',
  longitude: '28.95',
  'languages[]': ['ru', 'tr'],
  checkInFrom: '14:00',
  checkInUntil: '22:00',
  holdHours: '6',
  usualNights: '3',
  longestNights: '14',
  checkOutBy: '11:00',
  timeZone: 'Europe/Istanbul',
  status: 'open',
});

/** One row per exported server action; a new action without a row fails the enumeration test below. */
type Case = {
  /** What the action asks of the policy, and about what. */
  permission: Permission;
  on: keyof typeof TARGETS;
  only?: Caller[];
  form: (w: World) => Form;
  /** Switching language works signed out too (the sign-in page has it); it then only sets a cookie. */
  worksSignedOut?: boolean;
  /** What the world needs beyond makeWorld for this action to have something to do. */
  setup?: (w: World) => void;
  /** A batch answers with each household's outcome: out of the city, every one refused and none named. */
  refusesEach?: boolean;
};
const CASES: Record<string, Case> = {
  'app/actions.ts#chooseLocale': { permission: 'account.manage', on: 'anywhere', form: () => ({ locale: 'tr' }), worksSignedOut: true },
  'app/(staff)/actions.ts#signOutEverywhere': { permission: 'account.manage', on: 'anywhere', form: () => ({}) },
  'app/(staff)/account/actions.ts#changePassword': {
    permission: 'account.manage',
    on: 'anywhere',
    form: () => ({
      currentPassword: FIXTURE_PASSWORD,
      password: 'a new passphrase for the night',
      confirmPassword: 'a new passphrase for the night',
    }),
  },
  'app/(staff)/account/actions.ts#startSecondFactor': {
    permission: 'account.manage',
    on: 'anywhere',
    form: () => ({ currentPassword: FIXTURE_PASSWORD }),
  },
  'app/(staff)/account/actions.ts#confirmSecondFactor': {
    permission: 'account.manage',
    on: 'anywhere',
    form: () => ({ code: TOTP.generate({ secret: Secret.fromBase32(ENROLMENT_KEY), timestamp: Date.now() }) }),
  },
  'app/(staff)/account/actions.ts#turnOffSecondFactor': {
    permission: 'account.manage',
    on: 'anywhere',
    form: () => ({
      currentPassword: FIXTURE_PASSWORD,
      code: TOTP.generate({ secret: Secret.fromBase32(ENROLMENT_KEY), timestamp: Date.now() }),
    }),
    setup: (w) => secondFactorOn(...Object.values(w.callers)),
  },
  'app/(staff)/account/actions.ts#newRecoveryCodes': {
    permission: 'account.manage',
    on: 'anywhere',
    form: () => ({
      currentPassword: FIXTURE_PASSWORD,
      code: TOTP.generate({ secret: Secret.fromBase32(ENROLMENT_KEY), timestamp: Date.now() }),
    }),
    setup: (w) => secondFactorOn(...Object.values(w.callers)),
  },
  'app/(staff)/shelters/actions.ts#addShelter': {
    permission: 'shelter.create',
    on: 'here',
    form: (w) => ({ name: 'New place', district: 'Şişli', cityId: w.shelter.cityId! }),
  },
  'app/(staff)/shelters/[id]/actions.ts#confirmShelterAvailability': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ shelterId: w.shelter.id }),
  },
  'app/(staff)/shelters/[id]/actions.ts#addShelterNeed': {
    permission: 'shelter.needs',
    on: 'shelter',
    form: (w) => ({
      shelterId: w.shelter.id,
      kind: 'interpreter',
      note: 'Arabic',
      lastDay: addNights(tonightIn(w.shelter.timeZone, new Date()), 2),
    }),
  },
  'app/(staff)/shelters/[id]/actions.ts#removeShelterNeed': {
    permission: 'shelter.needs',
    on: 'shelter',
    form: (w) => ({ needId: w.need }),
  },
  'app/(staff)/shelters/[id]/profile/actions.ts#saveShelterProfile': { permission: 'shelter.edit', on: 'shelter', form: profileForm },
  'app/(staff)/shelters/[id]/profile/actions.ts#saveLateArrivals': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ shelterId: w.shelter.id, lateGraceMinutes: '45', latestArrival: '01:00' }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#createRoom': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ shelterId: w.shelter.id, name: 'Attic', nameRu: 'Мансарда', nameTr: 'Tavan arası', kind: 'mixed', beds: '2' }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#editRoom': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ roomId: w.room.id, name: 'Blue room', kind: 'family', accessible: 'on' }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#editRoomNames': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ roomId: w.room.id, nameRu: 'Синяя комната', nameUk: '', nameTr: 'Mavi oda', nameEn: '' }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#deleteRoom': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ roomId: w.emptyRoom.id }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#addBedsToRoom': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ roomId: w.room.id, count: '2' }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#addSurgeBedsToRoom': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => {
      const tonight = tonightIn(w.shelter.timeZone, new Date());
      return {
        roomId: w.room.id,
        count: '2',
        kind: 'mat',
        label: 'Mat',
        firstNight: addNights(tonight, 1),
        lastNight: addNights(tonight, 2),
      };
    },
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#endSurgeBedEarly': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ bedId: w.surgeBed, lastNight: '2099-01-03' }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#renameBedLabel': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ bedId: w.beds[0].id, label: 'A' }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#takeBedOutOfService': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ bedId: w.beds[0].id, reason: 'Broken' }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#putBedBackInService': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ bedId: w.beds[2].id }),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#deleteBed': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ bedId: w.beds[1].id }),
  },
  'app/(staff)/arrivals/new/actions.ts#registerHousehold': {
    permission: 'household.register',
    on: 'here',
    form: (w) => ({
      alias: 'Anna',
      adultMen: '0',
      adultWomen: '1',
      children: '0',
      'languages[]': ['ru'],
      arrival: 'here',
      intakeKey: crypto.randomUUID(),
      cityId: w.shelter.cityId!,
    }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#reservePlace': {
    permission: 'household.place',
    on: 'waiting',
    form: (w) => ({ arrivalId: w.waiting.id, 'bedIds[]': [w.beds[0].id] }),
  },
  'app/(staff)/arrivals/actions.ts#placeSelected': {
    permission: 'household.place',
    on: 'waiting',
    refusesEach: true,
    form: (w) => ({ shelterId: w.shelter.id, 'arrivalIds[]': [w.waiting.id, w.request.id] }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#moveHousehold': {
    permission: 'stay.change',
    on: 'reserved',
    form: (w) => ({ stayId: w.reserved.id, 'bedIds[]': [w.freeStayBed.id] }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#cancelReservation': {
    permission: 'stay.change',
    on: 'reserved',
    form: (w) => ({ stayId: w.reserved.id }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#changeDates': {
    permission: 'stay.change',
    on: 'reserved',
    form: (w) => ({ stayId: w.reserved.id, departure: w.laterDeparture }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#renewArrivalLink': {
    permission: 'stay.change',
    on: 'reserved',
    form: (w) => ({ stayId: w.reserved.id }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#revokeArrivalLink': {
    permission: 'stay.change',
    on: 'reserved',
    form: (w) => ({ stayId: w.reserved.id }),
  },
  'app/(staff)/shelters/[id]/actions.ts#checkInHousehold': {
    permission: 'stay.checkIn',
    on: 'shelter',
    form: (w) => ({ stayId: w.reserved.id }),
  },
  'app/(staff)/shelters/[id]/actions.ts#checkOutHousehold': {
    permission: 'stay.checkIn',
    on: 'shelter',
    form: (w) => ({ stayId: w.checkedIn.id }),
  },
  'app/(staff)/shelters/[id]/actions.ts#addOneNight': {
    permission: 'stay.checkIn',
    on: 'shelter',
    form: (w) => ({ stayId: w.checkedIn.id, departure: addNights(tonightIn(w.shelter.timeZone, new Date()), 1) }),
    setup: (w) => {
      const tonight = tonightIn(w.shelter.timeZone, new Date());
      datedStay(db, w.checkedIn.id, [w.checkedIn.bedId], { firstNight: tonight, departure: addNights(tonight, 1) });
    },
  },
  'app/(staff)/shelters/[id]/actions.ts#undoOneNight': {
    permission: 'stay.checkIn',
    on: 'shelter',
    // Only whoever tapped "one more night" may take it back: here the shelter's host, a moment ago.
    only: ['host'],
    // Without the setup (the second-factor test below), an id that names nothing: refused all the same.
    form: (w) => ({
      extensionId:
        (sqlite.prepare('select id from stay_extensions where stay_id = ?').pluck().get(w.checkedIn.id) as string | undefined) ?? 'none',
    }),
    setup: (w) => {
      const tonight = tonightIn(w.shelter.timeZone, new Date());
      datedStay(db, w.checkedIn.id, [w.checkedIn.bedId], { firstNight: tonight, departure: addNights(tonight, 1) });
      const host = asStaff(w.callers.host, [w.shelter.id]);
      write(db, (tx) => oneMoreNight(tx, host, { stayId: w.checkedIn.id, departure: addNights(tonight, 1) }, new Date()));
    },
  },
  'app/(staff)/shelters/[id]/calendar/actions.ts#closeShelterNights': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => {
      const tonight = tonightIn(w.shelter.timeZone, new Date());
      return {
        shelterId: w.shelter.id,
        roomId: w.room.id,
        firstNight: addNights(tonight, 3),
        lastNight: addNights(tonight, 4),
        reason: 'Painting',
      };
    },
  },
  'app/(staff)/shelters/[id]/calendar/actions.ts#reopenShelterNights': {
    permission: 'shelter.edit',
    on: 'shelter',
    form: (w) => ({ closureId: w.closure }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#markRequestNotGenuine': {
    permission: 'household.place',
    on: 'waiting',
    form: (w) => ({ arrivalId: w.request.id }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#renewRequestLink': {
    permission: 'household.place',
    on: 'waiting',
    form: (w) => ({ arrivalId: w.request.id }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#forgetArrival': {
    permission: 'household.place',
    on: 'waiting',
    form: (w) => ({ arrivalId: w.waiting.id }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#markRegisteredByMistake': {
    permission: 'household.place',
    on: 'waiting',
    form: (w) => ({ arrivalId: w.waiting.id }),
  },
  'app/(staff)/arrivals/[id]/actions.ts#revealArrival': {
    permission: 'household.reveal',
    on: 'waiting',
    form: (w) => ({ arrivalId: w.waiting.id }),
  },
  'app/(staff)/settings/actions.ts#saveNetworkContact': {
    permission: 'network.configure',
    on: 'anywhere',
    form: () => ({
      contactPhone: '+90 555 000 0100',
      contactTelegram: '@net_help',
      contactWhatsapp: '',
      requestsPerHour: '40',
      retentionDays: '21',
    }),
  },
  // 'off', as it is: saving records who and when all the same, and the other cases need it off.
  'app/(staff)/settings/actions.ts#saveSecondFactorSetting': {
    permission: 'network.configure',
    on: 'anywhere',
    form: () => ({ secondFactor: 'off' }),
  },
  // A city's meeting points are its admins' (the world's point is in the shelter's city).
  'app/(staff)/settings/meeting-points/actions.ts#addMeetingPoint': {
    permission: 'meetingPoint.edit',
    on: 'here',
    form: (w) => ({
      name: `Bus station ${w.shelter.id}`,
      nameRu: `Автовокзал ${w.shelter.id}`,
      cityId: w.shelter.cityId!,
      latitude: '41.0383',
      longitude: '28.8936',
    }),
  },
  'app/(staff)/settings/meeting-points/actions.ts#saveMeetingPoint': {
    permission: 'meetingPoint.edit',
    on: 'here',
    form: (w) => ({
      meetingPointId: w.meetingPoint,
      name: `Moved ${w.shelter.id}`,
      nameTr: `Taşındı ${w.shelter.id}`,
      cityId: w.shelter.cityId!,
      latitude: '40.8986',
      longitude: '29.3092',
    }),
  },
  'app/(staff)/settings/meeting-points/actions.ts#removeMeetingPoint': {
    permission: 'meetingPoint.edit',
    on: 'here',
    form: (w) => ({ meetingPointId: w.meetingPoint }),
  },
  'app/(staff)/settings/cities/actions.ts#addCity': {
    permission: 'city.create',
    on: 'anywhere',
    form: (w) => ({ nameEn: `New city ${w.shelter.id}`, timeZone: 'Asia/Yerevan', contactTelegram: '@new_city' }),
  },
  'app/(staff)/settings/cities/actions.ts#saveCity': {
    permission: 'city.edit',
    on: 'otherCity',
    form: (w) => ({ cityId: w.city.id, nameEn: `Renamed ${w.shelter.id}`, slug: w.city.slug, timeZone: 'Asia/Tbilisi' }),
  },
  'app/(staff)/settings/cities/actions.ts#removeCity': {
    permission: 'city.edit',
    on: 'otherCity',
    form: (w) => ({ cityId: w.emptyCity.id }),
  },
  'app/(staff)/arrivals/[id]/meeting-point-actions.ts#chooseMeetingPoint': {
    permission: 'household.place',
    on: 'waiting',
    form: (w) => ({ arrivalId: w.waiting.id, meetingPointId: w.meetingPoint }),
  },
  'app/(staff)/offers/actions.ts#setOfferStatusAction': {
    permission: 'offer.vet',
    on: 'here',
    form: (w) => ({ offerId: w.offer, status: 'contacted' }),
  },
  'app/(staff)/offers/actions.ts#tickOfferCheckAction': {
    permission: 'offer.vet',
    on: 'here',
    form: (w) => ({ offerId: w.offer, checkId: vettingCheck }),
  },
  'app/(staff)/offers/actions.ts#untickOfferCheckAction': {
    permission: 'offer.vet',
    on: 'here',
    form: (w) => ({ offerId: w.offer, checkId: vettingCheck }),
    // Each caller takes back only their own tick: every one of them has ticked.
    setup: (w) => {
      for (const user of Object.values(w.callers))
        db.insert(offerTicks).values({ offerId: w.offer, checkId: vettingCheck, userId: user.id, at: new Date() }).run();
    },
  },
  'app/(staff)/settings/actions.ts#addVettingCheckAction': {
    permission: 'network.configure',
    on: 'anywhere',
    form: () => ({ label: 'Met in person', twoPeople: 'on' }),
  },
  'app/(staff)/settings/actions.ts#removeVettingCheckAction': {
    permission: 'network.configure',
    on: 'anywhere',
    form: (w) => ({ checkId: `check-${w.shelter.id}` }),
    setup: (w) =>
      void db
        .insert(vettingChecks)
        .values({ id: `check-${w.shelter.id}`, label: 'Met in person', position: 2 })
        .run(),
  },
  'app/(staff)/settings/actions.ts#saveIdleSetting': {
    permission: 'network.configure',
    on: 'anywhere',
    form: () => ({ idleMinutes: '90' }),
  },
  'app/(staff)/settings/actions.ts#saveHomesSetting': {
    permission: 'network.configure',
    on: 'anywhere',
    form: () => ({ 'kinds[]': ['women', 'families'] }),
  },
  'app/(staff)/notices/actions.ts#postShelterNoticeAction': {
    permission: 'notice.post',
    on: 'shelter',
    form: (w) => ({
      shelterId: w.shelter.id,
      textEn: 'Water is off until 18:00',
      endsAt: utcToZonedWallClock(new Date(Date.now() + 2 * 3600_000), w.shelter.timeZone),
    }),
  },
  'app/(staff)/notices/actions.ts#postCityNoticeAction': {
    permission: 'notice.postCity',
    on: 'here',
    form: (w) => ({
      cityId: w.shelter.cityId!,
      textRu: 'Паромы не ходят',
      endsAt: utcToZonedWallClock(new Date(Date.now() + 2 * 3600_000), w.shelter.timeZone),
    }),
  },
  'app/(staff)/notices/actions.ts#withdrawNoticeAction': {
    permission: 'notice.post',
    on: 'shelter',
    form: (w) => ({ noticeId: w.notice }),
    // Written by a host since gone elsewhere: having written it is no right to take it down.
    setup: (w) => void sqlite.prepare('update notices set created_by = ? where id = ?').run(w.callers.otherHost.id, w.notice),
  },
  // A guest's "something was wrong" after their stay: looked at by the city's guides and admins, never a host.
  'app/(staff)/feedback/actions.ts#lookAtWordAction': {
    permission: 'stay.feedback',
    on: 'shelter',
    form: (w) => ({ stayId: w.checkedIn.id }),
    setup: (w) =>
      void sqlite
        .prepare("insert into stay_words (stay_id, shelter_id, answer, note, answered_at) values (?, ?, 'wrong', 'Cold', ?)")
        .run(w.checkedIn.id, w.shelter.id, Date.now()),
  },
  'app/(staff)/staff/actions.ts#resetStaffSecondFactor': {
    permission: 'staff.manage',
    on: 'everyCity',
    form: (w) => ({ userId: w.target.id }),
    setup: (w) => secondFactorOn(w.target),
  },
  'app/(staff)/staff/actions.ts#inviteStaff': {
    permission: 'staff.manage',
    on: 'here',
    form: (w) => ({ email: `new-${w.shelter.id.toLowerCase()}@x.test`, role: 'host', 'shelterIds[]': [w.shelter.id] }),
  },
  'app/(staff)/staff/actions.ts#revokeStaffInvitation': {
    permission: 'staff.manage',
    on: 'everyCity',
    form: (w) => ({ invitationId: w.invitation.id }),
  },
  'app/(staff)/staff/actions.ts#changeStaffRole': {
    permission: 'staff.manage',
    on: 'everyCity',
    form: (w) => ({ userId: w.target.id, role: 'host', 'shelterIds[]': [w.shelter.id] }),
  },
  'app/(staff)/staff/actions.ts#disableStaff': { permission: 'staff.manage', on: 'everyCity', form: (w) => ({ userId: w.target.id }) },
  'app/(staff)/staff/actions.ts#enableStaff': {
    permission: 'staff.manage',
    on: 'everyCity',
    form: (w) => ({ userId: w.disabledTarget.id }),
  },
};

/** Actions that anyone may call because a secret in the form is the credential; tested on their own below. */
const PUBLIC_ACTIONS = ['app/login/actions.ts#signInWithPassword', 'app/invite/[token]/actions.ts#acceptInvite'];

let actions = new Map<string, Action>();
beforeAll(async () => {
  actions = await serverActions();
});

function toFormData(form: Form): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

/** Calls an action; a redirect (Next throws it) counts as the outcome, anything else fails the test. */
async function call(action: Action, form: Form): Promise<FormState | { redirectedTo: string }> {
  try {
    return await action(idleState, toFormData(form));
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith('NEXT_REDIRECT')) return { redirectedTo: digest.split(';')[2] };
    throw error;
  }
}

/**
 * A guide of either city made the reservation, so that only the city can refuse them; for everyone
 * else it is the guide's, as makeWorld left it (a world may serve several callers in turn).
 */
function reserverOf(caller: Caller): Exclude<Caller, 'anonymous'> {
  return caller === 'cityGuide' || caller === 'outGuide' ? caller : 'guide';
}

async function actAs(caller: Caller, world: World): Promise<void> {
  if (caller === 'anonymous') return context.current.clear();
  const user = world.callers[caller];
  await context.current.signInAs(user, Date.now() - 1000);
  sqlite.prepare('update stays set reserved_by = ? where id = ?').run(world.callers[reserverOf(caller)].id, world.reserved.id);
  // A session from before the user signed out elsewhere.
  if (caller === 'signedOut') db.update(users).set({ sessionsValidAfter: new Date() }).where(eq(users.id, user.id)).run();
}

describe('server actions', () => {
  it('asks every permission of the policy: here, at a page door, or in what a page shows', () => {
    const asked = new Set<string>([
      ...Object.values(CASES).map((spec) => spec.permission),
      ...Object.values(PAGE_DOORS),
      ...Object.keys(SHOWN_BY),
    ]);
    expect([...asked].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('each exported server action has a case here', () => {
    expect(actions.size).toBeGreaterThan(10);
    const covered = [...Object.keys(CASES), ...PUBLIC_ACTIONS].sort();
    expect([...actions.keys()].sort()).toEqual(covered);
  });

  for (const [key, spec] of Object.entries(CASES)) {
    describe(key, () => {
      const freshWorld = () => {
        const world = makeWorld();
        spec.setup?.(world);
        return world;
      };
      // A caller who does the work gets a world of their own. The refused share one, made by whichever
      // of them comes first: each proves that it wrote nothing (the commit count below), so the next
      // finds the world as it was made. Building a world was most of this file's time.
      let refusedWorld: World | undefined;
      for (const caller of CALLERS) {
        const rightful = rightfulFor(spec, caller);
        it(`${rightful ? 'does its work' : 'writes nothing'} for ${caller}`, async () => {
          const world = rightful ? freshWorld() : (refusedWorld ??= freshWorld());
          await actAs(caller, world);
          const before = commitsSeen(sqlite);
          const outcome = await call(actions.get(key)!, spec.form(world));
          const after = commitsSeen(sqlite);
          if (rightful) {
            expect(outcome).not.toMatchObject({ status: 'error' });
            expect(after).not.toEqual(before);
          } else {
            expect(after).toEqual(before);
            // Out of their city, a thing is refused as if it did not exist, or the city is named (next to its field) as not theirs.
            if (SCOPED.includes(caller) && spec.refusesEach) {
              expect(outcome).toMatchObject({ status: 'ok', messageParams: { placed: 0 } });
              expect(JSON.stringify(outcome)).not.toMatch(new RegExp([world.waiting, world.request].map((h) => h.alias).join('|')));
            } else if (SCOPED.includes(caller)) {
              expect(outcome).toMatchObject({ status: 'error', message: expect.stringMatching(/^(notAllowed|notFound|checkFields)$/) });
              // A refusal next to a field says the city, or the shelter, is not the caller's.
              if ((outcome as FormState).message === 'checkFields')
                expect(Object.values((outcome as FormState).fieldErrors ?? {})).toEqual([
                  expect.stringMatching(/^(cityNotHeld|noticeCityNotHeld|shelterNotYours)$/),
                ]);
            } else if (EVERY_SIGNED_IN.includes(caller)) expect(outcome).toMatchObject({ status: 'error', message: 'notAllowed' });
            else if (spec.worksSignedOut) expect(outcome).toEqual({ status: 'ok' });
            else expect(outcome).toEqual({ redirectedTo: expect.stringMatching(/^(http:\/\/localhost:3000)?\/login$/) });
          }
        });
      }
    });
  }
});

/** What someone who must enrol may still do: enrol, sign out, and read the screens in their language. */
const WHILE_ENROLLING = [
  'app/(staff)/account/actions.ts#startSecondFactor',
  'app/(staff)/account/actions.ts#confirmSecondFactor',
  'app/(staff)/actions.ts#signOutEverywhere',
  'app/actions.ts#chooseLocale',
];

describe('a staff member the network requires a second factor of, not yet enrolled', () => {
  const policy = (secondFactor: 'off' | 'everyone') =>
    db
      .insert(networkSettings)
      .values({ id: 1, secondFactor })
      .onConflictDoUpdate({ target: networkSettings.id, set: { secondFactor } })
      .run();

  for (const [key, spec] of Object.entries(CASES)) {
    const enrolling = WHILE_ENROLLING.includes(key);
    it(`${enrolling ? 'may' : 'may not'} call ${key}`, async () => {
      const world = makeWorld();
      // The most powerful caller allowed, so that only the missing second factor can refuse.
      const caller = (['admin', 'host', 'guide'] as const).find((c) => rightfulFor(spec, c))!;
      await actAs(caller, world);
      policy('everyone');
      try {
        const before = commitsSeen(sqlite);
        const outcome = await call(actions.get(key)!, spec.form(world));
        if (enrolling) return void expect(commitsSeen(sqlite)).not.toEqual(before);
        expect(outcome).toEqual({ status: 'error', message: 'secondFactorRequired' });
        expect(commitsSeen(sqlite)).toEqual(before);
      } finally {
        policy('off');
      }
    });
  }
});

/**
 * The staff actions as an admin of one city: on staff, invitations and shelters of that city they
 * work; on another city's, or on an all-city account, they write nothing.
 */
describe('staff actions × an admin in or out of the city', () => {
  function cityWorld() {
    const [here, there] = [makeCity(db), makeCity(db)];
    const shelterHere = makeShelter(db, { cityId: here.id });
    const shelterThere = makeShelter(db, { cityId: there.id });
    const admin = makeUser(db, 'admin', { cityIds: [here.id] });
    const guide = (cityId: string, disabled = false) => makeUser(db, 'guide', { cityIds: [cityId], disabled });
    const invitation = (cityId: string) => {
      const row = db
        .insert(invitations)
        .values({
          tokenHash: `hash-${cityId}`,
          email: `pending-${cityId.toLowerCase()}@x.test`,
          role: 'guide',
          expiresAt: new Date(Date.now() + 86_400_000),
        })
        .returning()
        .get();
      sqlite.prepare('insert into invitation_cities (invitation_id, city_id) values (?, ?)').run(row.id, cityId);
      return row.id;
    };
    return { here, there, shelterHere, shelterThere, admin, guide, invitation };
  }
  type CityWorld = ReturnType<typeof cityWorld>;
  const side = (w: CityWorld, inside: boolean) => ({ city: inside ? w.here : w.there, shelter: inside ? w.shelterHere : w.shelterThere });
  const CITY_CASES: Record<string, (w: CityWorld, inside: boolean) => Form> = {
    inviteStaff: (w, inside) => ({
      email: `new-${w.here.id.toLowerCase()}@x.test`,
      role: 'guide',
      'cityIds[]': [side(w, inside).city.id],
    }),
    inviteHost: (w, inside) => ({
      email: `host-${w.here.id.toLowerCase()}@x.test`,
      role: 'host',
      'shelterIds[]': [side(w, inside).shelter.id],
    }),
    revokeStaffInvitation: (w, inside) => ({ invitationId: w.invitation(side(w, inside).city.id) }),
    changeStaffRole: (w, inside) => ({ userId: w.guide(side(w, inside).city.id).id, role: 'admin', 'cityIds[]': [w.here.id] }),
    disableStaff: (w, inside) => ({ userId: w.guide(side(w, inside).city.id).id }),
    enableStaff: (w, inside) => ({ userId: w.guide(side(w, inside).city.id, true).id }),
    resetStaffSecondFactor: (w, inside) => {
      const target = w.guide(side(w, inside).city.id);
      db.update(users)
        .set({ totpSecret: sealSecret(ENROLMENT_KEY, target.id) })
        .where(eq(users.id, target.id))
        .run();
      secondFactorOn(target);
      return { userId: target.id };
    },
  };
  for (const [name, form] of Object.entries(CITY_CASES)) {
    for (const inside of [true, false]) {
      it(`${name} ${inside ? 'works on its own city' : 'writes nothing for another city'}`, async () => {
        const w = cityWorld();
        const values = form(w, inside);
        await context.current.signInAs(w.admin, Date.now() - 1000);
        const before = commitsSeen(sqlite);
        const action = name === 'inviteHost' ? 'inviteStaff' : name;
        const outcome = await call(actions.get(`app/(staff)/staff/actions.ts#${action}`)!, values);
        if (inside) {
          expect(outcome).not.toMatchObject({ status: 'error' });
          expect(commitsSeen(sqlite)).not.toEqual(before);
        } else {
          expect(outcome).toMatchObject({ status: 'error' });
          expect(commitsSeen(sqlite)).toEqual(before);
        }
      });
    }
  }
});

describe('public actions', () => {
  it('sign-in with a wrong password starts no session and writes only the failure count', async () => {
    const user = makeUser(db, 'host', { passwordHash: await hashPassword('right password here') });
    context.current.clear();
    const before = snapshot(sqlite, ['login_throttles']);
    const outcome = await call(actions.get(PUBLIC_ACTIONS[0])!, { email: user.email, password: 'wrong password here' });
    expect(outcome).toMatchObject({ status: 'error', message: 'signInFailed' });
    expect(snapshot(sqlite, ['login_throttles'])).toEqual(before);
    expect(context.current.cookie('authjs.session-token')).toBeUndefined();

    const success = await call(actions.get(PUBLIC_ACTIONS[0])!, { email: user.email, password: 'right password here' });
    expect(success).toEqual({ redirectedTo: '/shelters' });
    expect(context.current.cookie('authjs.session-token')).toBeTruthy();
  });

  it('an invitation with an unknown token writes nothing; a real one creates the account once', async () => {
    const admin = makeUser(db, 'admin');
    const shelter = makeShelter(db);
    const { createInvitation } = await import('@/lib/staff/invitations');
    const { token } = createInvitation(
      db,
      { ...admin, shelterIds: [] },
      { email: 'new-host@x.test', role: 'host', shelterIds: [shelter.id] },
      new Date(),
    );
    context.current.clear();
    const form = { name: 'Zeynep', password: 'a long enough passphrase', confirmPassword: 'a long enough passphrase' };

    const before = snapshot(sqlite, ['login_throttles']);
    const refused = await call(actions.get(PUBLIC_ACTIONS[1])!, { ...form, token: `${token.slice(0, -2)}xx` });
    expect(refused).toMatchObject({ status: 'error', message: 'invitationInvalid' });
    expect(snapshot(sqlite, ['login_throttles'])).toEqual(before);

    expect(await call(actions.get(PUBLIC_ACTIONS[1])!, { ...form, token })).toEqual({ redirectedTo: '/shelters' });
    const created = db.select().from(users).where(eq(users.email, 'new-host@x.test')).get();
    expect(created).toMatchObject({ name: 'Zeynep', role: 'host' });
    expect(db.select().from(shelterMembers).where(eq(shelterMembers.userId, created!.id)).all()).toEqual([
      { userId: created!.id, shelterId: shelter.id },
    ]);

    const again = snapshot(sqlite, ['login_throttles']);
    expect(await call(actions.get(PUBLIC_ACTIONS[1])!, { ...form, token })).toMatchObject({
      status: 'error',
      message: 'invitationInvalid',
    });
    expect(snapshot(sqlite, ['login_throttles'])).toEqual(again);
  });
});
