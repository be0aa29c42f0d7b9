import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET, POST } from '@/app/s/[token]/route';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { hostDay } from '@/lib/shelters/day';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

// The guest's "on my way" and "I'll be late, about 23:30" on their link, and what the host then sees.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

// 30 Nov 2026, 23:00 in Istanbul (UTC+3).
const NOW = new Date('2026-11-30T20:00:00Z');
vi.useFakeTimers({ toFake: ['Date'], now: NOW });
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
const { db, sqlite } = test;
afterAll(() => {
  vi.useRealTimers();
  test.cleanup();
});

const ORIGIN = 'http://localhost:3000';
const SAID = RATE_LIMITS['guestSaid.stay'];
const ZONE = 'Europe/Istanbul';
const shelter = makeShelter(db, { name: 'Fatih Hall', status: 'open', timeZone: ZONE });
const { beds } = makeRoom(db, shelter.id, 'mixed', 12);
let nextBed = 0;
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);

function linkedStay(status: 'reserved' | 'checked_in' = 'reserved', nights = { firstNight: '2026-11-30', departure: '2026-12-02' }) {
  const bed = nextBed++;
  const arrival = makeArrival(db, { alias: `Guest ${bed}`, contact: '+90 555 000 11 22', expectedAt: new Date('2026-11-30T15:30:00Z') });
  const stay = makeStay(db, {
    arrivalId: arrival.id,
    shelterId: shelter.id,
    bedIds: [beds[bed].id],
    status,
    holdUntil: new Date('2026-11-30T21:30:00Z'),
    ...nights,
  });
  const token = newLinkToken();
  sqlite
    .prepare('update stays set link_token_hash = ?, link_expires_at = ? where id = ?')
    .run(hashLinkToken(token), NOW.getTime() + 86_400_000, stay.id);
  return { stay, token };
}
const say = (token: string, body: Record<string, string>, origin: string | null = ORIGIN) =>
  POST(
    new Request(`${ORIGIN}/s/${token}`, {
      method: 'POST',
      body: new URLSearchParams(body),
      headers: {
        host: 'localhost:3000',
        'x-forwarded-for': '203.0.113.7',
        'content-type': 'application/x-www-form-urlencoded',
        ...(origin ? { origin } : {}),
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
const etaInput = (html: string) => html.match(/<input id="eta"[^>]*>/)?.[0] ?? '';
const saidOf = (stayId: string) =>
  sqlite.prepare('select guest_said as said, guest_said_at as at, guest_eta as eta from stays where id = ?').get(stayId) as {
    said: string | null;
    at: number | null;
    eta: number | null;
  };

describe('the two forms on a held stay’s link', () => {
  it('are on the page, post to it, and the page then says what was told, with absolute times', async () => {
    const { stay, token } = linkedStay();
    const html = await page(token);
    expect(html).toContain('I&#x27;m on my way');
    expect(html).toContain('I&#x27;ll be late, about');
    expect(etaInput(html)).toMatch(/type="time"/);
    expect(etaInput(html)).toMatch(/name="eta"/);
    const response = await say(token, { intent: 'late', eta: '23:30', lang: 'en' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/s/${token}?lang=en`);
    expect(saidOf(stay.id)).toEqual({ said: 'late', at: NOW.getTime(), eta: new Date('2026-11-30T20:30:00Z').getTime() });
    expect(await page(token)).toContain('You told the shelter at 23:00 that you will come at about 23:30.');
    const audit = sqlite.prepare("select * from audit_events where entity_id = ? and action like 'stay.guest_%'").all(stay.id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/23:30|Guest 0|555/);
  });

  it('records "on my way", and the host sees both at once on the expected list', async () => {
    const { stay, token } = linkedStay();
    expect((await say(token, { intent: 'on_my_way', lang: 'ru' })).status).toBe(303);
    expect(saidOf(stay.id)).toEqual({ said: 'on_my_way', at: NOW.getTime(), eta: null });
    expect(await page(token, 'ru')).toContain('Вы сообщили приюту в 23:00, что уже в пути.');
    const day = hostDay(db, host, shelter, NOW);
    const seen = Object.fromEntries(day.expected.map((s) => [s.household.alias, s.guestSaid?.said ?? null]));
    expect(seen).toMatchObject({ 'Guest 0': 'late', 'Guest 1': 'on_my_way' });
    // Whoever said "late, about 23:30" comes after whoever is on the way (landed 18:30).
    expect(day.expected.map((s) => s.household.alias).slice(0, 2)).toEqual(['Guest 1', 'Guest 0']);
  });

  it('refuses a malformed or past time next to the field, in the reader’s language, and writes nothing', async () => {
    const { token } = linkedStay();
    const before = snapshot(sqlite);
    for (const [eta, message] of [
      ['25:00', 'Укажите время, например 23:30.'],
      ['', 'Укажите время, например 23:30.'],
      ['21:00', '21:00 уже прошло. Укажите более позднее время.'],
    ]) {
      const response = await say(token, { intent: 'late', eta, lang: 'ru' });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(`id="eta-error" role="alert">${message}`);
      expect(etaInput(html)).toContain('aria-invalid="true"');
      expect(etaInput(html)).toContain('aria-describedby="eta-hint eta-error"');
    }
    expect((await say(token, { intent: 'late', eta: '23:30' }, 'https://elsewhere.example')).status).toBe(403);
    expect((await say(token, { intent: 'shout' })).status).toBe(400);
    expect(snapshot(sqlite)).toBe(before);
  });

  it(`takes at most ${SAID.refuse} updates an hour per stay, then says to try later and writes nothing`, async () => {
    const { stay, token } = linkedStay();
    for (let i = 0; i < SAID.refuse; i++) expect((await say(token, { intent: 'on_my_way' })).status).toBe(303);
    const before = snapshot(sqlite);
    const refused = await say(token, { intent: 'late', eta: '23:45', lang: 'uk' });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Спробуйте пізніше');
    expect(snapshot(sqlite)).toBe(before);
    expect(saidOf(stay.id).said).toBe('on_my_way');
    // The throttle keeps no address and no readable stay id.
    expect(JSON.stringify(sqlite.prepare("select key from login_throttles where key like 'said:%'").all())).not.toContain(stay.id);
    vi.setSystemTime(new Date(NOW.getTime() + SAID.window));
    try {
      expect((await say(token, { intent: 'late', eta: '00:15' })).status).toBe(303);
      // An hour on, the other stays' counts are gone: only this one's fresh count is left.
      expect(sqlite.prepare("select count(*) from login_throttles where key like 'said:%'").pluck().get()).toBe(1);
    } finally {
      vi.setSystemTime(NOW);
    }
  });

  it('offers no forms and accepts no post once the guest is checked in, nor for a booking ahead', async () => {
    const checkedIn = linkedStay('checked_in').token;
    const ahead = linkedStay('reserved', { firstNight: '2026-12-03', departure: '2026-12-05' }).token;
    for (const token of [checkedIn, ahead]) {
      expect(await page(token)).not.toContain('name="intent"');
      const before = snapshot(sqlite);
      expect((await say(token, { intent: 'on_my_way' })).status).toBe(409);
      expect(snapshot(sqlite)).toBe(before);
    }
  });
});

describe('the saved copy of a link’s page', () => {
  // A phrase counted from the moment of rendering goes stale in the offline copy.
  const RELATIVE = /(?<!\p{L})in (\d|an? |one )|\d+ \p{L}+ ago|через|назад|тому|\d+ (saat|dakika|gün) (sonra|önce)/iu;
  it.each(['en', 'ru', 'uk', 'tr'])('names only absolute times (%s)', async (lang) => {
    const { token } = linkedStay();
    const html = await page(token, lang);
    expect(html).toMatch(/23:30|00:30/);
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).not.toMatch(RELATIVE);
    // The pattern would catch what the page said before (next-intl's relative time, as in "(in 5 hours)").
    expect(`held until 22:00 (in 5 hours)`).toMatch(RELATIVE);
    expect('до 22:00 (через 5 часов)').toMatch(RELATIVE);
    expect('22:00 (5 saat sonra)').toMatch(RELATIVE);
  });
});
