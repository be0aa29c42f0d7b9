import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET as offerPageGet, POST as offerPagePost } from '@/app/offer/[token]/route';
import { GET as formGet, POST as formPost } from '@/app/offer/route';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { formStamp } from '@/lib/requests/form-guard';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { makeCity } from '../support/fixtures';
import { offerForm } from '../support/offers';
import { createTestDb, snapshot } from '../support/test-db';

// The public form to offer a place, and the offer's private link: what a person sees and what is written.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

// 21:00 in Istanbul: tonight is the 1st of March there.
const NOW = new Date('2026-03-01T18:00:00Z');
vi.useFakeTimers({ toFake: ['Date'], now: NOW });
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'offer-form-secret-offer-form-secret-xx';
const { sqlite } = test;
afterAll(() => {
  vi.useRealTimers();
  test.cleanup();
});

const ORIGIN = 'http://localhost:3000';
const istanbul = makeCity(test.db, 'Istanbul', { timeZone: 'Europe/Istanbul' });
let addresses = 0;
const freshAddress = () => `192.0.${++addresses}.7`;

function post(path: string, fields: Record<string, string | string[]>, address = freshAddress()) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: { host: 'localhost:3000', origin: ORIGIN, 'x-forwarded-for': address },
  });
}
const get = (path: string, address = freshAddress()) =>
  new Request(`${ORIGIN}${path}`, { headers: { host: 'localhost:3000', 'x-forwarded-for': address } });
const stamp = () => formStamp(new Date(Date.now() - 60_000));
const params = (token: string) => ({ params: Promise.resolve({ token }) });
const offerCount = () => sqlite.prepare('select count(*) from offers').pluck().get() as number;
const tokenOf = (response: Response) => /^\/offer\/([\w-]{43})\?lang=(\w+)$/.exec(response.headers.get('location') ?? '')?.[1] ?? '';

/** Offers a room in Russian and returns its private link. */
async function offerRoom(more: Record<string, string | string[]> = {}, address?: string): Promise<string> {
  const response = await formPost(
    post('/offer', { ...offerForm(istanbul.id, '2026-03-02', '2026-03-09', more), lang: 'ru', stamp: stamp() }, address),
  );
  expect(response.status).toBe(303);
  return tokenOf(response);
}

describe('/offer', () => {
  it('is a light page without script that says no identity document is asked for or kept', async () => {
    const response = await formGet(get('/offer?lang=ru'));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Мы никогда не просим паспорт');
    expect(html).not.toMatch(/<script/);
    // One TCP initial window, like the request form.
    expect(gzipSync(html).length).toBeLessThan(14 * 1024);
    for (const field of [
      'cityId',
      'kind',
      'capacity',
      'guests',
      'languages[]',
      'pets',
      'stepFree',
      'from1',
      'to1',
      'longestNights',
      'contact',
      'note',
    ])
      expect(html, field).toContain(`name="${field}"`);
  });

  it('takes an offer and hands the person a private link, keeping only its hash', async () => {
    const token = await offerRoom();
    const row = sqlite.prepare('select * from offers where token_hash = ?').get(hashLinkToken(token)) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'new', kind: 'room', capacity: 2, guests: 'families', contact: '+90 555 123 45 67', pets: 1 });
    expect(JSON.stringify(sqlite.prepare('select * from offers').all())).not.toContain(token);
    const page = await (await offerPageGet(get(`/offer/${token}?lang=ru`), params(token))).text();
    expect(page).toContain(`Ваше предложение ${row.reference as string}`);
    expect(page).toContain('Получено. Волонтёр в городе Istanbul');
    expect(page).not.toContain(row.token_hash as string);
    expect(gzipSync(page).length).toBeLessThan(14 * 1024);
  });

  const refusals: [string, Record<string, string>, string][] = [
    ['a first night already past in the city', { from1: '2026-02-28' }, 'Эта дата в этом городе уже прошла'],
    ['dates the wrong way round', { from1: '2026-03-09', to1: '2026-03-02' }, 'Последняя ночь раньше первой'],
    ['a capacity of 0', { capacity: '0' }, 'Введите число от 1 до 20'],
    ['a capacity of 500', { capacity: '500' }, 'Введите число от 1 до 20'],
    ['a phone that is not one', { contact: '12-34' }, 'Введите номер телефона'],
    ['a script in the note', { note: '<script>alert(1)</script>' }, 'Уберите знаки &lt; и &gt;'],
    ['a city that does not exist', { cityId: 'nowhere' }, 'Choose one of the cities'],
  ];
  for (const [what, fields, said] of refusals) {
    it(`refuses ${what} next to its field, in the person's language, and writes nothing`, async () => {
      const before = snapshot(sqlite);
      const response = await formPost(
        post('/offer', { ...offerForm(istanbul.id, '2026-03-02', '2026-03-09', fields), lang: 'ru', stamp: stamp() }),
      );
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain('Проверьте отмеченные ниже поля');
      if (!said.startsWith('Choose')) expect(html).toContain(said);
      expect(snapshot(sqlite)).toEqual(before);
    });
  }

  it('takes one offer per form: the same stamp sent again is refused and writes nothing', async () => {
    const once = stamp();
    const form = { ...offerForm(istanbul.id, '2026-03-02', '2026-03-09'), lang: 'en', stamp: once };
    expect((await formPost(post('/offer', form))).status).toBe(303);
    const before = snapshot(sqlite);
    const again = await formPost(post('/offer', form));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('This form has already been sent');
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('holds one address to its hourly limit while a person on another network still gets through', async () => {
    const address = '203.0.113.9';
    for (let i = 0; i < RATE_LIMITS['offer.address'].refuse; i++) await offerRoom({}, address);
    const before = offerCount();
    const refused = await formPost(
      post('/offer', { ...offerForm(istanbul.id, '2026-03-02', '2026-03-09'), lang: 'en', stamp: stamp() }, address),
    );
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Several offers have been sent from your connection');
    expect(offerCount()).toBe(before);
    await offerRoom({}, '198.51.100.20');
    expect(offerCount()).toBe(before + 1);
    // An hour later the address is welcome again.
    vi.setSystemTime(new Date(NOW.getTime() + RATE_LIMITS['offer.address'].window));
    try {
      await offerRoom({}, address);
    } finally {
      vi.setSystemTime(NOW);
    }
  });
});

describe('the offer’s private link', () => {
  it('changes the offer, and a change to a vetted offer sends it back to be looked at again', async () => {
    const token = await offerRoom();
    sqlite.prepare("update offers set status = 'verified' where token_hash = ?").run(hashLinkToken(token));
    const response = await offerPagePost(
      post(`/offer/${token}`, {
        ...offerForm(istanbul.id, '2026-03-03', '2026-03-20', { capacity: '4', guests: 'anyone' }),
        intent: 'edit',
        lang: 'en',
      }),
      params(token),
    );
    expect(response.status).toBe(303);
    const row = sqlite.prepare('select id, status, capacity, guests from offers where token_hash = ?').get(hashLinkToken(token)) as {
      id: string;
    };
    expect(row).toMatchObject({ status: 'contacted', capacity: 4, guests: 'anyone' });
    expect(sqlite.prepare('select first_night, last_night from offer_ranges where offer_id = ?').all(row.id)).toEqual([
      { first_night: '2026-03-03', last_night: '2026-03-20' },
    ]);
  });

  it('refuses a bad change in the person’s language and writes nothing', async () => {
    const token = await offerRoom();
    const before = snapshot(sqlite);
    const response = await offerPagePost(
      post(`/offer/${token}`, {
        ...offerForm(istanbul.id, '2026-03-02', '2026-03-09', { contact: 'call me maybe' }),
        intent: 'edit',
        lang: 'ru',
      }),
      params(token),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Введите номер телефона');
    // What they typed comes back to them.
    expect(html).toContain('call me maybe');
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('pauses and resumes the offer where it stood', async () => {
    const token = await offerRoom();
    const status = () => sqlite.prepare('select status from offers where token_hash = ?').pluck().get(hashLinkToken(token));
    sqlite.prepare("update offers set status = 'contacted' where token_hash = ?").run(hashLinkToken(token));
    expect((await offerPagePost(post(`/offer/${token}`, { intent: 'pause', lang: 'en' }), params(token))).status).toBe(303);
    expect(status()).toBe('paused');
    expect(await (await offerPageGet(get(`/offer/${token}?lang=en`), params(token))).text()).toContain('Resume my offer');
    expect((await offerPagePost(post(`/offer/${token}`, { intent: 'resume', lang: 'en' }), params(token))).status).toBe(303);
    expect(status()).toBe('contacted');
  });

  it('after a withdrawal says so, and takes no further change', async () => {
    const token = await offerRoom();
    expect((await offerPagePost(post(`/offer/${token}`, { intent: 'withdraw', lang: 'en' }), params(token))).status).toBe(303);
    const page = await (await offerPageGet(get(`/offer/${token}?lang=en`), params(token))).text();
    expect(page).toContain('You withdrew this offer');
    expect(page).not.toContain('name="intent"');
    const before = snapshot(sqlite);
    for (const fields of [
      { intent: 'resume' },
      { intent: 'withdraw' },
      { ...offerForm(istanbul.id, '2026-03-02', '2026-03-09'), intent: 'edit' },
    ]) {
      const response = await offerPagePost(post(`/offer/${token}`, { ...fields, lang: 'en' }), params(token));
      expect(response.status).toBe(409);
      expect(await response.text()).toContain('it can no longer be changed');
    }
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('answers a guessed link as an unknown one, writing only the guesser’s count', async () => {
    const guess = newLinkToken();
    const before = snapshot(sqlite, ['login_throttles']);
    expect((await offerPageGet(get(`/offer/${guess}`), params(guess))).status).toBe(404);
    const posted = await offerPagePost(post(`/offer/${guess}`, { intent: 'withdraw', lang: 'en' }), params(guess));
    expect(posted.status).toBe(404);
    expect(snapshot(sqlite, ['login_throttles'])).toEqual(before);
  });
});
