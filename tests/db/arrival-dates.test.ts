import { afterAll, describe, expect, it } from 'vitest';
import { renderArrivalPage } from '@/components/arrival/render';
import { stayBeds, stays } from '@/db/schema';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { arrivalPageData } from '@/lib/guest-link/page-data';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { makeArrival, makeRoom, makeShelter } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 11:00Z on 1 December is 14:00 in Istanbul.
const NOW = new Date('2026-12-01T11:00:00Z');
const DOOR = { checkInFrom: '14:00', checkInUntil: '23:00', checkOutBy: '11:00', holdHours: 6 };

/** A stay with its dates and a working link, written as the placement code writes it. */
function linkTo(values: {
  firstNight: string;
  departure: string;
  holdUntil: Date;
  status?: 'reserved' | 'checked_in';
  timeZone?: string;
  beds?: number;
}) {
  const shelter = makeShelter(db, { status: 'open', name: 'Fatih Evi', ...DOOR, timeZone: values.timeZone ?? 'Europe/Istanbul' });
  const room = makeRoom(db, shelter.id, 'mixed', values.beds ?? 2);
  const token = newLinkToken();
  const stay = db
    .insert(stays)
    .values({
      arrivalId: makeArrival(db).id,
      shelterId: shelter.id,
      status: values.status ?? 'reserved',
      holdUntil: values.holdUntil,
      firstNight: values.firstNight,
      departure: values.departure,
      createdAt: new Date(NOW.getTime() - 3600_000),
      linkTokenHash: hashLinkToken(token),
      linkExpiresAt: new Date(NOW.getTime() + 30 * 86_400_000),
    })
    .returning()
    .get();
  db.insert(stayBeds)
    .values(room.beds.map((bed) => ({ stayId: stay.id, bedId: bed.id })))
    .run();
  return token;
}

/** The page's text, as a reader sees it: tags gone, Intl's thin spaces as plain ones. */
async function pageText(token: string, locale: ArrivalLocale, now = NOW) {
  const html = await renderArrivalPage(arrivalPageData(db, token, now)!, locale, now);
  return html
    .replace(/<[^>]+>/g, '\n')
    .replace(/\u2009/g, ' ')
    .replace(/&#x27;/g, "'");
}

describe('the arrival’s link shows the stay’s nights', () => {
  const tonight = linkTo({ firstNight: '2026-12-01', departure: '2026-12-04', holdUntil: new Date('2026-12-01T20:00:00Z') });

  it.each([
    ['en', '3 nights, December 1 – 3; check out by 11:00 on December 4.'],
    ['ru', '3 ночи: 1–3 декабря; выезд 4 декабря до 11:00.'],
    ['uk', '3 ночі: 1–3 грудня; виїзд 4 грудня до 11:00.'],
    ['tr', '3 gece, 1 – 3 Aralık; çıkış 4 Aralık, en geç saat 11:00.'],
  ] as const)('in %s: how many nights, which, and when to check out', async (locale, sentence) => {
    expect(await pageText(tonight, locale)).toContain(sentence);
  });

  it('keeps today’s hold as a time, and the check-in window as it was', async () => {
    const text = await pageText(tonight, 'en');
    expect(text).toContain('2 beds are held for you until 23:00.');
    expect(text).toContain('Check-in between 14:00 and 23:00.');
    expect(text).toContain('Your place tonight');
    expect(text).not.toContain('kept from');
  });

  it('says one night without a range', async () => {
    const one = linkTo({ firstNight: '2026-12-01', departure: '2026-12-02', holdUntil: new Date('2026-12-01T20:00:00Z') });
    expect(await pageText(one, 'en')).toContain('1 night, December 1; check out by 11:00 on December 2.');
    expect(await pageText(one, 'ru')).toContain('1 ночь: 1 декабря; выезд 2 декабря до 11:00.');
  });

  it('spans two months in the reader’s language', async () => {
    const across = linkTo({
      firstNight: '2026-11-30',
      departure: '2026-12-03',
      holdUntil: new Date('2026-12-01T20:00:00Z'),
      status: 'checked_in',
    });
    expect(await pageText(across, 'en')).toContain('3 nights, November 30 – December 2; check out by 11:00 on December 3.');
    expect(await pageText(across, 'uk')).toContain('3 ночі: 30 листопада – 2 грудня; виїзд 3 грудня до 11:00.');
  });

  it('shows no dates once the reservation has ended', async () => {
    const text = await pageText(tonight, 'en', new Date('2026-12-01T20:00:00Z'));
    expect(text).toContain('This reservation has ended.');
    expect(text).not.toContain('nights');
  });
});

describe('a booking ahead', () => {
  // Kept from 2 December; the hold runs to the end of that night's check-in window, 23:00 (20:00Z).
  const ahead = linkTo({ firstNight: '2026-12-02', departure: '2026-12-05', holdUntil: new Date('2026-12-02T20:00:00Z') });

  it.each([
    [
      'en',
      [
        '2 beds are held for you until 23:00 on December 2.',
        'Your beds are kept from December 2; check in 14:00–23:00 on December 2.',
        '3 nights, December 2 – 4; check out by 11:00 on December 5.',
      ],
    ],
    [
      'ru',
      [
        'Для вас забронированы 2 кровати до 2 декабря, 23:00',
        'Ваши кровати ждут вас с 2 декабря; заселение 2 декабря с 14:00 до 23:00.',
        '3 ночи: 2–4 декабря; выезд 5 декабря до 11:00.',
      ],
    ],
    [
      'uk',
      [
        'Для вас заброньовано 2 ліжка до 2 грудня, 23:00',
        'Ваші ліжка чекають на вас з 2 грудня; заселення 2 грудня з 14:00 до 23:00.',
        '3 ночі: 2–4 грудня; виїзд 5 грудня до 11:00.',
      ],
    ],
    [
      'tr',
      [
        'Sizin için 2 yatak 2 Aralık 23:00 saatine kadar ayrıldı',
        'Yataklarınız 2 Aralık tarihinden itibaren sizin için ayrıldı; giriş 2 Aralık günü 14:00–23:00 arası.',
        '3 gece, 2 – 4 Aralık; çıkış 5 Aralık, en geç saat 11:00.',
      ],
    ],
  ] as const)('in %s: from which day the bed is kept, the hold with its date, and the nights', async (locale, sentences) => {
    const text = await pageText(ahead, locale);
    for (const sentence of sentences) expect(text).toContain(sentence);
    // Not today's check-in window: the door opens on the first night.
    expect(text).not.toMatch(/Check-in between|Заселение с 14|Заселення з 14|Giriş saatleri/);
  });

  it('is headed with the first day, not “tonight”', async () => {
    expect(await pageText(ahead, 'en')).toContain('Your place from December 2');
    expect(await pageText(ahead, 'ru')).toContain('Ваше место с 2 декабря');
    expect(await pageText(ahead, 'en')).not.toContain('Your place tonight');
  });

  it('names the hold’s day in the shelter’s zone, across Berlin’s clock change', async () => {
    // 23:30 in Berlin on 24 October (CEST); the hold ends at 00:30 on the 25th there, still the 24th in UTC.
    const now = new Date('2026-10-24T21:30:00Z');
    const berlin = linkTo({
      firstNight: '2026-10-25',
      departure: '2026-10-27',
      holdUntil: new Date('2026-10-24T22:30:00Z'),
      timeZone: 'Europe/Berlin',
      beds: 1,
    });
    const text = await pageText(berlin, 'en', now);
    expect(text).toContain('1 bed is held for you until 00:30 on October 25.');
    expect(text).toContain('Your bed is kept from October 25; check in 14:00–23:00 on October 25.');
    // After the clocks go back at 03:00 on the 25th, 22:00Z is 23:00 in Berlin (CET), no longer midnight.
    const later = linkTo({
      firstNight: '2026-10-25',
      departure: '2026-10-26',
      holdUntil: new Date('2026-10-25T22:00:00Z'),
      timeZone: 'Europe/Berlin',
      beds: 1,
    });
    expect(await pageText(later, 'en', now)).toContain('until 23:00 on October 25');
  });
});
