import { describe, expect, it } from 'vitest';
import { shareLinks, shareText, type HandoverStay } from '@/lib/i18n/share';

// What the household reads in Telegram or WhatsApp before setting off: the real first night, that
// day's door hours and the number of nights, in their language; "tonight" only when it is.
const stay = (firstNight: string, departure: string, timeZone = 'Europe/Istanbul'): HandoverStay => ({
  firstNight,
  departure,
  checkInFrom: '14:00',
  checkInUntil: '23:00',
  timeZone,
});
const text = (languages: string[], s: HandoverStay, now: string) => shareText(languages, 'stay', { stay: s, now: new Date(now) }).text;
// Sunday 6 December 2026, 18:00 in Istanbul (UTC+3).
const EVENING = '2026-12-06T15:00:00Z';

describe('a stay’s hand-over message', () => {
  it('for tonight says tonight, with the date, the door hours and the nights', () => {
    expect(text(['en'], stay('2026-12-06', '2026-12-09'), EVENING)).toBe(
      'Your place is ready from tonight, Sun 6 Dec: check-in 14:00–23:00, 3 nights. Address, directions and contacts are at this link:',
    );
    expect(text(['ru'], stay('2026-12-06', '2026-12-07'), EVENING)).toBe(
      'Для вас есть место с этой ночи, 6 декабря (вс): заселение 14:00–23:00, 1 ночь. Адрес, как добраться и контакты — по ссылке:',
    );
  });

  it('for a booking from tomorrow names the day and never says tonight, in each language', () => {
    const tomorrow = stay('2026-12-07', '2026-12-10');
    expect(text(['en'], tomorrow, EVENING)).toBe(
      'Your place is ready from Mon 7 Dec: check-in 14:00–23:00 that day, 3 nights. Address, directions and contacts are at this link:',
    );
    expect(text(['ru'], tomorrow, EVENING)).toBe(
      'Для вас есть место с 7 декабря (пн): заселение в этот день 14:00–23:00, 3 ночи. Адрес, как добраться и контакты — по ссылке:',
    );
    expect(text(['uk'], stay('2026-12-07', '2026-12-12'), EVENING)).toBe(
      'Для вас є місце з 7 грудня (пн): заселення цього дня 14:00–23:00, 5 ночей. Адреса, як дістатися та контакти — за посиланням:',
    );
    expect(text(['tr'], tomorrow, EVENING)).toBe(
      'Yeriniz hazır, ilk gece 7 Aralık Pazartesi: o gün giriş 14:00–23:00, 3 gece. Adres, yol tarifi ve iletişim bilgileri bu bağlantıda:',
    );
    for (const language of ['en', 'ru', 'uk', 'tr'])
      expect(text([language], tomorrow, EVENING)).not.toMatch(/tonight|этой ночи|цієї ночі|bu gece/i);
  });

  it('across midnight: at 00:30 "tonight" is the night under way, and the coming evening is named by its date', () => {
    // Monday 7 December, 00:30 in Istanbul.
    const afterMidnight = '2026-12-06T21:30:00Z';
    expect(text(['en'], stay('2026-12-06', '2026-12-08'), afterMidnight)).toMatch(
      /^Your place is ready from tonight, Sun 6 Dec: check-in 14:00–23:00, 2 nights\./,
    );
    expect(text(['en'], stay('2026-12-07', '2026-12-08'), afterMidnight)).toMatch(
      /^Your place is ready from Mon 7 Dec: check-in 14:00–23:00 that day, 1 night\./,
    );
    // From six in the morning the coming evening is tonight.
    expect(text(['en'], stay('2026-12-07', '2026-12-08'), '2026-12-07T03:00:00Z')).toMatch(/^Your place is ready from tonight, Mon 7 Dec/);
  });

  it('reads the day in the shelter’s own zone: 22:30 UTC is already Monday in Yerevan (UTC+4), still Sunday in Warsaw', () => {
    const at = '2026-12-06T22:30:00Z';
    expect(text(['en'], stay('2026-12-07', '2026-12-08', 'Asia/Yerevan'), at)).toMatch(/^Your place is ready from Mon 7 Dec: /);
    expect(text(['en'], stay('2026-12-06', '2026-12-08', 'Europe/Warsaw'), at)).toMatch(/^Your place is ready from tonight, Sun 6 Dec: /);
  });

  it('goes into the Telegram and WhatsApp links whole', () => {
    const message = text(['uk'], stay('2026-12-07', '2026-12-10'), EVENING);
    const links = shareLinks('https://ways.example/s/T0KEN', message);
    expect(new URL(links.telegram).searchParams.get('text')).toBe(message);
    expect(new URL(links.whatsapp).searchParams.get('text')).toBe(`${message} https://ways.example/s/T0KEN`);
  });

  it('names no night when the stay has no dates, and a waiting request gets the request’s own text', () => {
    expect(shareText(['en'], 'stay', { stay: null, now: new Date(EVENING) }).text).toBe(
      'Your place is ready. Address, directions, check-in hours and contacts are at this link:',
    );
    expect(shareText(['tr'], 'request').text).toContain('talebiniz');
    expect(shareText(['en'], 'request', { stay: stay('2026-12-07', '2026-12-09'), now: new Date(EVENING) }).text).toMatch(
      /^Your place is ready from Mon 7 Dec/,
    );
  });
});
