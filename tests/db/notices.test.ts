import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { renderArrivalPage } from '@/components/arrival/render';
import { write } from '@/db';
import { auditEvents, notices, noticeTexts } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { arrivalPageData } from '@/lib/guest-link/page-data';
import { cityNoticesFor, liveNotices, shelterNoticesFor } from '@/lib/notices/live';
import { postCityNotice, postShelterNotice } from '@/lib/notices/post';
import { withdrawNotice } from '@/lib/notices/withdraw';
import { issueLink } from '@/lib/placement/links';
import { fieldErrorsOf } from '@/lib/validation/common';
import { cityNoticeSchema, shelterNoticeSchema } from '@/lib/validation/notice';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 09:00Z is 12:00 in Istanbul and 13:00 in Yerevan.
const NOW = new Date('2026-12-01T09:00:00Z');
const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);

const istanbul = makeCity(db, 'Notice Istanbul', { timeZone: 'Europe/Istanbul' });
const yerevan = makeCity(db, 'Notice Yerevan', { timeZone: 'Asia/Yerevan' });

/** A shelter in a city with its host and one guest whose link works. */
function shelterWithGuest(cityId: string, timeZone = 'Europe/Istanbul') {
  const shelter = makeShelter(db, { status: 'open', cityId, timeZone, name: `Shelter in ${cityId}` });
  const { beds } = makeRoom(db, shelter.id, 'mixed', 1);
  const stay = makeStay(db, { arrivalId: makeArrival(db).id, shelterId: shelter.id, bedIds: [beds[0].id], holdUntil: later(8) });
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  const token = write(db, (tx) => issueLink(tx, stay, host.id, NOW));
  return { shelter, host, token };
}

async function page(token: string, locale: ArrivalLocale, now = NOW) {
  const data = arrivalPageData(db, token, now);
  expect(data).not.toBeNull();
  return renderArrivalPage(data!, locale, now);
}
const bodyOf = (html: string) => html.slice(html.indexOf('<main>'));

const water = { textRu: 'Воды нет до 18:00', textEn: 'Water is off until 18:00', textTr: null, textUk: null, endsAt: '2026-12-01T18:00' };
const admin = asStaff(makeUser(db, 'admin'));

/** Calls a domain function and returns the refusal's code and field, proving nothing was written. */
function refusal(call: () => unknown): { code: string; field?: string } {
  const before = snapshot(sqlite);
  try {
    write(db, call as never);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(snapshot(sqlite)).toEqual(before);
    return { code: (error as DomainError).code, field: (error as DomainError).field };
  }
  throw new Error('not refused');
}

describe("a host's notice", () => {
  it("is shown at the top of the guest's link in their language until it ends, then not", async () => {
    const { shelter, host, token } = shelterWithGuest(istanbul.id);
    write(db, (tx) => postShelterNotice(tx, host, { shelterId: shelter.id, ...water }, NOW));

    const ru = bodyOf(await page(token, 'ru'));
    expect(ru).toContain('<p class="text" lang="ru">Воды нет до 18:00</p>');
    expect(ru).toContain('До 18:00, 1 декабря');
    // At the top: before the shelter's name.
    expect(ru.indexOf('Воды нет')).toBeLessThan(ru.indexOf('<h1>'));
    expect(ru).not.toContain('Water is off');

    // Turkish was not written: English is shown, with the same note the shelter's own texts get.
    const tr = bodyOf(await page(token, 'tr'));
    expect(tr).toContain('<p class="text" lang="ru">Воды нет до 18:00</p>');
    expect(tr).toContain('Şu dilde yazıldı: Rusça.');

    expect(bodyOf(await page(token, 'en', later(9) /* 18:00 Istanbul */))).not.toContain('Water is off');
  });

  it('writes the audit trail with ids only', () => {
    const { shelter, host } = shelterWithGuest(istanbul.id);
    const notice = write(db, (tx) => postShelterNotice(tx, host, { shelterId: shelter.id, ...water }, NOW));
    write(db, (tx) => withdrawNotice(tx, host, notice.id, later(1)));
    const events = db.select().from(auditEvents).where(eq(auditEvents.entityId, notice.id)).all();
    expect(events.map((e) => [e.action, e.actorId, e.entity, e.shelterId])).toEqual([
      ['notice.posted', host.id, 'notice', shelter.id],
      ['notice.withdrawn', host.id, 'notice', shelter.id],
    ]);
    expect(JSON.stringify(events)).not.toContain('Water');
  });

  it('is refused for another shelter, a guide, or an admin not holding its city, with nothing written', () => {
    const { shelter } = shelterWithGuest(istanbul.id);
    const other = shelterWithGuest(istanbul.id);
    const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan.id] }), [], [yerevan.id]);
    const guide = asStaff(makeUser(db, 'guide'));
    for (const caller of [other.host, yerevanAdmin, guide]) {
      expect(refusal(() => postShelterNotice(db, caller, { shelterId: shelter.id, ...water }, NOW))).toEqual({
        code: 'notAllowed',
        field: undefined,
      });
    }
    expect(refusal(() => postShelterNotice(db, admin, { shelterId: 'no-such-shelter', ...water }, NOW)).code).toBe('notAllowed');
  });

  it('must end in the future and within 7 days, read in the shelter’s zone', () => {
    const { shelter, host } = shelterWithGuest(istanbul.id);
    const post = (endsAt: string) => () => postShelterNotice(db, host, { shelterId: shelter.id, ...water, endsAt }, NOW);
    // 12:00 Istanbul is now: it has just passed.
    expect(refusal(post('2026-12-01T12:00'))).toEqual({ code: 'noticeEndPast', field: 'endsAt' });
    expect(refusal(post('2026-12-08T12:01'))).toEqual({ code: 'noticeEndTooFar', field: 'endsAt' });
    const ok = write(db, post('2026-12-08T12:00'));
    expect(db.select().from(notices).where(eq(notices.id, ok.id)).get()?.endsAt).toEqual(new Date('2026-12-08T09:00:00Z'));
  });
});

describe('the form', () => {
  const form = { shelterId: 'x', textRu: '', textEn: '', textTr: '', textUk: '', endsAt: '2026-12-01T18:00' };
  it('refuses no text, a text over 200 characters and a malformed end, next to the field', () => {
    const errors = (values: Record<string, string>) => {
      const parsed = shelterNoticeSchema.safeParse(values);
      return parsed.success ? {} : fieldErrorsOf(parsed.error);
    };
    expect(errors(form)).toEqual({ textRu: 'noticeTextRequired' });
    expect(errors({ ...form, textTr: 'ç'.repeat(201) })).toEqual({ textTr: 'noticeTooLong' });
    expect(errors({ ...form, textTr: 'ç'.repeat(200) })).toEqual({});
    expect(errors({ ...form, textEn: 'Hi', endsAt: 'tomorrow' })).toEqual({ endsAt: 'noticeEndInvalid' });
    expect(errors({ ...form, textEn: 'Hi', endsAt: '' })).toEqual({ endsAt: 'noticeEndRequired' });
    expect(cityNoticeSchema.safeParse({ ...form, shelterId: undefined, cityId: '', textEn: 'Hi' }).error?.issues[0]?.message).toBe(
      'noticeCityRequired',
    );
  });
});

describe("an admin's city notice", () => {
  it("shows on every shelter's links in the city, not in another city, and goes when taken down", async () => {
    const a = shelterWithGuest(istanbul.id);
    const b = shelterWithGuest(istanbul.id);
    const elsewhere = shelterWithGuest(yerevan.id, 'Asia/Yerevan');
    const notice = write(db, (tx) =>
      postCityNotice(
        tx,
        admin,
        {
          cityId: istanbul.id,
          textRu: null,
          textEn: 'Ferries are not running today',
          textTr: null,
          textUk: null,
          endsAt: '2026-12-01T23:00',
        },
        NOW,
      ),
    );
    for (const { token } of [a, b]) {
      const html = await page(token, 'en');
      expect(html).toContain('Ferries are not running today');
      expect(html).toContain('Notice from the volunteers in this city');
    }
    expect(await page(elsewhere.token, 'en')).not.toContain('Ferries are not running today');

    // The host sees it on their page, and may not take it down; an admin holding the city may.
    expect(shelterNoticesFor(db, a.host, a.shelter, NOW)).toMatchObject([{ id: notice.id, scope: 'city', mayWithdraw: false }]);
    expect(refusal(() => withdrawNotice(db, a.host, notice.id, NOW)).code).toBe('notAllowed');
    const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul.id] }), [], [istanbul.id]);
    expect(cityNoticesFor(db, istanbulAdmin, NOW).map((n) => n.id)).toContain(notice.id);
    write(db, (tx) => withdrawNotice(tx, istanbulAdmin, notice.id, later(1)));
    expect(await page(a.token, 'en', later(1))).not.toContain('Ferries are not running today');
    expect(refusal(() => withdrawNotice(db, istanbulAdmin, notice.id, later(2))).code).toBe('noticeAlreadyDown');
  });

  it('is refused for a city the admin does not hold, or that does not exist, next to the city field', () => {
    const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan.id] }), [], [yerevan.id]);
    const input = { ...water, endsAt: '2026-12-01T23:00' };
    expect(refusal(() => postCityNotice(db, yerevanAdmin, { cityId: istanbul.id, ...input }, NOW))).toEqual({
      code: 'noticeCityNotHeld',
      field: 'cityId',
    });
    expect(refusal(() => postCityNotice(db, admin, { cityId: 'no-such-city', ...input }, NOW))).toEqual({
      code: 'noticeCityNotHeld',
      field: 'cityId',
    });
    expect(cityNoticesFor(db, yerevanAdmin, NOW).every((n) => n.cityId === yerevan.id)).toBe(true);
  });
});

describe('taking a shelter notice down', () => {
  it("is for the shelter's hosts (its author among them) and an admin holding the city; not another shelter's host", () => {
    const { shelter, host } = shelterWithGuest(istanbul.id);
    const coHost = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
    const stranger = shelterWithGuest(istanbul.id).host;
    const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan.id] }), [], [yerevan.id]);
    const post = () => write(db, (tx) => postShelterNotice(tx, host, { shelterId: shelter.id, ...water }, NOW)).id;
    for (const caller of [stranger, yerevanAdmin]) expect(refusal(() => withdrawNotice(db, caller, post(), NOW)).code).toBe('notAllowed');
    for (const caller of [host, coHost, admin]) {
      const id = post();
      write(db, (tx) => withdrawNotice(tx, caller, id, NOW));
      expect(liveNotices(db, { shelterId: shelter.id, cityId: null }, NOW).map((n) => n.id)).not.toContain(id);
    }
  });
});

describe('a notice whose author may no longer post there', () => {
  it('stays up against a host who has left the shelter', () => {
    const { shelter, host } = shelterWithGuest(istanbul.id);
    const id = write(db, (tx) => postShelterNotice(tx, host, { shelterId: shelter.id, ...water }, NOW)).id;
    sqlite.prepare('delete from shelter_members where user_id = ? and shelter_id = ?').run(host.id, shelter.id);
    const former = { ...host, shelterIds: [] };
    expect(refusal(() => withdrawNotice(db, former, id, NOW)).code).toBe('notAllowed');
    expect(liveNotices(db, { shelterId: shelter.id, cityId: null }, NOW).map((n) => n.id)).toContain(id);
  });

  it("stays up against an admin who no longer holds the city; the city's admins take it down", () => {
    const author = asStaff(makeUser(db, 'admin', { cityIds: [yerevan.id] }), [], [yerevan.id]);
    const id = write(db, (tx) => postCityNotice(tx, author, { cityId: yerevan.id, ...water, endsAt: '2026-12-01T23:00' }, NOW)).id;
    const movedToIstanbul = { ...author, cityIds: [istanbul.id] };
    expect(cityNoticesFor(db, movedToIstanbul, NOW).map((n) => n.id)).not.toContain(id);
    expect(refusal(() => withdrawNotice(db, movedToIstanbul, id, NOW)).code).toBe('notAllowed');
    const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan.id] }), [], [yerevan.id]);
    expect(cityNoticesFor(db, yerevanAdmin, NOW)).toEqual(expect.arrayContaining([expect.objectContaining({ id, mayWithdraw: true })]));
    write(db, (tx) => withdrawNotice(tx, yerevanAdmin, id, NOW));
    expect(liveNotices(db, { shelterId: null, cityId: yerevan.id }, NOW).map((n) => n.id)).not.toContain(id);
  });
});

describe('the page with notices', () => {
  it('stays within 14 KB gzip with a shelter and a city notice of 200 characters in all four languages', async () => {
    const city = makeCity(db, 'Notice Budget', { timeZone: 'Europe/Istanbul' });
    const { shelter, host, token } = shelterWithGuest(city.id);
    // Text that barely compresses: letters picked by a fixed pseudo-random sequence, not a repeated word.
    let state = 7;
    const noise = (alphabet: string) =>
      Array.from({ length: 200 }, () => alphabet[(state = (state * 48271) % 2147483647) % alphabet.length]).join('');
    const full = () => ({
      textRu: noise('абвгдеёжзийклмнопрстуфхцчшщыэюя .,'),
      textEn: noise('abcdefghijklmnopqrstuvwxyz .,'),
      textTr: noise('abcçdefgğhıijklmnoöprsştuüvyz .,'),
      textUk: noise('абвгґдеєжзиіїйклмнопрстуфхцчшщьюя .,'),
      endsAt: '2026-12-01T20:00',
    });
    write(db, (tx) => postShelterNotice(tx, host, { shelterId: shelter.id, ...full() }, NOW));
    write(db, (tx) => postCityNotice(tx, admin, { cityId: city.id, ...full() }, NOW));
    for (const locale of ['ru', 'uk', 'tr', 'en'] as const) {
      const html = await page(token, locale);
      expect(html.split('class="notice"').length - 1).toBe(2);
      expect(gzipSync(html).length, locale).toBeLessThanOrEqual(14 * 1024);
    }
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
  '<body onload=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '</title><script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  '<!--<script>alert(1)</script>-->',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
];
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe('notice text cannot inject markup (XSS)', () => {
  const { shelter, host, token } = shelterWithGuest(istanbul.id);
  it.each(XSS_PAYLOADS)('renders %j as text only', async (payload) => {
    const notice = write(db, (tx) =>
      postShelterNotice(
        tx,
        host,
        { shelterId: shelter.id, textRu: null, textEn: payload, textTr: null, textUk: null, endsAt: '2026-12-01T20:00' },
        NOW,
      ),
    );
    const html = await page(token, 'en');
    expect(html).toContain(`<p class="text" lang="en">${escapeHtml(payload)}</p>`);
    if (/[<>&"']/.test(payload)) expect(html).not.toContain(payload);
    expect(html).not.toMatch(/<(iframe|img|svg|details|meta http-equiv|a href="javascript)/i);
    expect(html.toLowerCase().split('<script').length - 1).toBe(1);
    write(db, (tx) => withdrawNotice(tx, host, notice.id, NOW));
    expect(db.select().from(noticeTexts).where(eq(noticeTexts.noticeId, notice.id)).all()).toHaveLength(1);
  });
});
