import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/public/en.json';
import ru from '@/lib/i18n/public/ru.json';
import tr from '@/lib/i18n/public/tr.json';
import uk from '@/lib/i18n/public/uk.json';
import { fieldErrorsOf } from '@/lib/validation/common';
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
});
