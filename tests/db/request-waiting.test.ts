import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/s/[token]/route';
import { write } from '@/db';
import { hashLinkToken, issueLink } from '@/lib/placement/links';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay, renewStayLink, revokeStayLink } from '@/lib/placement/stays';
import { formStamp } from '@/lib/requests/form-guard';
import { submitRequest } from '@/lib/requests/self-register';
import { publicRequestSchema } from '@/lib/validation/request';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// A request's waiting page looks again by itself and says when it last did, in the city's clock; once
// a guide places the household, the request link shows the stay: the household's one link.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db, sqlite } = test;
afterAll(test.cleanup);
afterAll(() => vi.useRealTimers());

const ORIGIN = 'http://localhost:3000';
const guide = asStaff(makeUser(db, 'guide'));
const warsaw = makeCity(db, 'Warsaw', { slug: 'warsaw', timeZone: 'Europe/Warsaw' });
sqlite
  .prepare("insert into city_names (city_id, locale, name) values (?, 'ru', 'Варшава'), (?, 'uk', 'Варшава')")
  .run(warsaw.id, warsaw.id);
let addresses = 0;

/** A request from the public form for one woman in Warsaw, sent at `now`; its link's token. */
function requestAt(now: Date): string {
  const input = publicRequestSchema.parse({
    alias: 'Halyna-Private-4410',
    adultMen: '0',
    adultWomen: '1',
    children: '0',
    contact: '@halyna_private_4410',
    languages: ['uk'],
    cityId: warsaw.id,
  });
  const client = { address: `203.0.113.${++addresses}`, stamp: formStamp(new Date(now.getTime() - 60_000)) };
  const outcome = write(db, (tx) => submitRequest(tx, input, client, now));
  if (!('token' in outcome)) throw new Error(outcome.refusal);
  return outcome.token;
}
const arrivalOf = (token: string) =>
  sqlite.prepare('select id from arrivals where request_token_hash = ?').pluck().get(hashLinkToken(token)) as string;

async function open(token: string, now: Date, lang = 'ru', query = '') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  const response = await GET(new Request(`${ORIGIN}/s/${token}?lang=${lang}${query}`, { headers: { host: 'localhost:3000' } }), {
    params: Promise.resolve({ token }),
  });
  return { status: response.status, html: await response.text() };
}

const REFRESH = '<meta http-equiv="refresh" content="60"/>';

describe('the waiting page of a request', () => {
  it('loads itself again every minute without JavaScript, and says when it last looked in the city’s clock', async () => {
    const sent = new Date('2026-12-06T21:50:00Z');
    const token = requestAt(sent);
    // 23:30Z is already the next day in Warsaw: 00:30 on 7 December.
    const ru = await open(token, new Date('2026-12-06T23:30:00Z'));
    expect(ru.status).toBe(200);
    expect(ru.html).toContain(REFRESH);
    expect(ru.html).toContain('Заявка отправлена 6 декабря в 22:50 (местное время, Варшава).');
    expect(ru.html).toContain('Проверено в 00:30 (местное время, Варшава). Страница обновляется сама каждую минуту.');
    const uk = await open(token, new Date('2026-12-06T23:31:00Z'), 'uk');
    expect(uk.html).toContain('Перевірено о 00:31 (місцевий час, Варшава). Сторінка оновлюється сама щохвилини.');
    expect(uk.html).toContain(REFRESH);
  });

  it('can be told to stop refreshing, and to start again: a link each way, no meta refresh while paused', async () => {
    const token = requestAt(new Date('2026-12-06T09:00:00Z'));
    const running = await open(token, new Date('2026-12-06T09:10:00Z'), 'en');
    expect(running.html).toContain(REFRESH);
    expect(running.html).toContain('<a href="?lang=en&amp;refresh=off">Stop refreshing</a>');
    const paused = await open(token, new Date('2026-12-06T09:11:00Z'), 'en', '&refresh=off');
    expect(paused.status).toBe(200);
    expect(paused.html).not.toContain('http-equiv="refresh"');
    expect(paused.html).toContain('Checked at 10:11, Warsaw time. This page no longer refreshes by itself.');
    expect(paused.html).toContain('<a href="?lang=en&amp;refresh=off">Check now</a>');
    expect(paused.html).toContain('<a href="?lang=en">Refresh every minute again</a>');
    const ru = await open(token, new Date('2026-12-06T09:12:00Z'), 'ru', '&refresh=off');
    expect(ru.html).toContain('Страница больше не обновляется сама.');
    expect(ru.html).toContain('Снова обновлять каждую минуту');
  });

  it('reads the city’s clock across the night the clocks go back: 02:30 twice, an hour apart', async () => {
    const token = requestAt(new Date('2026-10-24T22:00:00Z'));
    // Warsaw leaves summer time at 01:00Z on 25 October 2026: 00:30Z and 01:30Z are both 02:30 there.
    expect((await open(token, new Date('2026-10-25T00:30:00Z'), 'en')).html).toContain('Checked at 02:30, Warsaw time.');
    expect((await open(token, new Date('2026-10-25T01:30:00Z'), 'en')).html).toContain('Checked at 02:30, Warsaw time.');
    expect((await open(token, new Date('2026-10-25T02:05:00Z'), 'en')).html).toContain('Checked at 03:05, Warsaw time.');
  });
});

describe('the links of a household once placed', () => {
  // 10:00Z is 11:00 in Warsaw: the bed is held from tonight.
  const NOW = new Date('2026-12-06T10:00:00Z');
  const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  const shelterIn = (name: string) => {
    const shelter = makeShelter(db, { status: 'open', name, cityId: warsaw.id, timeZone: 'Europe/Warsaw', address: `${name} street 1` });
    return { shelter, bed: makeRoom(db, shelter.id, 'women', 1).beds[0] };
  };
  const place = (arrivalId: string, bedId: string, at: Date) =>
    write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds: [bedId] }, at));

  it('give one link: reserving mints none, and the request link becomes the stay’s page, no longer refreshing', async () => {
    const request = requestAt(NOW);
    const { bed } = shelterIn('Praga Hostel');
    const placed = place(arrivalOf(request), bed.id, later(5));
    expect(placed.token).toBeNull();
    expect(sqlite.prepare('select link_token_hash from stays where id = ?').pluck().get(placed.stayId)).toBeNull();
    const page = await open(request, later(6));
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Praga Hostel</h1>');
    expect(page.html).toContain('Praga Hostel street 1');
    expect(page.html).toMatch(/Для вас забронирована 1 кровать до \d\d:\d\d/);
    expect(page.html).not.toContain('http-equiv="refresh"');
    expect(page.html).not.toContain('Halyna-Private-4410');
    // Only the person's own request link may withdraw the request.
    expect(page.html).toContain('Отменить заявку');
  });

  it('renew and revoke that one link: a new link is a new request link, and a stay link from before stops with the old one', async () => {
    const request = requestAt(NOW);
    const { shelter, bed } = shelterIn('Ochota Rooms');
    const household = arrivalOf(request);
    const placed = place(household, bed.id, later(5));
    // A booking made before a household's link was its request link carried a link of its own.
    const earlier = write(db, (tx) => issueLink(tx, { id: placed.stayId, shelterId: shelter.id }, guide.id, later(6)));
    expect((await open(earlier, later(7))).status).toBe(200);

    const renewed = write(db, (tx) => renewStayLink(tx, guide, placed.stayId, later(8)));
    expect(renewed.kind).toBe('request');
    for (const old of [request, earlier]) expect((await open(old, later(9))).status).toBe(404);
    const page = await open(renewed.token, later(9));
    expect(page.html).toContain('<h1>Ochota Rooms</h1>');
    expect(page.html).toContain('Отменить заявку');

    write(db, (tx) => revokeStayLink(tx, guide, placed.stayId, later(10)));
    expect((await open(renewed.token, later(11))).status).toBe(404);
    expect(() => write(db, (tx) => revokeStayLink(tx, guide, placed.stayId, later(12)))).toThrow('linkAlreadyRevoked');
    const audited = sqlite
      .prepare("select action from audit_events where entity_id = ? and action like 'request_link.%' order by at")
      .pluck()
      .all(household);
    expect(audited).toEqual(['request_link.issue', 'request_link.revoke']);
  });

  it('keep the request link on the household: after a cancelled booking it waits again, then shows the next stay', async () => {
    const request = requestAt(NOW);
    const first = shelterIn('Wola House');
    const second = shelterIn('Mokotow Hall');
    const firstStay = place(arrivalOf(request), first.bed.id, later(5));
    write(db, (tx) => cancelStay(tx, guide, firstStay.stayId, later(10)));
    const waiting = await open(request, later(11));
    expect(waiting.html).toContain('Вы в листе ожидания');
    expect(waiting.html).toContain(REFRESH);
    expect(waiting.html).not.toContain('Wola House');

    place(arrivalOf(request), second.bed.id, later(20));
    const byRequest = await open(request, later(21));
    expect(byRequest.html).toContain('<h1>Mokotow Hall</h1>');
    expect(byRequest.html).not.toContain('Wola House');
  });

  it('leave a household a guide registered with its stay’s own link', async () => {
    const { bed } = shelterIn('Bemowo Hostel');
    const household = makeArrival(db, { cityId: warsaw.id, adultWomen: 1, alias: 'Olena-Desk-2210' });
    const placed = place(household.id, bed.id, later(5));
    expect(placed.token).toEqual(expect.any(String));
    expect((await open(placed.token!, later(6))).html).toContain('<h1>Bemowo Hostel</h1>');
    expect(write(db, (tx) => renewStayLink(tx, guide, placed.stayId, later(7))).kind).toBe('stay');
  });
});
