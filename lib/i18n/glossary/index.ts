import type { Locale } from '../locales';
import en from './en.json';
import ru from './ru.json';
import tr from './tr.json';

// The domain's words, one glossary per staff language, so that a translation names each thing the
// same way on every screen and two things that must never be confused (signing out of the app and a
// guest's check-out) never share a word. `term` is the word, `action` the button that does it, and
// `forms` the lower-case patterns by which a sentence in that language is seen to name it.

export type Concept = keyof typeof en;
export type GlossaryEntry = { term: string; action?: string; forms: string[] };

export const GLOSSARY: Record<Locale, Record<Concept, GlossaryEntry>> = { en, ru, tr };

/** The concepts a person must never mistake for one another, in pairs. */
export const NEVER_CONFUSED: [Concept, Concept][] = [
  ['signIn', 'checkIn'],
  ['signOut', 'checkOut'],
  ['signIn', 'signOut'],
  ['checkIn', 'checkOut'],
];

const lower = (text: string, locale: Locale) => text.toLocaleLowerCase(locale);
const patterns = (entry: GlossaryEntry) => entry.forms.map((form) => new RegExp(form, 'gu'));

/**
 * Longer terms that contain this concept's word without meaning it ("two-step sign-in" is not a
 * sign-in; "iki adımlı giriş" is no check-in): their forms are set aside before looking for it.
 */
function containing(locale: Locale, concept: Concept): GlossaryEntry[] {
  const own = GLOSSARY[locale][concept];
  return Object.values(GLOSSARY[locale]).filter(
    (other) => other.term.length > own.term.length && patterns(own).some((pattern) => lower(other.term, locale).match(pattern)),
  );
}

/** Whether `text`, in `locale`, names the concept by one of its glossary forms. */
export function namesConcept(text: string, locale: Locale, concept: Concept): boolean {
  let rest = lower(text, locale);
  for (const other of containing(locale, concept)) for (const pattern of patterns(other)) rest = rest.replace(pattern, ' ');
  return patterns(GLOSSARY[locale][concept]).some((pattern) => rest.match(pattern) !== null);
}
