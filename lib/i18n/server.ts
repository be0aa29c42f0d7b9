import 'server-only';
import { _createCache, _createIntlFormatters, createFormatter, createTranslator } from 'next-intl';
import {
  getLocale,
  getMessages,
  getNow,
  getTimeZone,
  type getFormatter as nextIntlGetFormatter,
  type getTranslations as nextIntlGetTranslations,
} from 'next-intl/server';
import { cache } from 'react';

/**
 * next-intl's `getTranslations` and `getFormatter` for server components, with one difference: the
 * Intl objects (date, number and plural formatters) and the parsed messages are kept for the life
 * of the process, one set per locale, instead of being built again for every request. next-intl
 * keeps them per request (React's `cache`), so each staff page made some forty `Intl.*` objects and
 * parsed each message it showed afresh: about a tenth of a bed board's server CPU
 * (docs/benchmarks.md). Both are pure functions of their inputs, so sharing them changes no
 * sentence; the translator and formatter themselves are still made per request, with its locale,
 * time zone and clock.
 */
type Shared = { cache: ReturnType<typeof _createCache>; formatters: ReturnType<typeof _createIntlFormatters> };
const sharedByLocale = new Map<string, Shared>();

/** The locale's kept Intl objects and parsed messages (four locales at most). */
export function sharedIntl(locale: string): Shared {
  let shared = sharedByLocale.get(locale);
  if (!shared) {
    const kept = _createCache();
    shared = { cache: kept, formatters: _createIntlFormatters(kept) };
    sharedByLocale.set(locale, shared);
  }
  return shared;
}

const translator = cache(async (namespace: string | undefined) => {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  const { cache: kept, formatters } = sharedIntl(locale);
  return createTranslator({ locale, messages, timeZone, namespace, _cache: kept, _formatters: formatters });
});

const formatter = cache(async () => {
  const [locale, timeZone, now] = await Promise.all([getLocale(), getTimeZone(), getNow()]);
  return createFormatter({ locale, timeZone, now, _formatters: sharedIntl(locale).formatters });
});

// next-intl's types also accept `{ locale, … }` for another locale than the request's; these serve
// the request's only, so such a call fails loudly instead of answering in the wrong language.
const requestLocaleOnly = (what: string) => {
  throw new Error(`${what} from @/lib/i18n/server takes a namespace only; it translates for the request's locale`);
};

/** As next-intl's, for the request's locale: `getTranslations('board')`. */
export const getTranslations = ((namespace?: unknown) =>
  namespace === undefined || typeof namespace === 'string'
    ? translator(namespace)
    : requestLocaleOnly('getTranslations')) as typeof nextIntlGetTranslations;

/** As next-intl's, for the request's locale and time zone. */
export const getFormatter = ((options?: unknown) =>
  options === undefined ? formatter() : requestLocaleOnly('getFormatter')) as typeof nextIntlGetFormatter;
