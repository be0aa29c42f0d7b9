import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { utcToZonedWallClock } from '@/lib/calendar/zones';
import { idleState, type FormState } from '@/lib/forms';
import en from '@/lib/i18n/messages/en.json';
import { addCheck } from '@/lib/offers/checklist';
import { createInvitation } from '@/lib/staff/invitations';
import { serverActions, type Action } from '../support/app-tree';
import { badPosts, leaks, toFormData, type Fields } from '../support/bad-input';
import { asStaff, FIXTURE_PASSWORD, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { datedStay } from '../support/host-day';
import { makeOffer } from '../support/offers';
import { RequestContext } from '../support/request-context';
import { commitsSeen, createTestDb, snapshot } from '../support/test-db';

// Every server action, sent hundreds of hostile posts by the most powerful caller (an admin, so that
// validation and not access control refuses them) and by a host: never a crash, never a write, never
// anything internal in what comes back.
const context = vi.hoisted(() => ({ current: undefined as unknown as RequestContext }));
vi.mock('next/headers', () => ({ headers: async () => context.current.headers(), cookies: async () => context.current.cookies() }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const RUNS = 100;
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'bad-input-secret-bad-input-secret-bad';
context.current = new RequestContext();
const { db, sqlite } = test;
afterAll(test.cleanup);

// One network for the whole file: every post is invalid, so none may change it.
const shelter = makeShelter(db, { status: 'open' });
const { room, beds } = makeRoom(db, shelter.id, 'mixed', 3);
const emptyRoom = makeRoom(db, shelter.id, 'family', 0).room;
sqlite.prepare("update beds set out_of_service_reason = 'leak' where id = ?").run(beds[2].id);
const stayRoom = makeRoom(db, shelter.id, 'mixed', 3);
const callers = { admin: makeUser(db, 'admin'), host: makeUser(db, 'host', { shelterIds: [shelter.id] }) };
const target = makeUser(db, 'guide');
const disabledTarget = makeUser(db, 'guide', { disabled: true });
const invitation = createInvitation(db, asStaff(callers.admin), { email: 'pending@x.test', role: 'guide', shelterIds: [] }, new Date());
const invitationId = (sqlite.prepare("select id from invitations where email = 'pending@x.test'").get() as { id: string }).id;
const waiting = makeArrival(db);
const request = makeArrival(db, { selfRegistered: true, contact: '@someone' });
const reserved = makeStay(db, { arrivalId: makeArrival(db).id, shelterId: shelter.id, bedIds: [stayRoom.beds[0].id] });
const checkedIn = makeStay(db, {
  arrivalId: makeArrival(db).id,
  shelterId: shelter.id,
  bedIds: [stayRoom.beds[1].id],
  status: 'checked_in',
});
const tonight = tonightIn(shelter.timeZone, new Date());
datedStay(db, checkedIn.id, [stayRoom.beds[1].id], { firstNight: tonight, departure: addNights(tonight, 1) });
// The host's "one more night" on that stay, as undo finds it; every post below names it wrongly.
const extensionId = (
  sqlite
    .prepare(
      "insert into stay_extensions (id, stay_id, added_by, added_at, departure_before, departure_after, nights_added, state_after) values (lower(hex(randomblob(8))), ?, ?, ?, ?, ?, '[]', '') returning id",
    )
    .get(checkedIn.id, callers.host.id, Date.now(), addNights(tonight, 1), addNights(tonight, 2)) as { id: string }
).id;
const closureId = (
  sqlite
    .prepare(
      "insert into shelter_closures (id, shelter_id, room_id, first_night, last_night, created_at) values (lower(hex(randomblob(8))), ?, ?, '2099-01-01', '2099-01-02', 0) returning id",
    )
    .get(shelter.id, room.id) as { id: string }
).id;
const surgeBedId = (
  sqlite
    .prepare(
      "insert into beds (id, room_id, label, surge_kind, surge_first_night, surge_last_night, created_at) values (lower(hex(randomblob(8))), ?, 'Mat 1', 'mat', '2099-01-01', '2099-01-05', 0) returning id",
    )
    .get(room.id) as { id: string }
).id;
const emptyCityId = makeCity(db, 'Kars', { slug: 'kars' }).id;
const meetingPointId = (
  sqlite
    .prepare(
      "insert into meeting_points (id, name, latitude, longitude, created_at) values (lower(hex(randomblob(8))), 'Istanbul Airport', 41.2753, 28.7519, 0) returning id",
    )
    .get() as { id: string }
).id;

const noticeId = (
  sqlite
    .prepare('insert into notices (id, shelter_id, ends_at, created_at) values (lower(hex(randomblob(8))), ?, ?, 0) returning id')
    .get(shelter.id, Date.now() + 3600_000) as { id: string }
).id;
const needId = (
  sqlite
    .prepare(
      "insert into shelter_needs (id, shelter_id, kind, last_day, created_at) values (lower(hex(randomblob(8))), ?, 'food', '2099-01-01', 0) returning id",
    )
    .get(shelter.id) as { id: string }
).id;
// An offered place in the shelter's city, and the network's one vetting item.
const offer = makeOffer(db, shelter.cityId!, new Date(), addNights(tonight, 1), addNights(tonight, 5));
const offerId = (sqlite.prepare('select id from offers where reference = ?').get(offer.reference) as { id: string }).id;
addCheck(db, asStaff(callers.admin), { label: 'Called the host', twoPeople: false }, new Date());
const checkId = (sqlite.prepare('select id from vetting_checks').get() as { id: string }).id;
// A guest's "something was wrong" about the reservation's stay, for the staff to look at.
sqlite
  .prepare("insert into stay_words (stay_id, shelter_id, answer, note, answered_at) values (?, ?, 'wrong', 'Cold', ?)")
  .run(reserved.id, shelter.id, Date.now());
// An end two hours ahead, in the shelter's zone, as the datetime-local field sends it.
const noticeEnd = utcToZonedWallClock(new Date(Date.now() + 2 * 3600_000), shelter.timeZone);

const id = (valid: string) => ({ kind: 'id' as const, valid });
const text = (valid: string) => ({ kind: 'text' as const, valid });
const number = (valid: string) => ({ kind: 'number' as const, valid });
const choice = (valid: string) => ({ kind: 'enum' as const, valid });
const list = (...valid: string[]) => ({ kind: 'list' as const, valid });
const free = (valid: string) => ({ kind: 'free' as const, valid });
const date = (valid: string) => ({ kind: 'date' as const, valid });
const optionalDate = (valid: string) => ({ kind: 'optionalDate' as const, valid });

/** Each action's form, valid as sent by its page, with what kind each field is. */
const FORMS: Record<string, Fields> = {
  'app/actions.ts#chooseLocale': { locale: choice('tr') },
  'app/(staff)/actions.ts#signOutEverywhere': {},
  'app/(staff)/account/actions.ts#changePassword': {
    currentPassword: text(FIXTURE_PASSWORD),
    password: text('a new passphrase for the night'),
    confirmPassword: free('a new passphrase for the night'),
  },
  'app/(staff)/account/actions.ts#startSecondFactor': { currentPassword: text(FIXTURE_PASSWORD) },
  'app/(staff)/account/actions.ts#confirmSecondFactor': { code: text('123456') },
  'app/(staff)/account/actions.ts#turnOffSecondFactor': { currentPassword: text(FIXTURE_PASSWORD), code: text('123456') },
  'app/(staff)/account/actions.ts#newRecoveryCodes': { currentPassword: text(FIXTURE_PASSWORD), code: text('123456') },
  'app/(staff)/shelters/actions.ts#addShelter': { name: text('New place'), district: text('Şişli'), cityId: id(shelter.cityId!) },
  'app/(staff)/shelters/[id]/actions.ts#confirmShelterAvailability': { shelterId: id(shelter.id) },
  'app/(staff)/shelters/[id]/profile/actions.ts#saveShelterProfile': {
    shelterId: id(shelter.id),
    name: text('Renamed shelter'),
    district: text('Fatih'),
    address: free('Somewhere 1'),
    latitude: free('41.01'),
    longitude: free('28.95'),
    phone: free('+90 555 000 0000'),
    'languages[]': list('ru', 'tr'),
    'amenities[]': list('wifi'),
    acceptsFamilies: free('on'),
    checkInFrom: { kind: 'clock', valid: '14:00' },
    checkInUntil: { kind: 'clock', valid: '22:00' },
    holdHours: number('6'),
    usualNights: number('3'),
    longestNights: free('14'),
    checkOutBy: { kind: 'clock', valid: '11:00' },
    // Any zone the runtime knows is fine ("Europe/London" too): a required text that must name one.
    timeZone: text('Europe/Istanbul'),
    status: choice('open'),
    directions_ru: free('Прямо'),
    cityId: free(shelter.cityId!),
  },
  'app/(staff)/shelters/[id]/profile/actions.ts#saveLateArrivals': {
    shelterId: id(shelter.id),
    lateGraceMinutes: number('45'),
    latestArrival: free('01:00'),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#createRoom': {
    shelterId: id(shelter.id),
    name: text('Attic'),
    nameRu: free('Мансарда'),
    nameTr: free(''),
    nameUk: free('Горище'),
    nameEn: free(''),
    kind: choice('mixed'),
    beds: number('2'),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#editRoom': {
    roomId: id(room.id),
    name: text('Blue room'),
    kind: choice('family'),
    accessible: free('on'),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#editRoomNames': {
    roomId: id(room.id),
    nameRu: free('Синяя комната'),
    nameUk: free(''),
    nameTr: free('Mavi oda'),
    nameEn: free(''),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#deleteRoom': { roomId: id(emptyRoom.id) },
  'app/(staff)/shelters/[id]/rooms/actions.ts#addBedsToRoom': { roomId: id(room.id), count: number('2') },
  'app/(staff)/shelters/[id]/rooms/actions.ts#addSurgeBedsToRoom': {
    roomId: id(room.id),
    count: number('2'),
    kind: choice('mat'),
    label: text('Mat'),
    firstNight: text(addNights(tonight, 1)),
    lastNight: text(addNights(tonight, 2)),
  },
  'app/(staff)/shelters/[id]/rooms/actions.ts#endSurgeBedEarly': { bedId: id(surgeBedId), lastNight: text('2099-01-03') },
  'app/(staff)/shelters/[id]/rooms/actions.ts#renameBedLabel': { bedId: id(beds[0].id), label: text('A') },
  'app/(staff)/shelters/[id]/rooms/actions.ts#takeBedOutOfService': { bedId: id(beds[0].id), reason: text('Broken') },
  'app/(staff)/shelters/[id]/rooms/actions.ts#putBedBackInService': { bedId: id(beds[2].id) },
  'app/(staff)/shelters/[id]/rooms/actions.ts#deleteBed': { bedId: id(beds[1].id) },
  'app/(staff)/arrivals/new/actions.ts#registerHousehold': {
    alias: text('Anna'),
    adultMen: number('0'),
    adultWomen: number('1'),
    children: number('0'),
    'languages[]': list('ru'),
    needsWheelchair: free('on'),
    needNote: free('stairs are hard'),
    contact: free('@anna'),
    arrival: choice('here'),
    arrivalTime: free('2026-03-01T10:00'),
    nightsWanted: free('3'),
    cityId: free(shelter.cityId!),
    destinationCityId: free(''),
    intakeKey: free('6f1c2b0e-8a4d-4c3e-9b7a-2d5e8f0a1b3c'),
  },
  'app/(staff)/arrivals/[id]/actions.ts#reservePlace': {
    arrivalId: id(waiting.id),
    'bedIds[]': list(beds[0].id),
    firstNight: optionalDate(reserved.firstNight!),
    departure: optionalDate(reserved.departure!),
  },
  'app/(staff)/arrivals/actions.ts#placeSelected': { 'arrivalIds[]': list(waiting.id, request.id), shelterId: id(shelter.id) },
  'app/(staff)/arrivals/[id]/actions.ts#moveHousehold': {
    stayId: id(reserved.id),
    'bedIds[]': list(stayRoom.beds[2].id),
    departure: optionalDate(reserved.departure!),
  },
  'app/(staff)/arrivals/[id]/actions.ts#cancelReservation': { stayId: id(reserved.id) },
  'app/(staff)/arrivals/[id]/actions.ts#changeDates': {
    stayId: id(reserved.id),
    departure: date(addNights(reserved.departure!, 1)),
    firstNight: optionalDate(reserved.firstNight!),
  },
  'app/(staff)/arrivals/[id]/actions.ts#renewArrivalLink': { stayId: id(reserved.id) },
  'app/(staff)/arrivals/[id]/actions.ts#revokeArrivalLink': { stayId: id(reserved.id) },
  'app/(staff)/shelters/[id]/actions.ts#checkInHousehold': { stayId: id(reserved.id) },
  'app/(staff)/shelters/[id]/actions.ts#checkOutHousehold': { stayId: id(checkedIn.id) },
  // A departure is a date: 'text' refuses it missing, blank, too long, as a list or a file.
  'app/(staff)/shelters/[id]/actions.ts#addOneNight': { stayId: id(checkedIn.id), departure: text(addNights(tonight, 1)) },
  'app/(staff)/shelters/[id]/actions.ts#undoOneNight': { extensionId: id(extensionId) },
  'app/(staff)/shelters/[id]/actions.ts#addShelterNeed': {
    shelterId: id(shelter.id),
    kind: choice('blankets'),
    note: free('for children'),
    lastDay: text(addNights(tonight, 3)),
  },
  'app/(staff)/shelters/[id]/actions.ts#removeShelterNeed': { needId: id(needId) },
  'app/(staff)/offers/actions.ts#setOfferStatusAction': { offerId: id(offerId), status: choice('contacted') },
  'app/(staff)/offers/actions.ts#tickOfferCheckAction': { offerId: id(offerId), checkId: id(checkId) },
  'app/(staff)/offers/actions.ts#untickOfferCheckAction': { offerId: id(offerId), checkId: id(checkId) },
  'app/(staff)/settings/actions.ts#addVettingCheckAction': { label: text('Met in person'), twoPeople: free('on') },
  'app/(staff)/settings/actions.ts#removeVettingCheckAction': { checkId: id(checkId) },
  'app/(staff)/shelters/[id]/calendar/actions.ts#closeShelterNights': {
    shelterId: id(shelter.id),
    roomId: free(room.id),
    firstNight: text(addNights(tonight, 3)),
    lastNight: text(addNights(tonight, 4)),
    reason: free('Painting'),
  },
  'app/(staff)/shelters/[id]/calendar/actions.ts#reopenShelterNights': { closureId: id(closureId) },
  'app/(staff)/arrivals/[id]/actions.ts#markRequestNotGenuine': { arrivalId: id(request.id) },
  'app/(staff)/arrivals/[id]/actions.ts#renewRequestLink': { arrivalId: id(request.id) },
  'app/(staff)/arrivals/[id]/actions.ts#forgetArrival': { arrivalId: id(waiting.id) },
  'app/(staff)/arrivals/[id]/actions.ts#markRegisteredByMistake': { arrivalId: id(waiting.id) },
  'app/(staff)/arrivals/[id]/actions.ts#revealArrival': { arrivalId: id(waiting.id) },
  'app/(staff)/settings/actions.ts#saveNetworkContact': {
    contactPhone: free('+90 555 000 0100'),
    contactTelegram: free('@net_help'),
    contactWhatsapp: free(''),
    requestsPerHour: number('40'),
    retentionDays: number('21'),
  },
  'app/(staff)/settings/actions.ts#saveSecondFactorSetting': { secondFactor: choice('admins') },
  // Coordinates are free: any number may be fine, so the name or the id is what breaks each post.
  'app/(staff)/settings/meeting-points/actions.ts#addMeetingPoint': {
    name: text('Esenler bus station'),
    nameRu: free('Автовокзал Эсенлер'),
    nameTr: free('Esenler Otogarı'),
    nameUk: free(''),
    nameEn: free(''),
    latitude: free('41.0383'),
    longitude: free('28.8936'),
  },
  'app/(staff)/settings/meeting-points/actions.ts#saveMeetingPoint': {
    meetingPointId: id(meetingPointId),
    name: text('Istanbul Airport (IST)'),
    nameRu: free('Аэропорт Стамбула'),
    nameTr: free('İstanbul Havalimanı'),
    nameUk: free('Аеропорт Стамбула'),
    nameEn: free(''),
    latitude: free('41.2753'),
    longitude: free('28.7519'),
  },
  'app/(staff)/settings/meeting-points/actions.ts#removeMeetingPoint': { meetingPointId: id(meetingPointId) },
  'app/(staff)/settings/cities/actions.ts#addCity': {
    nameEn: text('Yerevan'),
    nameRu: free('Ереван'),
    slug: free(''),
    timeZone: text('Asia/Yerevan'),
    contactPhone: free('+374 55 000 0100'),
  },
  'app/(staff)/settings/cities/actions.ts#saveCity': {
    cityId: id(shelter.cityId!),
    nameEn: text('Istanbul'),
    nameTr: free('İstanbul'),
    slug: free(''),
    timeZone: text('Europe/Istanbul'),
    contactTelegram: free('@ist'),
  },
  'app/(staff)/settings/cities/actions.ts#removeCity': { cityId: id(emptyCityId) },
  'app/(staff)/arrivals/[id]/meeting-point-actions.ts#chooseMeetingPoint': {
    arrivalId: id(waiting.id),
    meetingPointId: free(meetingPointId),
  },
  'app/(staff)/settings/actions.ts#saveIdleSetting': { idleMinutes: number('90') },
  'app/(staff)/settings/actions.ts#saveHomesSetting': { 'kinds[]': list('women', 'families') },
  // One text only: with a second one free, a post whose first text is blanked would still be a notice.
  'app/(staff)/notices/actions.ts#postShelterNoticeAction': {
    shelterId: id(shelter.id),
    textEn: text('Water is off until 18:00'),
    endsAt: { kind: 'clock', valid: noticeEnd },
  },
  'app/(staff)/notices/actions.ts#postCityNoticeAction': {
    cityId: id(shelter.cityId!),
    textEn: text('Ferries are not running'),
    endsAt: { kind: 'clock', valid: noticeEnd },
  },
  'app/(staff)/notices/actions.ts#withdrawNoticeAction': { noticeId: id(noticeId) },
  'app/(staff)/feedback/actions.ts#lookAtWordAction': { stayId: id(reserved.id), reopen: free('on') },
  'app/(staff)/staff/actions.ts#resetStaffSecondFactor': { userId: id(target.id) },
  'app/(staff)/staff/actions.ts#inviteStaff': {
    email: { kind: 'email', valid: 'new-host@x.test' },
    role: choice('host'),
    'shelterIds[]': list(shelter.id),
  },
  'app/(staff)/staff/actions.ts#revokeStaffInvitation': { invitationId: id(invitationId) },
  'app/(staff)/staff/actions.ts#changeStaffRole': { userId: id(target.id), role: choice('host'), 'shelterIds[]': list(shelter.id) },
  'app/(staff)/staff/actions.ts#disableStaff': { userId: id(target.id) },
  'app/(staff)/staff/actions.ts#enableStaff': { userId: id(disabledTarget.id) },
  'app/login/actions.ts#signInWithPassword': {
    email: { kind: 'email', valid: callers.host.email },
    password: text('a wrong but long password'),
  },
  'app/invite/[token]/actions.ts#acceptInvite': {
    token: id(invitation.token),
    name: text('Zeynep'),
    password: text('a long enough passphrase'),
    confirmPassword: free('a long enough passphrase'),
  },
};
/** It takes no input: every post is a valid one, which ends the caller's sessions. */
const TAKES_NO_INPUT: Record<string, (outcome: FormState | { control: string }) => void> = {
  'app/(staff)/actions.ts#signOutEverywhere': (outcome) =>
    expect(outcome).toEqual({ control: expect.stringMatching(/^NEXT_REDIRECT;.*\/login;/) }),
};

/** Sign-in failures are counted (and slowed down) by design: the one write a bad post may cause. */
const COUNTS_SIGN_INS: Record<string, true> = { 'app/login/actions.ts#signInWithPassword': true };

let actions = new Map<string, Action>();
beforeAll(async () => {
  actions = await serverActions();
});

/** Next's control-flow throws (redirect, notFound) are answers; any other throw is a 500. */
async function call(action: Action, data: FormData): Promise<FormState | { control: string }> {
  try {
    return await action(idleState, data);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK;404)/.test(digest)) return { control: digest };
    throw new Error(`500: ${(error as Error)?.stack ?? String(error)}`);
  }
}

const messageKeys = new Set([...Object.keys(en.errors), ...Object.keys(en.notices)]);
const internalIds = () =>
  (sqlite.prepare("select name from sqlite_master where type = 'table' and sql like '%\"id\" text%'").all() as { name: string }[]).flatMap(
    ({ name }) => (sqlite.prepare(`select id from "${name}"`).all() as { id: string }[]).map((row) => row.id),
  );

/** What the state says apart from echoing the user's own input: no leak, no id, only message keys. */
function checkState(state: FormState, data: FormData): void {
  expect(state.status).toBe('error');
  const { values, ...said } = state;
  const text = JSON.stringify(said);
  expect(leaks(text), text.slice(0, 500)).toEqual([]);
  expect(internalIds().filter((rowId) => text.includes(rowId))).toEqual([]);
  if (state.message) expect(messageKeys).toContain(state.message);
  for (const key of Object.values(state.fieldErrors ?? {})) expect(Object.keys(en.errors)).toContain(key);
  // The echo only gives back what was sent (possibly cut short), never anything of its own.
  const sent = [...data.values()].filter((v): v is string => typeof v === 'string');
  for (const echoed of Object.values(values ?? {}).flat()) expect(echoed === '' || sent.some((v) => v.startsWith(echoed))).toBe(true);
}

describe('bad input to every server action', () => {
  it('each exported server action has a form here', () => {
    expect(actions.size).toBeGreaterThan(10);
    expect([...actions.keys()].sort()).toEqual(Object.keys(FORMS).sort());
  });

  for (const [key, fields] of Object.entries(FORMS)) {
    for (const role of ['admin', 'host'] as const) {
      it(`${key} as ${role}: ${RUNS} hostile posts, no crash, no write, nothing internal`, async () => {
        const user = callers[role];
        let seed = 0;
        for (const c of `${key}#${role}`) seed = (seed * 31 + c.charCodeAt(0)) | 0;
        const reopenSessions = () => sqlite.prepare('update users set sessions_valid_after = null where id = ?').run(user.id);
        reopenSessions();
        await context.current.signInAs(user, Date.now() - 1000);
        const session = context.current.saved();
        const countsSignIns = key in COUNTS_SIGN_INS;
        await fc.assert(
          fc.asyncProperty(badPosts(fields), async ({ entries }) => {
            if (countsSignIns) sqlite.exec('delete from login_throttles');
            if (key in TAKES_NO_INPUT) reopenSessions(); // the last post ended every session of this caller
            context.current.restore(session);
            // Nothing committed is stricter than equal rows, and costs nothing however large the file;
            // a refused sign-in is counted on purpose, so there only the other tables must not change.
            const before = countsSignIns ? snapshot(sqlite, ['login_throttles']) : commitsSeen(sqlite);
            const data = toFormData(entries);
            const outcome = await call(actions.get(key)!, data);
            if (key in TAKES_NO_INPUT) return void TAKES_NO_INPUT[key](outcome);
            expect(countsSignIns ? snapshot(sqlite, ['login_throttles']) : commitsSeen(sqlite)).toEqual(before);
            // The caller stays signed in through every post: none is answered with "sign in again".
            if ('control' in outcome) expect(outcome.control).not.toMatch(/\/login;/);
            else checkState(outcome, data);
          }),
          { numRuns: RUNS, seed },
        );
      }, 60_000);
    }
  }
});
