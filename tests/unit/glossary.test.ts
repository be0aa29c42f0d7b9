import { describe, expect, it } from 'vitest';
import { GLOSSARY, namesConcept, NEVER_CONFUSED, type Concept, type GlossaryEntry } from '@/lib/i18n/glossary';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import tr from '@/lib/i18n/messages/tr.json';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}
const messages: Record<Locale, Map<string, string>> = {
  en: new Map(flatten(en)),
  ru: new Map(flatten(ru)),
  tr: new Map(flatten(tr)),
};
const TRANSLATED = LOCALES.filter((locale) => locale !== 'en');
// The words a host or guide acts on: each translation must say them with the glossary's word.
const CHECKED: Concept[] = ['signIn', 'signOut', 'checkIn', 'checkOut', 'outOfService'];
const same = (a: string, b: string, locale: Locale) => a.toLocaleLowerCase(locale) === b.toLocaleLowerCase(locale);

describe('the glossary', () => {
  it('names the same concepts in every staff language, each recognised by its own forms', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(GLOSSARY[locale]).sort()).toEqual(Object.keys(GLOSSARY.en).sort());
      for (const [concept, entry] of Object.entries(GLOSSARY[locale]) as [Concept, GlossaryEntry][]) {
        expect(namesConcept(entry.term, locale, concept), `${locale} ${concept}: ${entry.term}`).toBe(true);
        if (entry.action) expect(namesConcept(entry.action, locale, concept), `${locale} ${concept}: ${entry.action}`).toBe(true);
      }
    }
  });

  it.each(LOCALES)('keeps signing in and out apart from a guest’s check-in and check-out in %s', (locale) => {
    for (const [a, b] of NEVER_CONFUSED) {
      const [one, other] = [GLOSSARY[locale][a], GLOSSARY[locale][b]];
      expect(same(one.action!, other.action!, locale), `${a} / ${b}: ${one.action}`).toBe(false);
      for (const word of [one.term, one.action!]) expect(namesConcept(word, locale, b), `${word} reads as ${b}`).toBe(false);
      for (const word of [other.term, other.action!]) expect(namesConcept(word, locale, a), `${word} reads as ${a}`).toBe(false);
    }
  });
});

describe('staff messages use the glossary', () => {
  it.each(TRANSLATED)('in %s, every message naming sign-in, sign-out, check-in, check-out or out of service uses its word', (locale) => {
    const misses: string[] = [];
    for (const [key, english] of messages.en) {
      const text = messages[locale].get(key) ?? '';
      for (const concept of CHECKED) {
        if (namesConcept(english, 'en', concept) && !namesConcept(text, locale, concept)) misses.push(`${key} (${concept}): ${text}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it.each(TRANSLATED)('in %s, no message says the word of a concept it does not name, when the two can be confused', (locale) => {
    const crossings: string[] = [];
    for (const [key, english] of messages.en) {
      const text = messages[locale].get(key) ?? '';
      for (const pair of NEVER_CONFUSED) {
        for (const [meant, confused] of [pair, [pair[1], pair[0]]]) {
          if (namesConcept(english, 'en', meant) && !namesConcept(english, 'en', confused) && namesConcept(text, locale, confused))
            crossings.push(`${key} names ${meant} but reads as ${confused}: ${text}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  it.each(TRANSLATED)('in %s, a button or label that is just the word is the glossary’s action or term', (locale) => {
    const wrong: string[] = [];
    for (const [key, english] of messages.en) {
      for (const concept of CHECKED) {
        const [mine, theirs] = [GLOSSARY.en[concept], GLOSSARY[locale][concept]];
        const text = messages[locale].get(key) ?? '';
        const justTheWord = (entry: GlossaryEntry, word: string, language: Locale) =>
          same(word, entry.action!, language) || same(word, entry.term, language);
        if (justTheWord(mine, english, 'en') && !justTheWord(theirs, text, locale))
          wrong.push(`${key}: ${text} ≠ ${theirs.action} / ${theirs.term}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('in %s, the roles are shown by their glossary words (the role guide included)', (locale) => {
    expect(messages[locale].get('roles.guide')).toBe(GLOSSARY[locale].guide.term);
    expect(messages[locale].get('roles.host')).toBe(GLOSSARY[locale].host.term);
    expect(messages[locale].get('roles.admin')).toBe(GLOSSARY[locale].admin.term);
  });
});
