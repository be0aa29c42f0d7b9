import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '@/lib/i18n/locales';

describe('negotiateLocale', () => {
  it('picks Russian for a Russian browser', () => {
    expect(negotiateLocale('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
  });

  it('picks Turkish for a bare "tr"', () => {
    expect(negotiateLocale('tr')).toBe('tr');
  });

  it('skips an unsupported first choice and takes the next supported one', () => {
    expect(negotiateLocale('de-DE,en;q=0.5')).toBe('en');
    expect(negotiateLocale('fr-FR,fr;q=0.9,tr;q=0.4,en;q=0.3')).toBe('tr');
  });

  it('shows Russian to Ukrainian speakers, since there is no Ukrainian yet', () => {
    expect(negotiateLocale('uk-UA')).toBe('ru');
    expect(negotiateLocale('uk-UA,uk;q=0.9')).toBe('ru');
  });

  it('honours q-values rather than the order of the header', () => {
    expect(negotiateLocale('en;q=0.2,tr;q=0.9')).toBe('tr');
    expect(negotiateLocale('ru;q=0.1, tr;q=0.5, en;q=0.3')).toBe('tr');
  });

  it('falls back to English for an empty or missing header', () => {
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('de,fr;q=0.8')).toBe('en');
  });

  it('ignores a language marked q=0 (explicitly not wanted)', () => {
    expect(negotiateLocale('ru;q=0')).toBe('en');
    expect(negotiateLocale('ru;q=0,tr;q=0.5')).toBe('tr');
  });

  it('is not confused by case and spaces', () => {
    expect(negotiateLocale('  RU-ru ; q=0.8 , de')).toBe('ru');
  });
});
