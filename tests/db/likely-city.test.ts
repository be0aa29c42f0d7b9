import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET as shelters } from '@/app/public/shelters/route';
import { GET as requestForm, POST as sendRequest } from '@/app/request/route';
import { formStamp } from '@/lib/requests/form-guard';
import { makeCity, makeRoom, makeShelter } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// /shelters starts with the city the visitor is most likely in: the one chosen last on this device
// (a cookie holding only the city's slug), else the one with the most listed shelters.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const NOW = new Date('2026-10-01T14:00:00Z');
vi.useFakeTimers({ toFake: ['Date'], now: NOW });
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'likely-city-secret-likely-city-secret-x';
const { db, sqlite } = test;
afterAll(() => {
  vi.useRealTimers();
  test.cleanup();
});

const ORIGIN = 'http://localhost:3000';
const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul' });
const tbilisi = makeCity(db, 'Tbilisi', { slug: 'tbilisi', timeZone: 'Asia/Tbilisi' });
const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' });
for (const [city, ru, uk] of [
  [istanbul, 'Стамбул', 'Стамбул'],
  [tbilisi, 'Тбилиси', 'Тбілісі'],
  [yerevan, 'Ереван', 'Єреван'],
] as const)
  sqlite.prepare("insert into city_names (city_id, locale, name) values (?, 'ru', ?), (?, 'uk', ?)").run(city.id, ru, city.id, uk);
// Tbilisi lists the most shelters; Istanbul has more, but most are not listed, and those do not count.
const listed = (name: string, cityId: string, listedPublicly = true) =>
  makeRoom(db, makeShelter(db, { name, status: 'open', listedPublicly, cityId }).id, 'mixed', 2);
listed('Fatih Hall', istanbul.id);
listed('Beyoglu Flat', istanbul.id, false);
listed('Sisli Room', istanbul.id, false);
listed('Uskudar House', istanbul.id, false);
listed('Kentron Flat', yerevan.id);
listed('Arabkir Hall', yerevan.id);
listed('Vake House', tbilisi.id);
listed('Saburtalo Flat', tbilisi.id);
listed('Mtatsminda Room', tbilisi.id);

const get = (handler: (request: Request) => Promise<Response>, path: string, cookie?: string) =>
  handler(new Request(`${ORIGIN}${path}`, { headers: { host: 'localhost:3000', ...(cookie ? { cookie } : {}) } }));
/** The cities' headings on the list, in the order shown. */
const cityHeadings = async (response: Response) =>
  [...(await response.text()).matchAll(/<h2 id="city-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
const remembered = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('city='))
    ?.split(';')[0];

describe('the public list of shelters, city by city', () => {
  it('starts with the city with the most listed shelters on a device that never chose one', async () => {
    expect(await cityHeadings(await get(shelters, '/shelters?lang=ru'))).toEqual(['Тбилиси', 'Ереван', 'Стамбул']);
  });

  it('starts with the city chosen last on this device; a city picked on the list is remembered, an unknown one is not', async () => {
    const picked = await get(shelters, '/shelters?lang=uk&city=istanbul');
    expect(remembered(picked)).toBe('city=istanbul');
    expect(picked.headers.getSetCookie().find((c) => c.startsWith('city='))).toBe(
      'city=istanbul; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly',
    );
    expect(await cityHeadings(await get(shelters, '/shelters?lang=uk', 'lang=uk; city=istanbul'))).toEqual([
      'Стамбул',
      'Єреван',
      'Тбілісі',
    ]);
    expect(remembered(await get(shelters, '/shelters?lang=uk&city=atlantis'))).toBeUndefined();
    // A city no longer in the network, or a cookie not shaped like a city, falls back to the largest.
    expect(await cityHeadings(await get(shelters, '/shelters?lang=uk', 'city=atlantis'))).toEqual(['Тбілісі', 'Єреван', 'Стамбул']);
    expect(await cityHeadings(await get(shelters, '/shelters?lang=uk', 'city=<b>x</b>'))).toEqual(['Тбілісі', 'Єреван', 'Стамбул']);
  });

  it('gives each city an "ask for a place" link that preselects that city on the request form, and remembers it', async () => {
    const html = await (await get(shelters, '/shelters?lang=ru')).text();
    for (const slug of ['istanbul', 'tbilisi', 'yerevan'])
      expect(html).toContain(`<a class="cta" href="/request?lang=ru&amp;city=${slug}">`);
    const form = await get(requestForm, '/request?lang=ru&city=tbilisi');
    expect(await form.text()).toMatch(new RegExp(`<option value="${tbilisi.id}" selected="">Тбилиси</option>`));
    expect(remembered(form)).toBe('city=tbilisi');
  });

  it('remembers the city a request was sent for, so the list starts there next time', async () => {
    const body = new URLSearchParams({
      alias: 'Anahit-Private-2290',
      adultMen: '0',
      adultWomen: '1',
      children: '0',
      contact: '@anahit_private',
      cityId: istanbul.id,
      lang: 'ru',
      stamp: formStamp(new Date(NOW.getTime() - 60_000)),
    });
    const sent = await sendRequest(
      new Request(`${ORIGIN}/request`, {
        method: 'POST',
        body,
        headers: {
          host: 'localhost:3000',
          origin: ORIGIN,
          'x-forwarded-for': '198.51.100.7',
          'content-type': 'application/x-www-form-urlencoded',
        },
      }),
    );
    expect(sent.status).toBe(303);
    expect(remembered(sent)).toBe('city=istanbul');
    expect(sent.headers.getSetCookie().join(' ')).not.toContain('anahit');
    expect(await cityHeadings(await get(shelters, '/shelters?lang=ru', 'city=istanbul'))).toEqual(['Стамбул', 'Ереван', 'Тбилиси']);
  });
});
