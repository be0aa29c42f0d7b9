import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { GET, POST } from '@/app/s/[token]/route';
import { expireHolds } from '@/lib/placement/expiry';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { hostDay } from '@/lib/shelters/day';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

// "Late, about HH:MM" on the arrival's page: what the page then says is what the host sees and what the
// expiry job does, to the minute; and what the shelter does not take is refused with its phone.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

// 30 Nov 2026, 21:00 in Istanbul (UTC+3).
const NOW = new Date('2026-11-30T18:00:00Z');
vi.useFakeTimers({ toFake: ['Date'], now: NOW });
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db, sqlite } = test;
afterEach(() => vi.setSystemTime(NOW));
afterAll(() => {
  vi.useRealTimers();
  test.cleanup();
});

const ORIGIN = 'http://localhost:3000';
const PHONE = '+90 212 555 00 00';
// Door 14:00–23:00 and the default 30 minutes of grace, no latest hour of its own.
const shelter = makeShelter(db, { name: 'Fatih Hall', status: 'open', timeZone: 'Europe/Istanbul', phone: PHONE });
const { beds } = makeRoom(db, shelter.id, 'mixed', 12);
let nextBed = 0;
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);

/** A stay for tonight whose hold ends at `holdUntil`, with its link. */
function linkedStay(holdUntil: Date, shelterId = shelter.id) {
  const arrival = makeArrival(db, { alias: `Guest ${nextBed}` });
  const stay = makeStay(db, {
    arrivalId: arrival.id,
    shelterId,
    bedIds: [beds[nextBed++].id],
    holdUntil,
    firstNight: '2026-11-30',
    departure: '2026-12-02',
  });
  const token = newLinkToken();
  sqlite
    .prepare('update stays set link_token_hash = ?, link_expires_at = ? where id = ?')
    .run(hashLinkToken(token), NOW.getTime() + 86_400_000, stay.id);
  return { stay, token };
}
const say = (token: string, body: Record<string, string>) =>
  POST(
    new Request(`${ORIGIN}/s/${token}`, {
      method: 'POST',
      body: new URLSearchParams(body),
      headers: {
        host: 'localhost:3000',
        origin: ORIGIN,
        'x-forwarded-for': '203.0.113.9',
        'content-type': 'application/x-www-form-urlencoded',
      },
    }),
    { params: Promise.resolve({ token }) },
  );
const page = async (token: string, lang = 'en') =>
  (
    await GET(new Request(`${ORIGIN}/s/${token}?lang=${lang}`, { headers: { host: 'localhost:3000' } }), {
      params: Promise.resolve({ token }),
    })
  ).text();
const statusOf = (stayId: string) => sqlite.prepare('select status from stays where id = ?').pluck().get(stayId);
const hostSees = (stayId: string) => hostDay(db, host, shelter, new Date()).expected.find((s) => s.id === stayId)?.holdUntil;
/** Runs the expiry job as lib/jobs.ts does, at `at`. */
const expireAt = (at: Date) => {
  vi.setSystemTime(at);
  return expireHolds(db, at);
};

describe('"late, about 22:15" with the hold ending at 22:00', () => {
  it('holds the bed until 22:45 on the page, on the host’s list and in the expiry job alike', async () => {
    const { stay, token } = linkedStay(new Date('2026-11-30T19:00:00Z'));
    expect(await page(token)).toContain('1 bed is held for you until 22:00.');
    expect((await say(token, { intent: 'late', eta: '22:15', lang: 'en' })).status).toBe(303);
    const html = await page(token);
    expect(html).toContain('1 bed is held for you until 22:45.');
    expect(html).toContain('You told the shelter at 21:00 that you will come at about 22:15.');
    expect(hostSees(stay.id)).toEqual(new Date('2026-11-30T19:45:00Z'));
    // At 22:00, the old end, and at 22:44 the bed is still theirs; at 22:45 it is freed.
    expireAt(new Date('2026-11-30T19:00:00Z'));
    expireAt(new Date('2026-11-30T19:44:00Z'));
    expect(statusOf(stay.id)).toBe('reserved');
    expireAt(new Date('2026-11-30T19:45:00Z'));
    expect(statusOf(stay.id)).toBe('expired');
  });

  it('never runs past the door’s closing (23:00) when the host set no latest hour, and says so first', async () => {
    const { stay, token } = linkedStay(new Date('2026-11-30T19:00:00Z'));
    expect(await page(token)).toContain('Your bed is then kept 30 minutes past the time you give, but not after 23:00.');
    expect((await say(token, { intent: 'late', eta: '22:50' })).status).toBe(303);
    expect(await page(token)).toContain('held for you until 23:00.');
    expect(hostSees(stay.id)).toEqual(new Date('2026-11-30T20:00:00Z'));
    expireAt(new Date('2026-11-30T19:59:00Z'));
    expect(statusOf(stay.id)).toBe('reserved');
    expireAt(new Date('2026-11-30T20:00:00Z'));
    expect(statusOf(stay.id)).toBe('expired');
  });
});

describe('a time the shelter does not take', () => {
  it.each([
    ['en', 'The latest the shelter lets guests in is 23:00, so 23:30 is too late for this bed. Shelter&#x27;s phone: +90 212 555 00 00.'],
    ['ru', 'Приют принимает гостей не позже 23:00, поэтому 23:30 — слишком поздно для этого места. Телефон приюта: +90 212 555 00 00.'],
    ['uk', 'Притулок приймає гостей не пізніше 23:00, тому 23:30 — надто пізно для цього місця. Телефон притулку: +90 212 555 00 00.'],
    [
      'tr',
      'Barınak misafirleri en geç 23:00 saatine kadar kabul ediyor; 23:30 bu yatak için çok geç. Barınağın telefonu: +90 212 555 00 00.',
    ],
  ])('is refused next to the field in the guest’s language (%s), with the shelter’s phone, and writes nothing', async (lang, message) => {
    const { stay, token } = linkedStay(new Date('2026-11-30T19:00:00Z'));
    const before = snapshot(sqlite);
    const response = await say(token, { intent: 'late', eta: '23:30', lang });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`id="eta-error" role="alert">${message}`);
    expect(snapshot(sqlite)).toBe(before);
    expect(hostSees(stay.id)).toEqual(new Date('2026-11-30T19:00:00Z'));
  });

  it('refuses a time already past, and "late" said a second time, writing nothing', async () => {
    const { stay, token } = linkedStay(new Date('2026-11-30T19:00:00Z'));
    let before = snapshot(sqlite);
    const past = await say(token, { intent: 'late', eta: '20:30', lang: 'ru' });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain('20:30 уже прошло. Укажите более позднее время.');
    expect(snapshot(sqlite)).toBe(before);
    expect((await say(token, { intent: 'late', eta: '22:00' })).status).toBe(303);
    // The form for a new time gives way to the phone; a post anyway is refused.
    expect(await page(token)).not.toContain('name="eta"');
    expect(await page(token)).toContain('To change the time you gave, please call the shelter. Shelter&#x27;s phone: +90 212 555 00 00.');
    before = snapshot(sqlite);
    const again = await say(token, { intent: 'late', eta: '22:40', lang: 'tr' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(
      'Geç kalacağınızı barınağa zaten bildirdiniz. Saati değiştirmek için lütfen barınağı arayın. Barınağın telefonu: +90 212 555 00 00.',
    );
    expect(snapshot(sqlite)).toBe(before);
    expect(hostSees(stay.id)).toEqual(new Date('2026-11-30T19:30:00Z'));
  });

  it('after the hold has run out, says nothing was sent and keeps the bed free', async () => {
    const { stay, token } = linkedStay(new Date('2026-11-30T19:00:00Z'));
    vi.setSystemTime(new Date('2026-11-30T19:05:00Z'));
    const before = snapshot(sqlite);
    const response = await say(token, { intent: 'late', eta: '22:30', lang: 'uk' });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(
      'Місце за вами більше не тримають, тому повідомлення до притулку не надіслано. Телефон притулку: +90 212 555 00 00.',
    );
    expect(snapshot(sqlite)).toBe(before);
    expireHolds(db, new Date());
    expect(statusOf(stay.id)).toBe('expired');
  });
});

describe('a shelter that lets guests in until 01:00', () => {
  const late = makeShelter(db, {
    name: 'Night Hall',
    status: 'open',
    timeZone: 'Europe/Istanbul',
    phone: PHONE,
    latestArrival: '01:00',
    lateGraceMinutes: 45,
  });

  it('takes "00:30" after midnight: the page names the next day, and the bed is held until 01:00, not later', async () => {
    const { stay, token } = linkedStay(new Date('2026-11-30T20:00:00Z'), late.id);
    expect(await page(token)).toContain('Your bed is then kept 45 minutes past the time you give, but not after 01:00.');
    expect((await say(token, { intent: 'late', eta: '00:30' })).status).toBe(303);
    expect(await page(token)).toContain('1 bed is held for you until 01:00 on December 1.');
    expect(await page(token, 'ru')).toContain('Для вас забронирована 1 кровать до 1 декабря, 01:00.');
    expireAt(new Date('2026-11-30T21:59:00Z'));
    expect(statusOf(stay.id)).toBe('reserved');
    expireAt(new Date('2026-11-30T22:00:00Z'));
    expect(statusOf(stay.id)).toBe('expired');
  });

  it('refuses 01:30 with the latest time it does take', async () => {
    const { token } = linkedStay(new Date('2026-11-30T20:00:00Z'), late.id);
    const response = await say(token, { intent: 'late', eta: '01:30', lang: 'en' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The latest the shelter lets guests in is 01:00, so 01:30 is too late for this bed.');
  });
});
