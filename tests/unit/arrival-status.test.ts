import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { arrivalStatus, statusSentence, type ArrivalStatus } from '@/lib/guest-link/status';
import en from '@/lib/i18n/arrival/en.json';
import ru from '@/lib/i18n/arrival/ru.json';

const NOW = new Date('2026-10-01T14:00:00Z');
const HOLD = new Date('2026-10-01T19:00:00Z'); // 22:00 in Istanbul (UTC+3), five hours after NOW
const ZONE = 'Europe/Istanbul';

type Translate = Parameters<typeof statusSentence>[1];
type Format = Parameters<typeof statusSentence>[2];

/** `t` and `format` as components/arrival/render.tsx builds them. */
function tools(locale: 'en' | 'ru'): { t: Translate; format: Format } {
  const messages = locale === 'en' ? en : ru;
  const t = createTranslator({ locale, messages }) as unknown as Translate;
  const format: Format = { dateTime: (d, o) => new Intl.DateTimeFormat(locale, o).format(d) };
  return { t, format };
}

const sentence = (status: ArrivalStatus, locale: 'en' | 'ru' = 'en', timeZone = ZONE, now = NOW) => {
  const { t, format } = tools(locale);
  return statusSentence(status, t, format, timeZone, now);
};

describe('arrivalStatus', () => {
  it('is held, with the bed count and the hold time, while a reservation is inside its hold', () => {
    expect(arrivalStatus({ status: 'reserved', holdUntil: HOLD }, 3, NOW)).toEqual({ kind: 'held', beds: 3, until: HOLD });
  });

  it('has ended once the hold time has passed, even before the expiry job marked it', () => {
    expect(arrivalStatus({ status: 'reserved', holdUntil: new Date('2026-10-01T13:59:59Z') }, 3, NOW)).toEqual({ kind: 'ended' });
  });

  it('has ended at the very instant the hold runs out', () => {
    expect(arrivalStatus({ status: 'reserved', holdUntil: NOW }, 3, NOW)).toEqual({ kind: 'ended' });
  });

  it('is checked in for a checked-in stay, whatever its hold time says', () => {
    expect(arrivalStatus({ status: 'checked_in', holdUntil: new Date('2026-09-30T00:00:00Z') }, 2, NOW)).toEqual({ kind: 'checkedIn' });
    expect(arrivalStatus({ status: 'checked_in', holdUntil: HOLD }, 2, NOW)).toEqual({ kind: 'checkedIn' });
  });

  it.each(['cancelled', 'expired'])('has ended for a %s stay, even with a future hold time', (status) => {
    expect(arrivalStatus({ status, holdUntil: HOLD }, 2, NOW)).toEqual({ kind: 'ended' });
  });

  it('is a stay done, not a place lost, once the guest has checked out', () => {
    expect(arrivalStatus({ status: 'checked_out', holdUntil: HOLD }, 2, NOW)).toEqual({ kind: 'stayed' });
  });
});

describe('statusSentence in English', () => {
  it('says how many beds are held until when, in the shelter’s time', () => {
    const status = arrivalStatus({ status: 'reserved', holdUntil: HOLD }, 3, NOW);
    expect(sentence(status)).toBe('3 beds are held for you until 22:00.');
  });

  it('uses the singular for one bed', () => {
    const status = arrivalStatus({ status: 'reserved', holdUntil: HOLD }, 1, NOW);
    expect(sentence(status)).toBe('1 bed is held for you until 22:00.');
  });

  it('says the reservation has ended when the hold is in the past', () => {
    const status = arrivalStatus({ status: 'reserved', holdUntil: new Date('2026-10-01T12:00:00Z') }, 3, NOW);
    expect(sentence(status)).toBe('This reservation has ended.');
  });

  it('says the household is checked in', () => {
    expect(sentence(arrivalStatus({ status: 'checked_in', holdUntil: HOLD }, 3, NOW))).toBe('You are checked in.');
  });

  it.each(['cancelled', 'expired'])('says a %s reservation has ended', (status) => {
    expect(sentence(arrivalStatus({ status, holdUntil: HOLD }, 3, NOW))).toBe('This reservation has ended.');
  });

  it('says a guest who checked out has checked out, not that their reservation ended', () => {
    expect(sentence(arrivalStatus({ status: 'checked_out', holdUntil: HOLD }, 3, NOW))).toBe('You have checked out.');
  });

  it('shows the hold time in the shelter’s zone, not in UTC or the server’s zone', () => {
    const status: ArrivalStatus = { kind: 'held', beds: 2, until: HOLD };
    expect(sentence(status, 'en', 'Europe/Istanbul')).toContain('until 22:00.');
    expect(sentence(status, 'en', 'UTC')).toContain('until 19:00.');
    expect(sentence(status, 'en', 'Asia/Tbilisi')).toContain('until 23:00.'); // UTC+4
  });

  it('says the same absolute time whenever it is read: a saved copy never says "in 5 hours" hours later', () => {
    const status: ArrivalStatus = { kind: 'held', beds: 2, until: HOLD };
    expect(sentence(status, 'en', ZONE, new Date('2026-10-01T17:00:00Z'))).toBe('2 beds are held for you until 22:00.');
    expect(sentence(status, 'en', ZONE, new Date('2026-10-01T18:30:00Z'))).toBe('2 beds are held for you until 22:00.');
    expect(sentence(status, 'ru', ZONE, new Date('2026-10-01T18:30:00Z'))).not.toMatch(/через|назад/);
  });

  it('writes midnight in the shelter’s zone as 00:00 of the next day, not 24:00', () => {
    const status: ArrivalStatus = { kind: 'held', beds: 2, until: new Date('2026-10-01T21:00:00Z') };
    expect(sentence(status)).toBe('2 beds are held for you until 00:00 on October 2.');
  });

  it('names the day of a hold that ends on another day in the shelter’s zone, and not of one that ends today', () => {
    const status: ArrivalStatus = { kind: 'held', beds: 2, until: new Date('2026-10-03T20:00:00Z') };
    expect(sentence(status)).toBe('2 beds are held for you until 23:00 on October 3.');
    expect(sentence(status, 'ru')).toBe('Для вас забронированы 2 кровати до 3 октября, 23:00.');
    // 20:30Z on the 1st is already the 2nd in Tbilisi (UTC+4), still the 1st in Istanbul.
    const late: ArrivalStatus = { kind: 'held', beds: 2, until: new Date('2026-10-01T20:30:00Z') };
    expect(sentence(late, 'en', 'Europe/Istanbul')).toBe('2 beds are held for you until 23:30.');
    expect(sentence(late, 'en', 'Asia/Tbilisi')).toBe('2 beds are held for you until 00:30 on October 2.');
  });

  it('writes the hour with two digits on a 24-hour clock', () => {
    const status: ArrivalStatus = { kind: 'held', beds: 2, until: new Date('2026-10-01T05:05:00Z') };
    expect(sentence(status, 'en', ZONE, new Date('2026-10-01T01:05:00Z'))).toBe('2 beds are held for you until 08:05.');
  });
});

describe('statusSentence in Russian', () => {
  const held = (beds: number) => sentence({ kind: 'held', beds, until: HOLD }, 'ru');

  it('uses the singular form for 1 bed', () => {
    expect(held(1)).toContain('забронирована 1 кровать');
  });

  it('uses the "few" form for 3 beds', () => {
    expect(held(3)).toContain('забронированы 3 кровати');
  });

  it('uses the "many" form for 5 beds', () => {
    expect(held(5)).toContain('забронировано 5 кроватей');
  });

  it('follows Russian plural rules past ten (21 → one, 22 → few, 11 → many)', () => {
    expect(held(21)).toContain('забронирована 21 кровать');
    expect(held(22)).toContain('забронированы 22 кровати');
    expect(held(11)).toContain('забронировано 11 кроватей');
  });

  it('gives the time in the shelter’s zone and the relative time in Russian', () => {
    expect(held(3)).toBe('Для вас забронированы 3 кровати до 22:00.');
  });

  it('says checked in and ended in Russian', () => {
    expect(sentence({ kind: 'checkedIn' }, 'ru')).toBe('Вы заселены.');
    expect(sentence({ kind: 'ended' }, 'ru')).toBe('Эта бронь закончилась.');
    expect(sentence({ kind: 'stayed' }, 'ru')).toBe('Вы выехали.');
  });
});
