import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/public/en.json';
import ru from '@/lib/i18n/public/ru.json';
import tr from '@/lib/i18n/public/tr.json';
import uk from '@/lib/i18n/public/uk.json';
import { fieldErrorsOf } from '@/lib/validation/common';
import { offerSchema } from '@/lib/validation/offer';
import { publicRequestSchema } from '@/lib/validation/request';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
const catalogues = Object.fromEntries(Object.entries({ en, ru, uk, tr }).map(([locale, tree]) => [locale, new Map(flatten(tree as Tree))]));

describe('the public pages’ messages', () => {
  it('have the same keys in English, Russian, Ukrainian and Turkish, none empty', () => {
    const keys = [...catalogues.en.keys()].sort();
    for (const [locale, messages] of Object.entries(catalogues)) {
      expect([...messages.keys()].sort(), locale).toEqual(keys);
      for (const [key, message] of messages) expect(message.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it('format with sample values in every language', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      for (const [key, message] of messages) {
        const text = new IntlMessageFormat(message, locale).format({
          count: 3,
          ago: '2 h',
          time: '17:00',
          days: 14,
          city: 'Yerevan',
          what: 'blankets',
          date: '12 Dec',
          ranges: 3,
          n: 2,
          reference: 'K7M-3QX',
        }) as string;
        expect(text, `${locale}:${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('explain every refusal of the request form’s fields', () => {
    const bad = [
      {},
      {
        alias: 'x'.repeat(41),
        adultMen: 'a',
        adultWomen: '-1',
        children: '2',
        contact: '<b>',
        arrivedAt: 'tomorrow',
        needNote: 'x'.repeat(301),
        languages: ['xx'],
      },
      { alias: 'A', adultMen: '0', adultWomen: '0', children: '0', contact: '@a' },
      { alias: 'A', adultMen: '20', adultWomen: '20', children: '0', contact: '@a' },
      { alias: 'A', adultMen: '0', adultWomen: '0', children: '1', contact: '@a' },
    ];
    const codes = new Set(bad.flatMap((input) => Object.values(fieldErrorsOf(publicRequestSchema.safeParse(input).error!))));
    expect(codes.size).toBeGreaterThan(6);
    for (const code of [...codes, 'landingRange']) expect(en.errors, code).toHaveProperty(code);
  });

  it('explain every refusal of the offer form’s fields', () => {
    const bad = [
      {},
      {
        cityId: '',
        kind: 'castle',
        capacity: '0',
        guests: 'cats',
        from1: '2026-12-10',
        to1: '2026-12-01',
        longestNights: '500',
        contact: 'call me',
        note: '<script>alert(1)</script>',
      },
      { capacity: '500', from1: '2026-12-10', contact: '12' },
      { capacity: 'many', from2: '2026-12-10', to2: '2026-12-11', longestNights: '1.5', note: 'x'.repeat(301) },
    ];
    const codes = new Set(bad.flatMap((input) => Object.values(fieldErrorsOf(offerSchema.safeParse(input).error!))));
    expect([...codes].sort()).toEqual(
      [
        'capacityRange',
        'chooseCity',
        'chooseGuests',
        'chooseKind',
        'datesReversed',
        'invalidNumber',
        'invalidPhoneOrTelegram',
        'longestRange',
        'noMarkup',
        'required',
        'tooLong',
      ].sort(),
    );
    // What the domain refuses with the city's calendar in hand (lib/offers/submit-offer.ts).
    for (const code of [...codes, 'pastDate', 'tooFarAhead', 'unknownCity']) expect(en.errors, code).toHaveProperty(code);
  });
});
