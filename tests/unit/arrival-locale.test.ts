import { describe, expect, it } from 'vitest';
import { arrivalLocale } from '@/lib/guest-link/locale';

describe('arrivalLocale', () => {
  it('lets ?lang win over the cookie and Accept-Language', () => {
    expect(arrivalLocale('tr', 'uk', 'ru-RU,ru;q=0.9')).toBe('tr');
    expect(arrivalLocale('en', 'ru', 'ru')).toBe('en');
  });

  it('lets the remembered cookie win over Accept-Language', () => {
    expect(arrivalLocale(null, 'uk', 'ru-RU,ru;q=0.9')).toBe('uk');
    expect(arrivalLocale(null, 'en', 'tr')).toBe('en');
  });

  it('falls back to Accept-Language with neither a choice nor a cookie', () => {
    expect(arrivalLocale(null, undefined, 'ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(arrivalLocale(null, undefined, 'tr-TR')).toBe('tr');
  });

  it('reads a regional tag by its language: uk-UA is Ukrainian', () => {
    expect(arrivalLocale(null, undefined, 'uk-UA')).toBe('uk');
    expect(arrivalLocale(null, undefined, 'UK-ua,uk;q=0.9')).toBe('uk');
  });

  it('shows Russian to Belarusian and Kazakh speakers', () => {
    expect(arrivalLocale(null, undefined, 'be')).toBe('ru');
    expect(arrivalLocale(null, undefined, 'be-BY,en;q=0.5')).toBe('ru');
    expect(arrivalLocale(null, undefined, 'kk-KZ')).toBe('ru');
  });

  it('skips an unsupported first choice and takes the next supported one', () => {
    expect(arrivalLocale(null, undefined, 'de-DE,en;q=0.5')).toBe('en');
    expect(arrivalLocale(null, undefined, 'de-DE,tr;q=0.5')).toBe('tr');
  });

  it('honours q-values rather than the order of the header, and ignores q=0', () => {
    expect(arrivalLocale(null, undefined, 'en;q=0.2,uk;q=0.9')).toBe('uk');
    expect(arrivalLocale(null, undefined, 'ru;q=0, tr;q=0.3')).toBe('tr');
  });

  it('falls back to English when nothing is usable', () => {
    expect(arrivalLocale(null, undefined, null)).toBe('en');
    expect(arrivalLocale(null, undefined, '')).toBe('en');
    expect(arrivalLocale(null, undefined, 'de-DE,fr;q=0.8,*;q=0.1')).toBe('en');
    expect(arrivalLocale(null, undefined, ',,;q=,garbage;q=abc')).toBe('en');
    expect(arrivalLocale('', '', '')).toBe('en');
  });

  it('ignores an invalid ?lang and an invalid cookie', () => {
    expect(arrivalLocale('de', undefined, 'uk')).toBe('uk');
    expect(arrivalLocale('RU', undefined, 'tr')).toBe('tr');
    expect(arrivalLocale('ru-RU', undefined, 'tr')).toBe('tr');
    expect(arrivalLocale('<script>', 'xx', 'tr')).toBe('tr');
    expect(arrivalLocale('de', 'ru', 'tr')).toBe('ru');
    expect(arrivalLocale('__proto__', 'constructor', null)).toBe('en');
  });

  it('accepts optional whitespace around the ";" of a q-value, as RFC 9110 allows', () => {
    // weight = OWS ";" OWS "q=" qvalue — "tr ;q=0.9" names Turkish.
    expect(arrivalLocale(null, undefined, 'de, tr ;q=0.9')).toBe('tr');
  });
});
