import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import tr from '@/lib/i18n/messages/tr.json';
import { sharedIntl } from '@/lib/i18n/server';

// Server components translate with Intl objects and parsed messages kept for the process, one set
// per locale (lib/i18n/server.ts). What one request formatted must never leak into another's words:
// another time zone, another locale. 22:30 UTC on 7 Dec is already 8 Dec in Istanbul.
const late = new Date('2026-12-07T22:30:00Z');
const catalogues = { en, ru, tr };

describe('translations with the Intl objects kept for the process', () => {
  it('keep one set per locale', () => {
    expect(sharedIntl('ru')).toBe(sharedIntl('ru'));
    expect(sharedIntl('ru')).not.toBe(sharedIntl('en'));
  });

  it('say what a fresh translator says, in each time zone and locale, whichever came first', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      for (const timeZone of ['Europe/Istanbul', 'UTC', 'Asia/Yerevan', 'Europe/Istanbul']) {
        const { cache, formatters } = sharedIntl(locale);
        const kept = createTranslator({ locale, messages, timeZone, namespace: 'errors', _cache: cache, _formatters: formatters });
        const fresh = createTranslator({ locale, messages, timeZone, namespace: 'errors' });
        expect(kept('closedOn', { night: late })).toBe(fresh('closedOn', { night: late }));
        expect(kept('signInLocked', { minutes: 5 })).toBe(fresh('signInLocked', { minutes: 5 }));
      }
    }
    const { cache, formatters } = sharedIntl('en');
    const say = (timeZone: string) =>
      createTranslator({ locale: 'en', messages: en, timeZone, namespace: 'errors', _cache: cache, _formatters: formatters })('closedOn', {
        night: late,
      });
    expect(say('Europe/Istanbul')).toContain('Dec 8');
    expect(say('UTC')).toContain('Dec 7');
  });

  it('format dates in the time zone asked for, the same Intl objects serving several', () => {
    const { formatters } = sharedIntl('en');
    const format = (timeZone: string) =>
      createFormatter({ locale: 'en', timeZone, _formatters: formatters }).dateTime(late, {
        hour: 'numeric',
        minute: 'numeric',
        hour12: false,
      });
    expect(format('Europe/Istanbul')).toBe('01:30');
    expect(format('UTC')).toBe('22:30');
    expect(format('Asia/Yerevan')).toBe('02:30');
  });
});
