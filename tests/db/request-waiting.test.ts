import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/s/[token]/route';
import { write } from '@/db';
import { hashLinkToken } from '@/lib/placement/links';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay } from '@/lib/placement/stays';
import { formStamp } from '@/lib/requests/form-guard';
import { submitRequest } from '@/lib/requests/self-register';
import { publicRequestSchema } from '@/lib/validation/request';
import { asStaff, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// A request's waiting page looks again by itself and says when it last did, in the city's clock; once
// a guide places the household, the request link shows the stay, and so does the guide's link.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db, sqlite } = test;
afterAll(test.cleanup);
afterAll(() => vi.useRealTimers());

const ORIGIN = 'http://localhost:3000';
const guide = asStaff(makeUser(db, 'coordinator'));
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

async function open(token: string, now: Date, lang = 'ru') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  const response = await GET(new Request(`${ORIGIN}/s/${token}?lang=${lang}`, { headers: { host: 'localhost:3000' } }), {
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

  it('show one stay on both: the request link becomes the stay’s page, no longer refreshing, and neither page holds the other link', async () => {
    const request = requestAt(NOW);
    const { bed } = shelterIn('Praga Hostel');
    const placed = place(arrivalOf(request), bed.id, later(5));
    const byRequest = await open(request, later(6));
    const byStay = await open(placed.token, later(6));
    for (const page of [byRequest, byStay]) {
      expect(page.status).toBe(200);
      expect(page.html).toContain('<h1>Praga Hostel</h1>');
      expect(page.html).toContain('Praga Hostel street 1');
      expect(page.html).toMatch(/Для вас забронирована 1 кровать до \d\d:\d\d/);
      expect(page.html).not.toContain('http-equiv="refresh"');
      expect(page.html).not.toContain('Halyna-Private-4410');
    }
    expect(byRequest.html).not.toContain(placed.token);
    expect(byStay.html).not.toContain(request);
    // Only the person's own request link may withdraw the request.
    expect(byRequest.html).toContain('Отменить заявку');
    expect(byStay.html).not.toContain('Отменить заявку');
  });

  it('keep the request link on the household: after a cancelled booking it waits again, then shows the next stay; the old stay link says it ended', async () => {
    const request = requestAt(NOW);
    const first = shelterIn('Wola House');
    const second = shelterIn('Mokotow Hall');
    const firstStay = place(arrivalOf(request), first.bed.id, later(5));
    write(db, (tx) => cancelStay(tx, guide, firstStay.stayId, later(10)));
    const waiting = await open(request, later(11));
    expect(waiting.html).toContain('Вы в листе ожидания');
    expect(waiting.html).toContain(REFRESH);
    const ended = await open(firstStay.token, later(11));
    expect(ended.status).toBe(200);
    expect(ended.html).toContain('Эта бронь закончилась.');

    const secondStay = place(arrivalOf(request), second.bed.id, later(20));
    const byRequest = await open(request, later(21));
    expect(byRequest.html).toContain('<h1>Mokotow Hall</h1>');
    expect((await open(secondStay.token, later(21))).html).toContain('<h1>Mokotow Hall</h1>');
    // The first booking's link never shows the second shelter.
    const old = await open(firstStay.token, later(21));
    expect(old.html).toContain('<h1>Wola House</h1>');
    expect(old.html).not.toContain('Mokotow');
    expect(old.html).not.toContain('Mokotow Hall street 1');
  });
});
