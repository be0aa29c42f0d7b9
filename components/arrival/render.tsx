import { createFormatter, createTranslator } from 'next-intl';
import { ARRIVAL_LOCALES, ARRIVAL_MESSAGES, type ArrivalLocale } from '@/lib/guest-link/locale';
import type { ArrivalPageData } from '@/lib/guest-link/page-data';
import { ArrivalPage, LinkNotWorking } from './arrival-page';
import { ArrivalDocument } from './document';
import { type Format, type Translate } from './words';

// Built once per language and kept: compiling the messages costs more than rendering the page.
const translators = new Map<ArrivalLocale, Translate>();
export const translator = (locale: ArrivalLocale) => {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator({ locale, messages: ARRIVAL_MESSAGES[locale] }) as unknown as Translate));
  return t;
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(locale: string, date: Date, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format.format(date);
}

export function formatFor(locale: ArrivalLocale, timeZone: string, now: Date): Format {
  const formatter = createFormatter({ locale, timeZone, now });
  return { dateTime: (d, o) => formatDate(locale, d, o), relativeTime: (d, at) => formatter.relativeTime(d, at) };
}

// react-dom/server is imported when first needed: the App Router build refuses a static import.
export async function toHtml(element: React.ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import('react-dom/server');
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

/** The shelter page; `extra` (withdrawing a request) comes after the status and makes it a page with a form. */
export function renderArrivalPage(data: ArrivalPageData, locale: ArrivalLocale, now: Date, extra?: React.ReactNode): Promise<string> {
  return toHtml(
    <ArrivalDocument lang={locale} title={`${data.shelter.name} · Waystation`} withScript forms={Boolean(extra)}>
      <ArrivalPage data={data} locale={locale} t={translator(locale)} format={formatFor(locale, data.shelter.timeZone, now)} now={now}>
        {extra}
      </ArrivalPage>
    </ArrivalDocument>,
  );
}

export function renderLinkNotWorking(locale: ArrivalLocale, tooMany: boolean): Promise<string> {
  const messages = Object.fromEntries(ARRIVAL_LOCALES.map((l) => [l, translator(l)])) as Record<ArrivalLocale, Translate>;
  return toHtml(
    <ArrivalDocument lang={locale} title={messages[locale](tooMany ? 'tooManyTitle' : 'notFoundTitle')} withScript={false}>
      <LinkNotWorking locale={locale} messages={messages} tooMany={tooMany} />
    </ArrivalDocument>,
  );
}
