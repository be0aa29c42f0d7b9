import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderArrivalPage } from '@/components/arrival/render';
import { write } from '@/db';
import { stays } from '@/db/schema';
import { idleState, type FormState } from '@/lib/forms';
import { arrivalPageData } from '@/lib/guest-link/page-data';
import { householdForCaller, pendingReservations, shelterStays } from '@/lib/households/queries';
import { householdMeetingPoint, whereaboutsOf } from '@/lib/meeting-points/household';
import { createMeetingPoint, updateMeetingPoint } from '@/lib/meeting-points/manage';
import { listMeetingPoints } from '@/lib/meeting-points/points';
import { reserveBatch } from '@/lib/placement/batch';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { loadCalendar } from '@/lib/shelters/calendar';
import { closeNights, closuresAhead } from '@/lib/shelters/closures';
import { hostDay } from '@/lib/shelters/day';
import { addRoom } from '@/lib/shelters/rooms';
import { createMeetingPointSchema, updateMeetingPointSchema } from '@/lib/validation/meeting-point';
import { roomSchema } from '@/lib/validation/shelter';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { RequestContext } from '../support/request-context';
import { createTestDb, snapshot } from '../support/test-db';

const context = vi.hoisted(() => ({ current: undefined as unknown as RequestContext }));
vi.mock('next/headers', () => ({ headers: async () => context.current.headers(), cookies: async () => context.current.cookies() }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

// A room or a meeting point is named once, and optionally in each language; every reader sees its own
// language's name, else the one typed first.
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'translated-names-secret-translated-names-secret';
context.current = new RequestContext();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-12-07T09:00:00Z');
const admin = asStaff(makeUser(db, 'admin'));
const guide = asStaff(makeUser(db, 'guide'));
const shelter = makeShelter(db, { latitude: 41.01, longitude: 28.95 });
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);

const pointForm = (form: Record<string, string>) =>
  createMeetingPointSchema.parse({ cityId: shelter.cityId!, latitude: '41.2753', longitude: '28.7519', ...form });
const roomForm = (form: Record<string, string>) => roomSchema.parse({ shelterId: shelter.id, kind: 'mixed', beds: '2', ...form });

describe('a meeting point named in other languages', () => {
  const pointId = write(db, (tx) =>
    createMeetingPoint(
      tx,
      admin,
      pointForm({ name: 'Istanbul Airport', nameRu: ' Аэропорт Стамбула ', nameTr: 'İstanbul Havalimanı' }),
      NOW,
    ),
  );

  it('is offered to a Russian guide under its Russian name, to a Ukrainian reader under its own where it has none', () => {
    const named = (locale: string) => listMeetingPoints(db, guide, locale).find((point) => point.id === pointId)?.name;
    expect(named('ru')).toBe('Аэропорт Стамбула');
    expect(named('tr')).toBe('İstanbul Havalimanı');
    expect(named('en')).toBe('Istanbul Airport');
    expect(named('uk')).toBe('Istanbul Airport');
  });

  it('says where a household is, and measures suggestions from there, in the reader’s language', () => {
    const household = makeArrival(db, { meetingPointId: pointId });
    expect(householdMeetingPoint(db, household.id, 'ru')?.name).toBe('Аэропорт Стамбула');
    expect(whereaboutsOf(db, household.id, 'tr')?.from.name).toBe('İstanbul Havalimanı');
    expect(whereaboutsOf(db, household.id, 'en')?.from.name).toBe('Istanbul Airport');
  });

  it('loses a translation cleared on its form: that language falls back to the point’s own name', () => {
    const form = updateMeetingPointSchema.parse({
      meetingPointId: pointId,
      name: 'IST airport',
      cityId: shelter.cityId!,
      latitude: '41.2753',
      longitude: '28.7519',
      nameRu: '',
      nameTr: 'İstanbul Havalimanı',
    });
    write(db, (tx) => updateMeetingPoint(tx, admin, form, NOW));
    const named = (locale: string) => listMeetingPoints(db, guide, locale).find((point) => point.id === pointId)?.name;
    expect(named('ru')).toBe('IST airport');
    expect(named('tr')).toBe('İstanbul Havalimanı');
  });
});

describe('the household’s own page', () => {
  it('says how far the shelter is from the meeting point, under the point’s name in the page’s language', async () => {
    const point = write(db, (tx) =>
      createMeetingPoint(
        tx,
        admin,
        pointForm({
          name: 'Sabiha Gokcen',
          nameRu: 'Аэропорт Сабиха Гёкчен',
          nameUk: 'Аеропорт Сабіха Гекчен',
          latitude: '40.8986',
          longitude: '29.3092',
        }),
        NOW,
      ),
    );
    // Fatih, whose address the page gives.
    const fatih = makeShelter(db, { cityId: shelter.cityId, latitude: 41.0186, longitude: 28.9497 });
    const { beds } = makeRoom(db, fatih.id, 'mixed', 1);
    const token = newLinkToken();
    const stay = makeStay(db, {
      arrivalId: makeArrival(db, { meetingPointId: point }).id,
      shelterId: fatih.id,
      bedIds: [beds[0].id],
      holdUntil: new Date(NOW.getTime() + 3 * 3600_000),
    });
    db.update(stays)
      .set({ linkTokenHash: hashLinkToken(token) })
      .where(eq(stays.id, stay.id))
      .run();
    const page = async (locale: 'en' | 'ru' | 'tr' | 'uk') => {
      const data = arrivalPageData(db, token, NOW)!;
      return (await renderArrivalPage(data, locale, NOW)).replace(/<[^>]+>/g, '\n').replace(/\u00a0/g, ' ');
    };
    // Sabiha Gökçen airport lies 33 km east of Fatih in a straight line.
    expect(await page('ru')).toContain('От пункта «Аэропорт Сабиха Гёкчен»: около 33 км по прямой.');
    expect(await page('uk')).toContain('Від пункту «Аеропорт Сабіха Гекчен»: близько 33 км по прямій.');
    expect(await page('tr')).toContain('Sabiha Gokcen ile arası kuş uçuşu yaklaşık 33 km.');
    // A point next door is "under 1 km", never "about 0 km".
    db.$client.prepare('update meeting_points set latitude = 41.0190, longitude = 28.9500 where id = ?').run(point);
    expect(await page('en')).toContain('From Sabiha Gokcen: under 1 km in a straight line.');
    expect(await page('ru')).toContain('От пункта «Аэропорт Сабиха Гёкчен»: меньше 1 км по прямой.');
  });
});

describe('a room named in other languages', () => {
  const roomId = write(db, (tx) => addRoom(tx, host, roomForm({ name: 'Blue room', nameRu: 'Синяя комната', nameTr: '' }), NOW));
  const bedId = db.$client.prepare('select id from beds where room_id = ? order by label limit 1').pluck().get(roomId) as string;
  const household = makeArrival(db, { alias: 'Marat' });
  makeStay(db, { arrivalId: household.id, shelterId: shelter.id, bedIds: [bedId], holdUntil: new Date(NOW.getTime() + 3600_000) });

  it('is the Russian name on a Russian guide’s household page and queue, the room’s own in Turkish', () => {
    const beds = (locale: string) => householdForCaller(db, admin, household.id, NOW, locale)!.current!.beds.map((bed) => bed.roomName);
    expect(beds('ru')).toEqual(['Синяя комната']);
    expect(beds('tr')).toEqual(['Blue room']);
    const queued = pendingReservations(db, admin, NOW, null, 'ru').find((stay) => stay.household.id === household.id);
    expect(queued?.beds.map((bed) => bed.roomName)).toEqual(['Синяя комната']);
  });

  it('is the Russian name on a Russian host’s day, stay list, calendar and closures', () => {
    const tonight = '2026-12-07';
    expect(hostDay(db, host, shelter, NOW, 'ru').expected.flatMap((stay) => stay.beds.map((bed) => bed.roomName))).toEqual([
      'Синяя комната',
    ]);
    expect(shelterStays(db, host, shelter.id, NOW, 'ru').expected[0].beds[0].roomName).toBe('Синяя комната');
    expect(loadCalendar(db, shelter.id, tonight, 'ru').rooms.map((room) => room.name)).toEqual(['Синяя комната']);
    write(db, (tx) =>
      closeNights(tx, host, { shelterId: shelter.id, roomId, firstNight: '2026-12-20', lastNight: '2026-12-21', reason: null }, NOW),
    );
    expect(closuresAhead(db, shelter.id, tonight, 'ru').map((closure) => closure.roomName)).toEqual(['Синяя комната']);
    expect(closuresAhead(db, shelter.id, tonight, 'tr').map((closure) => closure.roomName)).toEqual(['Blue room']);
  });
});

describe('placing several from the queue', () => {
  it('names the beds each got in the guide’s language', () => {
    // 15:00 in Istanbul: tonight's door is open.
    const at = new Date('2026-10-01T12:00:00Z');
    const open = makeShelter(db, { cityId: shelter.cityId, status: 'open' });
    const openHost = asStaff(makeUser(db, 'host', { shelterIds: [open.id] }), [open.id]);
    write(db, (tx) => addRoom(tx, openHost, { ...roomForm({ name: 'Garden room', nameRu: 'Комната у сада' }), shelterId: open.id }, at));
    const household = makeArrival(db, { alias: 'Oleg', adultMen: 1, adultWomen: 0, arrivedAt: new Date(at.getTime() - 3_600_000) });
    const russianGuide = { ...asStaff(makeUser(db, 'guide')), locale: 'ru' };
    const { outcomes } = write(db, (tx) => reserveBatch(tx, russianGuide, { arrivalIds: [household.id], shelterId: open.id }, at));
    expect(outcomes[0].beds).toEqual([{ roomName: 'Комната у сада', label: '1' }]);
  });
});

describe('a name refused on its form', () => {
  const post = async (path: string, name: string, fields: Record<string, string>): Promise<FormState> => {
    await context.current.signInAs(admin);
    const actions = (await import(path)) as Record<string, (state: FormState, form: FormData) => Promise<FormState>>;
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return actions[name](idleState, form);
  };

  it('a line break, a tab or an over-long translation is refused next to its field, and nothing is written', async () => {
    const before = snapshot(sqlite);
    const point = await post('@/app/(staff)/settings/meeting-points/actions', 'addMeetingPoint', {
      name: 'Esenler bus station',
      nameRu: 'Автовокзал\nЭсенлер',
      nameTr: 'Esenler\tOtogarı',
      nameUk: 'а'.repeat(61),
      cityId: shelter.cityId!,
      latitude: '41.0383',
      longitude: '28.8936',
    });
    expect(point.fieldErrors).toEqual({ nameRu: 'controlCharacters', nameTr: 'controlCharacters', nameUk: 'tooLong' });
    const room = await post('@/app/(staff)/shelters/[id]/rooms/actions', 'createRoom', {
      shelterId: shelter.id,
      name: 'Green\u0000room',
      nameRu: 'Зелёная комната',
      kind: 'mixed',
      beds: '2',
    });
    expect(room.fieldErrors).toEqual({ name: 'controlCharacters' });
    expect(snapshot(sqlite)).toBe(before);
  });
});
