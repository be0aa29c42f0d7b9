import { describe, expect, it } from 'vitest';
import { localeAfterSignIn } from '@/lib/auth/locale-cookie';
import { signInSchema } from '@/lib/validation/staff';

describe('the language after sign-in', () => {
  it('is the one tapped on the sign-in page, which becomes the account’s', () => {
    expect(localeAfterSignIn('en', 'ru', 'ru')).toEqual({ locale: 'ru', changed: true });
    expect(localeAfterSignIn('ru', 'ru', 'ru')).toEqual({ locale: 'ru', changed: false });
  });

  it('is the one the page took from the phone, for this browser only', () => {
    expect(localeAfterSignIn('en', null, 'tr')).toEqual({ locale: 'tr', changed: false });
  });

  it('is the account’s own when the form said nothing of the page', () => {
    expect(localeAfterSignIn('tr', null, undefined)).toEqual({ locale: 'tr', changed: false });
  });

  it('never costs a sign-in: a language the app does not speak is ignored, the rest still parsed', () => {
    const parsed = signInSchema.parse({ email: 'a@example.org', password: 'x', shownLocale: 'de' });
    expect(parsed).toEqual({ email: 'a@example.org', password: 'x', shownLocale: undefined });
    expect(signInSchema.parse({ email: 'a@example.org', password: 'x', shownLocale: 'tr' }).shownLocale).toBe('tr');
  });
});
