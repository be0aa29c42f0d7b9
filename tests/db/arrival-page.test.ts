import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { ARRIVAL_CSP, ARRIVAL_CSS, ARRIVAL_SCRIPT } from '@/components/arrival/document';
import { renderArrivalPage, renderLinkNotWorking } from '@/components/arrival/render';
import { write } from '@/db';
import { shelters, shelterTexts, stays } from '@/db/schema';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { arrivalPageData } from '@/lib/guest-link/page-data';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay, checkIn, checkOut, renewStayLink, revokeStayLink } from '@/lib/placement/stays';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 14:00Z is 17:00 in Istanbul; a hold runs until tonight's door closes (22:30 for the plain shelter).
const NOW = new Date('2026-10-01T14:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const guide = asStaff(makeUser(db, 'guide'));

// The household's own details: distinctive, so that any leak onto the page shows.
const ALIAS = 'Quillonberg-Household-5521';
const CONTACT = '@quillon_private_contact_5521';
const NEED_NOTE = 'Zarathine-need-note-5521';

type ShelterValues = Partial<typeof shelters.$inferInsert>;
type TextRow = { locale: 'ru' | 'en' | 'tr' | 'uk'; directions?: string; houseRules?: string; whatToBring?: string };

const PLAIN_SHELTER: ShelterValues = {
  name: 'Kuzguncuk Dayanışma Evi',
  district: 'Üsküdar',
  address: 'İcadiye Cd. 12, 34674 Üsküdar/İstanbul',
  latitude: 41.0082,
  longitude: 28.9784,
  phone: '+90 555 111 22 33',
  telegram: '@waystation_host',
  whatsapp: '+90 (555) 123-45-67',
  languages: ['ru', 'tr'],
  checkInFrom: '15:00',
  checkInUntil: '22:30',
  holdHours: 5,
  timeZone: 'Europe/Istanbul',
};

/** A shelter with a room, a household placed there by a guide through reserveBeds, and the real link. */
function placed(shelterValues: ShelterValues = PLAIN_SHELTER, texts: TextRow[] = [], beds = 3) {
  const shelter = makeShelter(db, { status: 'open', ...shelterValues });
  const room = makeRoom(db, shelter.id, 'women', beds);
  if (texts.length)
    db.insert(shelterTexts)
      .values(texts.map((row) => ({ shelterId: shelter.id, ...row })))
      .run();
  const arrival = makeArrival(db, { alias: ALIAS, contact: CONTACT, needNote: NEED_NOTE, adultWomen: beds, adultMen: 0, children: 0 });
  const reservation = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: room.beds.map((b) => b.id) }, NOW));
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  return { shelter, arrival, host, ...reservation, token: reservation.token! };
}

async function page(token: string, locale: ArrivalLocale = 'en', now = NOW): Promise<string> {
  const data = arrivalPageData(db, token, now);
  expect(data).not.toBeNull();
  return renderArrivalPage(data!, locale, now);
}

/** React's escaping of text and attribute values. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => unescapeHtml(m[1]));
const count = (html: string, needle: string) => html.split(needle).length - 1;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({ attrs: m[1], body: m[2] }));
const inlineStyles = (html: string) =>
  [...html.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style>/gi)].map((m) => ({ attrs: m[1], body: m[2] }));

const OSM = 'https://www.openstreetmap.org/?mlat=41.0082&mlon=28.9784#map=17/41.0082/28.9784';
const GOOGLE = 'https://www.google.com/maps/search/?api=1&query=41.0082,28.9784';
const YANDEX = 'https://yandex.com/maps/?pt=28.9784,41.0082&z=17&l=map';
const GEO = 'geo:41.0082,28.9784';

describe('the arrival’s page for a placed household', () => {
  const texts: TextRow[] = [
    {
      locale: 'en',
      directions: 'Take the ferry to Üsküdar, then bus 15 to Kuzguncuk.',
      houseRules: 'Quiet after 23:00.\nNo smoking inside.',
      whatToBring: '',
    },
    {
      locale: 'ru',
      directions: 'Паром до Ускюдара, затем автобус 15.',
      houseRules: 'Тишина после 23:00.',
      whatToBring: 'Тапочки и зарядка для телефона.',
    },
  ];

  it('shows the shelter, its address and district, the status and the check-in window', async () => {
    const { token } = placed(PLAIN_SHELTER, texts);
    const html = await page(token);
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain(`<h1>${escapeHtml('Kuzguncuk Dayanışma Evi')}</h1>`);
    expect(html).toContain(escapeHtml('İcadiye Cd. 12, 34674 Üsküdar/İstanbul'));
    expect(html).toContain('<p class="muted">Üsküdar</p>');
    expect(html).toContain('3 beds are held for you until 22:30.');
    expect(html).toContain('Check-in between 15:00 and 22:30.');
    expect(html).toContain(`<title>${escapeHtml('Kuzguncuk Dayanışma Evi · Waystation')}</title>`);
  });

  it('links to OpenStreetMap, Google and Yandex maps and a geo: URI built from the coordinates', async () => {
    const { token } = placed(PLAIN_SHELTER, texts);
    const links = hrefs(await page(token));
    expect(links).toEqual(expect.arrayContaining([OSM, GOOGLE, YANDEX, GEO]));
  });

  it('shows no map links for a shelter without coordinates', async () => {
    const { token } = placed({ ...PLAIN_SHELTER, latitude: null, longitude: null }, texts);
    const html = await page(token);
    expect(html).toContain(escapeHtml('İcadiye Cd. 12'));
    expect(hrefs(html).filter((href) => /openstreetmap|google|yandex|^geo:/.test(href))).toEqual([]);
  });

  it('shows the host’s directions, house rules and what to bring in the requested language', async () => {
    const { token } = placed(PLAIN_SHELTER, texts);
    const ru = await page(token, 'ru');
    expect(ru).toContain('Паром до Ускюдара, затем автобус 15.');
    expect(ru).toContain('Тишина после 23:00.');
    expect(ru).toContain('Тапочки и зарядка для телефона.');
    expect(ru).not.toContain('Take the ferry');
    expect(ru).not.toContain('Приют написал это на языке');
    expect(ru).toContain('<html lang="ru">');

    const en = await page(token, 'en');
    expect(en).toContain('Take the ferry to Üsküdar, then bus 15 to Kuzguncuk.');
    expect(en).toContain('Quiet after 23:00.\nNo smoking inside.');
    expect(en).not.toContain('Паром до Ускюдара');
  });

  it('falls back to another language, saying which, where the requested one has no text', async () => {
    const { token } = placed(PLAIN_SHELTER, texts);
    const en = await page(token, 'en');
    // English has directions and house rules but no "what to bring": that one comes in Russian.
    expect(en).toContain('Тапочки и зарядка для телефона.');
    expect(count(en, 'Written by the shelter in Russian.')).toBe(1);
    expect(en).toMatch(/Written by the shelter in Russian\.<\/p><p class="text" lang="ru">Тапочки/);
  });

  it('treats whitespace-only text as missing and falls back for every field of an unwritten language', async () => {
    const { token } = placed(PLAIN_SHELTER, [
      { locale: 'en', directions: '   \n  ', houseRules: '', whatToBring: '' },
      { locale: 'ru', directions: 'Паром до Ускюдара.', houseRules: 'Тишина после 23:00.', whatToBring: 'Тапочки.' },
    ]);
    const en = await page(token, 'en');
    expect(count(en, 'Written by the shelter in Russian.')).toBe(3);
    expect(en).toContain('Паром до Ускюдара.');
  });

  it('leaves a section out when no language has text for it', async () => {
    const { token } = placed(PLAIN_SHELTER, [{ locale: 'ru', directions: 'Паром до Ускюдара.' }]);
    const en = await page(token, 'en');
    expect(en).toContain('How to get there');
    expect(en).not.toContain('House rules');
    expect(en).not.toContain('What to bring');
  });

  it('links every contact handle that is filled in, normalised', async () => {
    const { token } = placed(PLAIN_SHELTER, texts);
    const html = await page(token);
    const links = hrefs(html);
    expect(links).toContain('tel:+905551112233');
    expect(links).toContain('https://t.me/waystation_host');
    expect(links).toContain('https://wa.me/905551234567');
    expect(html).toContain('Call +90 555 111 22 33');
    expect(html).toContain('Languages spoken: Russian, Turkish');
  });

  it('links only the handles that are filled in', async () => {
    const phoneOnly = await page(placed({ ...PLAIN_SHELTER, telegram: null, whatsapp: '' }, texts).token);
    expect(hrefs(phoneOnly).filter((href) => /^(tel:|https:\/\/t\.me|https:\/\/wa\.me)/.test(href))).toEqual(['tel:+905551112233']);

    const telegramOnly = await page(placed({ ...PLAIN_SHELTER, phone: null, whatsapp: null, telegram: 'host_bot' }, texts).token);
    expect(hrefs(telegramOnly).filter((href) => /^(tel:|https:\/\/t\.me|https:\/\/wa\.me)/.test(href))).toEqual(['https://t.me/host_bot']);

    const none = await page(placed({ ...PLAIN_SHELTER, phone: null, telegram: null, whatsapp: null }, texts).token);
    expect(hrefs(none).filter((href) => /^(tel:|https:\/\/t\.me|https:\/\/wa\.me)/.test(href))).toEqual([]);
    expect(none).not.toContain('Contact the shelter');
  });

  it('never shows the household’s alias, contact handle or needs', async () => {
    const { token } = placed(PLAIN_SHELTER, texts);
    for (const locale of ['en', 'ru', 'tr', 'uk'] as const) {
      const html = await page(token, locale);
      for (const secret of [ALIAS, CONTACT, 'quillon', 'Quillonberg', NEED_NOTE]) expect(html).not.toContain(secret);
    }
    const data = JSON.stringify(arrivalPageData(db, token, NOW));
    for (const secret of [ALIAS, CONTACT, NEED_NOTE]) expect(data).not.toContain(secret);
  });

  it('has exactly one script, the inline one under 1 KB, and no stylesheet link', async () => {
    const { token } = placed(PLAIN_SHELTER, texts);
    const html = await page(token);
    expect(count(html.toLowerCase(), '<script')).toBe(1);
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(1);
    expect(scripts[0].attrs).not.toMatch(/src/i);
    expect(scripts[0].body).toBe(ARRIVAL_SCRIPT);
    expect(Buffer.byteLength(scripts[0].body)).toBeLessThan(1024);
    expect(html).not.toMatch(/<link\b[^>]*rel="?stylesheet/i);
    expect(inlineStyles(html).map((s) => s.body)).toEqual([ARRIVAL_CSS]);
    // The only link element is the empty data: icon, so the page loads in one request.
    expect([...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])).toEqual(['<link rel="icon" href="data:,"/>']);
  });

  it('shows "You are checked in." and still the address once checked in', async () => {
    const { token, stayId, host } = placed(PLAIN_SHELTER, texts);
    write(db, (tx) => checkIn(tx, host, stayId, at(60)));
    const html = await page(token, 'en', at(61));
    expect(html).toContain('You are checked in.');
    expect(html).toContain(escapeHtml('İcadiye Cd. 12'));
  });
});

describe('an ended reservation', () => {
  const texts: TextRow[] = [
    { locale: 'en', directions: 'Take the ferry to Üsküdar.', houseRules: 'Quiet after 23:00.', whatToBring: 'Slippers.' },
  ];

  /** Over: the shelter's name stays, nothing that would send anyone to its door. `stayed`: after a check-out. */
  function expectEnded(html: string, stayed = false) {
    if (stayed) {
      expect(html).toContain('You have checked out.');
      expect(html).toContain('Your stay');
      expect(html).not.toContain('This reservation has ended.');
      expect(html).not.toContain('status ended');
    } else {
      expect(html).toContain('This reservation has ended.');
      expect(html).toContain('If you still need a place, contact the volunteer who sent you this link.');
    }
    expect(html).toContain(escapeHtml('Kuzguncuk Dayanışma Evi'));
    expect(html).not.toContain('İcadiye');
    expect(html).not.toContain(escapeHtml('İcadiye'));
    expect(html).not.toContain('Take the ferry');
    expect(html).not.toContain('Quiet after 23:00');
    expect(html).not.toContain('Slippers');
    expect(html).not.toContain('Check-in between');
    expect(html).not.toContain('held for you');
    expect(html).not.toContain('555');
    expect(hrefs(html).filter((href) => /^(tel:|geo:|https:\/\/(t\.me|wa\.me|www\.openstreetmap|www\.google|yandex))/.test(href))).toEqual(
      [],
    );
  }

  it('after cancelStay shows "This reservation has ended." and not the address or contact links', async () => {
    const { token, stayId } = placed(PLAIN_SHELTER, texts);
    write(db, (tx) => cancelStay(tx, guide, stayId, at(10)));
    expectEnded(await page(token, 'en', at(11)));
  });

  it('has ended once the hold time has passed, before any expiry job ran', async () => {
    const { token, holdUntil } = placed(PLAIN_SHELTER, texts);
    expect(
      db
        .select()
        .from(stays)
        .where(eq(stays.linkTokenHash, createHash('sha256').update(token).digest('base64url')))
        .get()?.status,
    ).toBe('reserved');
    expectEnded(await page(token, 'en', holdUntil));
  });

  it('says the guest checked out, calmly, and shows no more than an ended reservation', async () => {
    const { token, stayId, host } = placed(PLAIN_SHELTER, texts);
    write(db, (tx) => checkIn(tx, host, stayId, at(60)));
    write(db, (tx) => checkOut(tx, host, stayId, at(60 * 14)));
    expectEnded(await page(token, 'en', at(60 * 14 + 1)), true);
  });
});

describe('links that do not work', () => {
  it('gives null for an unknown token', () => {
    placed(PLAIN_SHELTER);
    expect(arrivalPageData(db, randomBytes(32).toString('base64url'), NOW)).toBeNull();
  });

  it('gives null for a revoked token', () => {
    const { token, stayId } = placed(PLAIN_SHELTER);
    expect(arrivalPageData(db, token, NOW)).not.toBeNull();
    write(db, (tx) => revokeStayLink(tx, guide, stayId, at(1)));
    expect(arrivalPageData(db, token, at(2))).toBeNull();
  });

  it('gives null for a replaced token, and works for its replacement', () => {
    const { token, stayId } = placed(PLAIN_SHELTER);
    const renewed = write(db, (tx) => renewStayLink(tx, guide, stayId, at(1)));
    expect(arrivalPageData(db, token, at(2))).toBeNull();
    expect(arrivalPageData(db, renewed.token, at(2))).not.toBeNull();
  });

  it('gives null for a token whose link expiry has passed', () => {
    const { token, stayId } = placed(PLAIN_SHELTER);
    db.update(stays)
      .set({ linkExpiresAt: at(30) })
      .where(eq(stays.id, stayId))
      .run();
    expect(arrivalPageData(db, token, at(29))).not.toBeNull();
    expect(arrivalPageData(db, token, at(30))).toBeNull();
    expect(arrivalPageData(db, token, at(31))).toBeNull();
  });

  it('gives null for a token 30 days after it was issued', () => {
    const { token } = placed(PLAIN_SHELTER);
    expect(arrivalPageData(db, token, at(30 * 24 * 60 - 1))).not.toBeNull();
    expect(arrivalPageData(db, token, at(30 * 24 * 60))).toBeNull();
  });

  it('gives null for malformed tokens', () => {
    const { token } = placed(PLAIN_SHELTER);
    for (const bad of [
      '../../etc',
      '../../etc/passwd',
      '',
      ' ',
      token.slice(0, 19),
      `${token}/`,
      `${token} `,
      ` ${token}`,
      `${token}%00`,
      "x' or '1'='1",
      '-',
      '%2e%2e%2f',
    ]) {
      expect(arrivalPageData(db, bad, NOW)).toBeNull();
    }
  });

  it('gives null for a token of 10,000 characters, even one that starts with a working token', () => {
    const { token } = placed(PLAIN_SHELTER);
    expect(arrivalPageData(db, 'A'.repeat(10_000), NOW)).toBeNull();
    expect(arrivalPageData(db, token + 'A'.repeat(10_000 - token.length), NOW)).toBeNull();
  });

  it('renders the "link does not work" page in all four languages, the reader’s first, with no script', async () => {
    const html = await renderLinkNotWorking('tr', false);
    expect(html).toContain('<html lang="tr">');
    expect(html).toContain('This link does not work');
    expect(html).toContain('Эта ссылка не работает');
    expect(html.indexOf('lang="tr"><h1>')).toBeGreaterThan(0);
    expect(html).not.toMatch(/<script/i);
  });
});

const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '</style><script>alert(1)</script>',
  'javascript:alert(1)',
  '<iframe src=javascript:alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  '<a href="javascript:alert(1)">x</a>',
  "'-alert(1)-'",
  '<body onload=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '</title><script>alert(1)</script>',
  '<svg><script>alert(1)</script></svg>',
  '\'"><img src=x onerror=alert(1)//',
  '<details open ontoggle=alert(1)>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<object data="javascript:alert(1)"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '"><link rel=stylesheet href=//evil.test/x.css>',
];

// Every element the page itself writes; an injected tag would show up as one outside this list.
const PAGE_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'link',
  'style',
  'body',
  'main',
  'nav',
  'ul',
  'li',
  'a',
  'p',
  'h1',
  'h2',
  'section',
  'script',
]);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>"'/]+(?:="[^"]*")?)*)\s*(\/?)>/g;

/** Every "<" in the document opens one of the page's own, well-formed tags (style and script bodies aside), with no handler or script URL. */
function expectOnlyPageMarkup(html: string) {
  const withoutBodies = html
    .replace(/^<!doctype html>/, '')
    .replace(/(<style>)[\s\S]*?(<\/style>)/g, '$1$2')
    .replace(/(<script>)[\s\S]*?(<\/script>)/g, '$1$2');
  const tags = [...withoutBodies.matchAll(TAG)];
  expect(tags.length, 'a "<" that does not open a well-formed tag of the page').toBe(count(withoutBodies, '<'));
  for (const [, , name, attributes] of tags) {
    expect(PAGE_TAGS.has(name.toLowerCase()), `unexpected <${name}>`).toBe(true);
    const attrs = [...attributes.matchAll(/\s+([^\s=]+)(?:="([^"]*)")?/g)].map(([, attr, value]) => ({
      attr: attr.toLowerCase(),
      value: unescapeHtml(value ?? ''),
    }));
    for (const { attr, value } of attrs) {
      expect(attr, `event handler attribute ${attr}`).not.toMatch(/^on/);
      expect(['src', 'xlink:href', 'formaction', 'srcdoc', 'http-equiv'], `attribute ${attr}`).not.toContain(attr);
      if (attr === 'href')
        expect(value, `href ${value}`).toMatch(/^(https:\/\/|tel:|geo:|\?lang=(ru|uk|tr|en)$|\/privacy\?lang=(ru|uk|tr|en)$|data:,$)/);
    }
  }
  expect(count(html.toLowerCase(), '<script')).toBe(1);
}

describe('host-written strings cannot inject markup (XSS)', () => {
  it('uses at least 12 classic payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(12);
  });

  it('has a markup check that would catch an injected tag, handler or script URL', async () => {
    const html = await page(placed(PLAIN_SHELTER).token);
    expect(() => expectOnlyPageMarkup(html)).not.toThrow();
    for (const injected of [
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '<p onclick="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<script>alert(1)</script>',
      '<p class="x"onmouseover=alert(1)>',
    ]) {
      expect(() => expectOnlyPageMarkup(html.replace('<h1>', `<h1>${injected}`)), injected).toThrow();
    }
  });

  it.each(XSS_PAYLOADS)('renders %j as text only', async (payload) => {
    const { token } = placed(
      { ...PLAIN_SHELTER, name: payload, district: payload, address: payload, phone: payload, telegram: payload, whatsapp: payload },
      [{ locale: 'en', directions: payload, houseRules: payload, whatToBring: payload }],
    );
    const html = await page(token, 'en');

    // The payload is there, escaped, as text.
    expect(html).toContain(`<h1>${escapeHtml(payload)}</h1>`);
    expect(count(html, `<p class="text" lang="en">${escapeHtml(payload)}</p>`)).toBe(3);
    expect(html).toContain(`<p class="address">${escapeHtml(payload)}</p>`);
    if (/[<>&"']/.test(payload)) expect(html).not.toContain(payload);

    // No raw markup from it anywhere outside text.
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<(iframe|img|svg|math|object|details|body onload|mi\b)/i);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).not.toMatch(/<link\b[^>]*rel="?stylesheet/i);

    expectOnlyPageMarkup(html);

    // The only script element is the page's own, and the only style is the page's own.
    expect(count(html.toLowerCase(), '<script')).toBe(1);
    expect(inlineScripts(html).map((s) => s.body)).toEqual([ARRIVAL_SCRIPT]);
    expect(inlineStyles(html).map((s) => s.body)).toEqual([ARRIVAL_CSS]);

    // Contact links are built from the handle, never with the handle as a URL of its own.
    for (const href of hrefs(html).filter((h) => /^(tel:|https:\/\/t\.me|https:\/\/wa\.me)/.test(h))) {
      expect(href).toMatch(/^(tel:[\d+]*|https:\/\/t\.me\/[A-Za-z0-9%_.!~*'()-]+|https:\/\/wa\.me\/\d+)$/);
    }
  });

  it('escapes the classic script payload to &lt;script&gt;alert(1)&lt;/script&gt;', async () => {
    const { token } = placed({ ...PLAIN_SHELTER, name: '<script>alert(1)</script>' }, [
      { locale: 'en', directions: '<script>alert(1)</script>' },
    ]);
    const html = await page(token);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; · Waystation</title>');
    expect(html).toContain('<meta name="description" content="&lt;script&gt;alert(1)&lt;/script&gt; · Waystation"/>');
  });

  it('escapes already-escaped text again rather than letting it decode into markup', async () => {
    const { token } = placed(PLAIN_SHELTER, [{ locale: 'en', directions: '&lt;script&gt;' }]);
    const html = await page(token);
    expect(html).toContain('&amp;lt;script&amp;gt;');
    expect(html).not.toContain('>&lt;script&gt;<');
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    ARRIVAL_CSP.split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values] as const),
  );

  it('allows no inline code or eval beyond the hashed style and script', () => {
    expect(ARRIVAL_CSP).not.toContain('unsafe-inline');
    expect(ARRIVAL_CSP).not.toContain('unsafe-eval');
    expect(ARRIVAL_CSP).not.toContain('unsafe-hashes');
    expect(ARRIVAL_CSP).not.toContain('strict-dynamic');
    expect(ARRIVAL_CSP).not.toMatch(/(^|\s)\*(\s|;|$)/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toHaveLength(1);
    expect(directives.get('style-src')).toHaveLength(1);
  });

  it("forbids framing, base and form targets: frame-ancestors 'none'", () => {
    expect(ARRIVAL_CSP).toContain("frame-ancestors 'none'");
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('hashes exactly the inline style and script the page carries', async () => {
    const { token } = placed(PLAIN_SHELTER);
    const html = await page(token);
    const [style] = inlineStyles(html);
    const [script] = inlineScripts(html);
    expect(directives.get('style-src')).toEqual([sha256(style.body)]);
    expect(directives.get('script-src')).toEqual([sha256(script.body)]);
    expect(directives.get('style-src')?.[0]).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it('also covers the "link does not work" page, whose only inline code is the same style', async () => {
    const html = await renderLinkNotWorking('en', true);
    const [style] = inlineStyles(html);
    expect(directives.get('style-src')).toEqual([sha256(style.body)]);
    expect(inlineScripts(html)).toEqual([]);
    expect(html).toContain('Too many tries');
  });
});
